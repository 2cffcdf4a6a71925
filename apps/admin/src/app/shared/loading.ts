import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n } from '../core/i18n/i18n';

/**
 * What a page shows while it reads what it needs: a moving bar, and the same words as a status that a screen
 * reader announces once. A form waits behind it, so nothing typed is overwritten by the load.
 */
@Component({
  selector: 'sv-loading',
  imports: [MatProgressBarModule],
  template: `
    <mat-progress-bar mode="indeterminate" [attr.aria-label]="words()" />
    <p class="muted" role="status">{{ words() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      /* A list's white card sets its own (list-state.ts). */
      margin: 0;
      padding: var(--sv-loading-padding, 12px 0);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Loading {
  private readonly i18n = inject(I18n);
  /** Another text than "Hämtar …", e.g. what is being checked. */
  readonly text = input('');
  protected words(): string {
    return this.text() || this.i18n.t('shared.loading');
  }
}
