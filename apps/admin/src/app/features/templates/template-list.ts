import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { of } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { ListState, rowsOf } from '../../shared/list/list-state';
import { ProgrammesApi } from '../programmes/programmes-api';
import { summarise } from './template-summary';
import { TemplatesApi } from './templates-api';

/**
 * A programme's method templates, and the way to its first one: a new programme has none, and without one its
 * groups get no calendar. A template can also be copied from another programme the user works in; the copy opens
 * in the editor and is saved here only when the user saves it.
 */
@Component({
  selector: 'sv-template-list',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    ListState,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ title() }}</h1>
        @if (canManage()) {
          <a mat-flat-button routerLink="ny" data-testid="template-new"
            ><mat-icon>add</mat-icon> {{ i18n.t('tpl.new') }}</a
          >
        }
      </header>
      <p class="intro">{{ i18n.t('tpl.intro') }}</p>
      <sv-list-state
        [loading]="templates.isLoading()"
        [error]="templates.error()"
        [count]="rows().length"
        [emptyText]="i18n.t('tpl.empty')"
        emptyIcon="event_note"
        (retry)="templates.reload()"
      >
        @if (canManage()) {
          <a svListEmpty mat-flat-button routerLink="ny" data-testid="template-new-empty">{{
            i18n.t('tpl.new')
          }}</a>
        }
        <table class="data" data-testid="template-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('tpl.name') }}</th>
              <th scope="col">{{ i18n.t('tpl.weeks') }}</th>
              <th scope="col">{{ i18n.t('tpl.phases') }}</th>
              <th scope="col">{{ i18n.t('tpl.lectures') }}</th>
              <th scope="col">{{ i18n.t('tpl.version') }}</th>
              @if (canManage()) {
                <th scope="col">
                  <span class="cdk-visually-hidden">{{ i18n.t('tpl.edit') }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (t of rows(); track t.id) {
              <tr data-testid="template-row">
                <td class="name">{{ t.name }}</td>
                <td>{{ weeksText(t) }}</td>
                <td>{{ phasesText(t) }}</td>
                <td>{{ lecturesText(t) }}</td>
                <td>{{ t.version }}</td>
                @if (canManage()) {
                  <td>
                    <a mat-button [routerLink]="t.id" [attr.aria-label]="editLabel(t.name)">{{
                      i18n.t('tpl.edit')
                    }}</a>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        @if (canStartGroup()) {
          <p>
            <a mat-stroked-button routerLink="/grupper/ny" [queryParams]="{ insats: programmeId() }">{{
              i18n.t('tpl.startGroup')
            }}</a>
          </p>
        }
      </sv-list-state>

      @if (canManage()) {
        <section class="card" aria-labelledby="tpl-copy" data-testid="template-copy">
          <h2 id="tpl-copy">{{ i18n.t('tpl.copyTitle') }}</h2>
          @if (otherProgrammes().length === 0) {
            <p class="muted">{{ i18n.t('tpl.noOtherProgrammes') }}</p>
          } @else {
            <p class="muted">{{ i18n.t('tpl.copyIntro') }}</p>
            <div class="copy-row">
              <mat-form-field appearance="outline">
                <mat-label>{{ i18n.t('tpl.copyFrom') }}</mat-label>
                <mat-select
                  [ngModel]="sourceProgrammeId()"
                  (ngModelChange)="chooseSource($event)"
                  data-testid="copy-programme"
                >
                  @for (p of otherProgrammes(); track p.id) {
                    <mat-option [value]="p.id">{{ p.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ i18n.t('tpl.copyTemplate') }}</mat-label>
                <mat-select
                  [(ngModel)]="sourceTemplateId"
                  [disabled]="sourceRows().length === 0"
                  data-testid="copy-template"
                >
                  @for (t of sourceRows(); track t.id) {
                    <mat-option [value]="t.id"
                      >{{ t.name }} ({{ t.totalWeeks }} {{ weeksWord() }})</mat-option
                    >
                  }
                </mat-select>
              </mat-form-field>
              <button
                mat-stroked-button
                type="button"
                [disabled]="!sourceTemplateId()"
                (click)="copy()"
                data-testid="copy-go"
              >
                {{ i18n.t('tpl.copy') }}
              </button>
            </div>
            @if (sourceProgrammeId() && !sourceTemplates.isLoading() && sourceRows().length === 0) {
              <p class="muted" role="status">{{ i18n.t('tpl.noTemplatesThere') }}</p>
            }
          }
        </section>
      }
    </section>
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .name {
      font-weight: 500;
    }
    .card {
      background: white;
      border-radius: 8px;
      padding: 12px 16px;
      margin-top: 24px;
    }
    .card h2 {
      font-size: 1.1rem;
      margin: 0 0 8px;
    }
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .copy-row mat-form-field {
      min-width: 260px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateList {
  readonly programmeId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly auth = inject(AuthStore);
  private readonly api = inject(TemplatesApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly router = inject(Router);
  protected readonly canManage = computed(() => this.auth.can('template.manage'));
  protected readonly canStartGroup = computed(() => this.auth.can('group.manage'));

  protected readonly templates = rxResource({
    params: () => this.programmeId(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly rows = rowsOf(this.templates);
  private readonly programmes = rxResource({ stream: () => this.programmesApi.list() });
  private readonly programmeRows = rowsOf(this.programmes, (page) => page.items);
  protected readonly otherProgrammes = computed(() =>
    this.programmeRows().filter((p) => p.id !== this.programmeId()),
  );
  protected readonly title = computed(() => {
    const p = this.programmeRows().find((x) => x.id === this.programmeId());
    return p ? this.i18n.t('tpl.titleOf').replace('{programme}', p.name) : this.i18n.t('tpl.title');
  });

  protected readonly sourceProgrammeId = signal('');
  protected readonly sourceTemplateId = signal('');
  protected readonly sourceTemplates = rxResource({
    params: () => this.sourceProgrammeId(),
    stream: ({ params }) => (params ? this.api.list(params) : of([])),
  });
  protected readonly sourceRows = rowsOf(this.sourceTemplates);

  protected chooseSource(id: string): void {
    this.sourceTemplateId.set('');
    this.sourceProgrammeId.set(id);
  }

  protected async copy(): Promise<void> {
    await this.router.navigate(['/insatser', this.programmeId(), 'mallar', 'ny'], {
      queryParams: { kopiera: this.sourceTemplateId(), fran: this.sourceProgrammeId() },
    });
  }

  protected weeksWord(): string {
    return this.i18n.t('groups.weeks');
  }

  protected weeksText(t: MethodTemplateResponse): string {
    const s = summarise(t);
    const total = String(s.totalWeeks);
    return s.internshipWeeks
      ? `${total}, ${this.i18n.t('tpl.internshipWeeks').replace('{n}', String(s.internshipWeeks))}`
      : total;
  }

  protected phasesText(t: MethodTemplateResponse): string {
    return t.phases.map((p) => `${this.labels.of('phaseKind', p.kind)} ${p.weeks} v`).join(' · ');
  }

  protected lecturesText(t: MethodTemplateResponse): string {
    const days = t.lectureWeekdays
      .map((d) =>
        this.i18n
          .t(`tpl.wd.${d}` as 'tpl.wd.1')
          .slice(0, 3)
          .toLowerCase(),
      )
      .join(', ');
    return `${t.lectureCount} · ${days} ${t.lectureStart}–${t.lectureEnd}`;
  }

  protected editLabel(name: string): string {
    return this.i18n.t('tpl.editNamed').replace('{name}', name);
  }
}
