import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { ListState } from '../../shared/list/list-state';
import { Outcome } from '../../shared/outcome';
import { HandbookApi, type HandbookEditorRow } from './handbook-api';

/**
 * The admin appoints handbook editors: a switch per staff member. Staff may read the handbook by their role; only
 * those given the right here may change it (the api decides; this shows and sets it).
 */
@Component({
  selector: 'sv-handbook-editors',
  imports: [MatSlideToggleModule, ListState],
  template: `
    <section class="editors" data-testid="handbook-editors" aria-labelledby="hb-editors-title">
      <h2 id="hb-editors-title">{{ i18n.t('hbx.editorsTitle') }}</h2>
      <p class="muted">{{ i18n.t('hbx.editorsHelp') }}</p>
      <sv-list-state
        [loading]="loading()"
        [error]="error()"
        [count]="rows().length"
        [emptyText]="i18n.t('hbx.noStaff')"
        emptyIcon="group"
        (retry)="load()"
      >
        <table class="data">
          <caption class="visually-hidden">
            {{
              i18n.t('hbx.editorsTitle')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('hbx.person') }}</th>
              <th scope="col">{{ i18n.t('hbx.editor') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.userId) {
              <tr data-testid="editor-row">
                <td>
                  {{ r.displayName }} <span class="muted">{{ r.email }}</span>
                </td>
                <td>
                  <mat-slide-toggle
                    [checked]="r.editor"
                    [disabled]="saving() === r.userId"
                    (change)="set(r, $event.checked)"
                    [attr.data-testid]="'editor-toggle'"
                    >{{ i18n.t('hbx.editorFor').replace('{name}', r.displayName) }}</mat-slide-toggle
                  >
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
    </section>
  `,
  styles: `
    .editors {
      background: white;
      border-radius: 8px;
      padding: 16px;
      margin-top: 24px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandbookEditors implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(HandbookApi);
  private readonly outcome = inject(Outcome);
  protected readonly rows = signal<HandbookEditorRow[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly saving = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.rows.set(await firstValueFrom(this.api.editors()));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected async set(row: HandbookEditorRow, editor: boolean): Promise<void> {
    this.saving.set(row.userId);
    try {
      await firstValueFrom(this.api.setEditor(row.userId, editor));
      this.rows.update((all) => all.map((r) => (r.userId === row.userId ? { ...r, editor } : r)));
      this.outcome.done(
        this.i18n.t(editor ? 'hbx.granted' : 'hbx.revoked').replace('{name}', row.displayName),
      );
    } catch (err) {
      this.outcome.failed(err);
      // The switch shows what is stored, not what was clicked.
      await this.load();
    } finally {
      this.saving.set(null);
    }
  }
}
