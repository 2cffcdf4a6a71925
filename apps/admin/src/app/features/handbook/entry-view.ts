import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { HandbookEntryResponse } from '@stegvis/contracts';
import { I18n } from '../../core/i18n/i18n';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { fileSize } from './handbook-api';

/** One entry as a presenter reads it: the text, its files to download, links, and when to use this alternative. */
@Component({
  selector: 'sv-entry-view',
  imports: [StockholmTimePipe],
  template: `
    @let e = entry();
    <article class="entry" [attr.data-testid]="'entry-' + e.id">
      <h3>
        {{ e.title }}
        @if (e.alternative) {
          <span class="alt">{{ e.alternative }}</span>
        }
      </h3>
      @if (e.whenToUse) {
        <p class="when">
          <strong>{{ i18n.t('hb.whenToUse') }}:</strong> {{ e.whenToUse }}
        </p>
      }
      <div class="body" [innerHTML]="e.bodyHtml"></div>
      @if (e.files.length) {
        <ul class="files" [attr.aria-label]="i18n.t('hb.files')">
          @for (f of e.files; track f.id) {
            <li>
              <a [href]="'/api/handbook/files/' + f.id" download data-testid="entry-file">{{
                f.fileName
              }}</a>&nbsp;<span class="muted">({{ size(f.size) }})</span>
            </li>
          }
        </ul>
      }
      @if (e.links.length) {
        <ul class="links">
          @for (l of e.links; track l.url) {
            <li>
              <a [href]="l.url" target="_blank" rel="noopener noreferrer">{{ l.title }}</a>
            </li>
          }
        </ul>
      }
      <p class="meta muted">
        {{ i18n.t('hb.version') }} {{ e.version }} · {{ e.updatedBy }}
        {{ e.updatedAt | stockholmTime: 'date' }}
        @if (e.reviewedAt) {
          · {{ i18n.t('hb.reviewed') }} {{ e.reviewedAt | stockholmTime: 'date' }}
        }
        @if (e.stale) {
          · <strong class="stale">{{ i18n.t('hb.stale') }}</strong>
        }
      </p>
    </article>
  `,
  styles: `
    h3 {
      margin: 0 0 6px;
      font-size: 1.15rem;
    }
    .alt {
      font-size: 0.85rem;
      font-weight: 500;
      background: #e3ecf9;
      color: #183f73;
      border-radius: 12px;
      padding: 2px 10px;
      margin-left: 6px;
      vertical-align: middle;
    }
    .when {
      margin: 4px 0 8px;
    }
    .body {
      line-height: 1.5;
    }
    .files,
    .links {
      padding-left: 20px;
    }
    .files a {
      font-weight: 500;
    }
    .meta {
      font-size: 0.85rem;
      margin-top: 10px;
    }
    .stale {
      color: #8c1d18;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryView {
  readonly entry = input.required<HandbookEntryResponse>();
  protected readonly i18n = inject(I18n);
  protected readonly size = fileSize;
}
