import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { SessionMaterialResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { EntryView } from './entry-view';
import { HandbookApi } from './handbook-api';

/**
 * The handbook material of one session, opened from the calendar. The chosen alternative comes first and open, so a
 * substitute has what the presenter planned; the other alternatives follow, and staff may switch.
 */
@Component({
  selector: 'sv-session-material',
  imports: [EntryView, MatButtonModule],
  template: `
    @if (material(); as m) {
      <section
        class="material"
        data-testid="session-material"
        [attr.aria-label]="i18n.t('hb.materialFor') + ' ' + m.theme"
      >
        @if (!m.entries.length) {
          <p class="muted">{{ i18n.t('hb.noMaterial') }} «{{ m.theme }}».</p>
        }
        @for (e of ordered(m); track e.id) {
          <div class="choice" [class.chosen]="e.id === m.chosenEntryId">
            @if (e.id === m.chosenEntryId) {
              <p class="badge" data-testid="chosen-badge">{{ i18n.t('hb.chosen') }}</p>
            }
            <sv-entry-view [entry]="e" />
            @if (canChoose() && e.id !== m.chosenEntryId) {
              <button
                mat-stroked-button
                type="button"
                (click)="choose(e.id)"
                [attr.data-testid]="'choose-' + e.id"
              >
                {{ i18n.t('hb.choose') }}
              </button>
            }
          </div>
        }
      </section>
    } @else {
      <p class="muted">{{ i18n.t('hb.loading') }}</p>
    }
  `,
  styles: `
    .material {
      display: grid;
      gap: 12px;
      padding: 8px 0;
    }
    .choice {
      background: white;
      border: 1px solid #d7dbe0;
      border-radius: 8px;
      padding: 12px 16px;
    }
    .choice.chosen {
      border: 2px solid #1a5fb4;
    }
    .badge {
      margin: 0 0 6px;
      color: #1a5fb4;
      font-weight: 600;
      font-size: 0.85rem;
      text-transform: uppercase;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionMaterial implements OnInit {
  readonly sessionId = input.required<string>();
  readonly canChoose = input(false);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(HandbookApi);
  protected readonly material = signal<SessionMaterialResponse | null>(null);

  async ngOnInit(): Promise<void> {
    this.material.set(await firstValueFrom(this.api.sessionMaterial(this.sessionId())));
  }

  protected ordered(m: SessionMaterialResponse) {
    return [...m.entries].sort((a, b) => Number(b.id === m.chosenEntryId) - Number(a.id === m.chosenEntryId));
  }

  protected async choose(entryId: string): Promise<void> {
    this.material.set(await firstValueFrom(this.api.choose(this.sessionId(), entryId)));
  }
}
