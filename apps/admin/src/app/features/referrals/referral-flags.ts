import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ScreeningFlag } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';

/**
 * A referral's criteria flags (the api's screening, worded by their `screening_*` codes): a met one green with a
 * tick, one not met amber with "!", each with the words a screen reader says too. The queue shows them compact;
 * the referral page as a list (`long`). The meeting's agenda may use it as well.
 */
@Component({
  selector: 'sv-referral-flags',
  template: `
    <ul class="flags" [class.long]="long()" data-testid="referral-flags">
      @for (f of flags(); track f.criterion) {
        <li class="flag" [class.bad]="!f.ok" [attr.data-testid]="'flag-' + f.criterion">
          <span aria-hidden="true" class="mark">{{ f.ok ? '✓' : '!' }}</span>
          <span class="visually-hidden">{{ i18n.t(f.ok ? 'rf.flagOk' : 'rf.flagNotOk') }}:</span>
          {{ i18n.problem(f.code, f.params, f.message) }}
        </li>
      }
    </ul>
  `,
  styles: `
    .flags {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .flags.long {
      flex-direction: column;
      align-items: flex-start;
      gap: 6px;
      margin-bottom: 8px;
    }
    .flag {
      font-size: 0.8rem;
      padding: 2px 8px;
      border-radius: 12px;
      background: #cdeed8;
      color: #0d5a2a;
    }
    .long .flag {
      font-size: 0.95rem;
      padding: 4px 12px;
    }
    .flag.bad {
      background: #fff0c2;
      color: #6b4e00;
    }
    .mark {
      font-weight: 700;
      margin-right: 2px;
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
export class ReferralFlags {
  protected readonly i18n = inject(I18n);
  readonly flags = input.required<ScreeningFlag[]>();
  readonly long = input(false);
}
