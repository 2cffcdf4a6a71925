import { Injectable, inject, signal } from '@angular/core';
import type { EnrolmentResponse, GroupResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { GroupsApi } from '../../groups/groups-api';

/** The groups of a participant's enrolments, so a tab can name an enrolment "Grupp 6 (2030-01-14 – 2030-04-12)". */
@Injectable()
export class EnrolmentGroups {
  private readonly api = inject(GroupsApi);
  private readonly groups = signal<ReadonlyMap<string, GroupResponse>>(new Map());

  async load(enrolments: readonly EnrolmentResponse[]): Promise<void> {
    const missing = [...new Set(enrolments.map((e) => e.groupId))].filter((id) => !this.groups().has(id));
    if (missing.length === 0) return;
    const found = await Promise.all(missing.map((id) => firstValueFrom(this.api.get(id)).catch(() => null)));
    this.groups.update(
      (m) => new Map([...m, ...found.filter((g) => g !== null).map((g) => [g.id, g] as const)]),
    );
  }

  group(id: string): GroupResponse | undefined {
    return this.groups().get(id);
  }

  /** The group's name and the enrolment's own dates (she may have joined late or left early). */
  describe(e: EnrolmentResponse): string {
    const g = this.groups().get(e.groupId);
    const end = e.endDate ?? g?.endDate ?? '';
    return `${g?.name ?? '…'} (${e.startDate} – ${end})`;
  }
}
