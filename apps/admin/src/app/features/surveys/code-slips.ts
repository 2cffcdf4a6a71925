import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { SlipStore } from './slip-store';
import { SLIP_LANGUAGES } from './slip-texts';

/**
 * The code slips as a page of their own, outside the app's frame: what prints is the slips and nothing of the
 * admin. Each slip has a tear-off strip with the name, for handing it out, and below the cut the part that comes
 * back with a paper answer: QR code, short code and the instructions in every participant language, no name.
 */
@Component({
  selector: 'sv-code-slips',
  imports: [MatButtonModule, MatIconModule, RouterLink, StockholmTimePipe],
  template: `
    <main class="page">
      <header class="no-print intro">
        <h1>{{ i18n.t('sr.slipsTitle') }}</h1>
        @if (store.batch(); as b) {
          <p>
            {{ i18n.t('sr.slipsCount').replace('{n}', '' + b.slips.length) }} ·
            {{ i18n.t('sr.closes').replace('{at}', b.closesAt | stockholmTime) }}
          </p>
          <p class="muted">{{ i18n.t('sr.slipsHelp') }}</p>
          <div class="actions">
            <button mat-flat-button type="button" (click)="print()" data-testid="print-now">
              <mat-icon>print</mat-icon> {{ i18n.t('sr.printNow') }}
            </button>
            <a mat-button [routerLink]="['/grupper', b.groupId]">{{ i18n.t('sr.back') }}</a>
          </div>
        } @else {
          <p class="info-banner" role="status" data-testid="no-slips">{{ i18n.t('sr.noSlips') }}</p>
          <a mat-button routerLink="/grupper">{{ i18n.t('sr.backToGroups') }}</a>
        }
      </header>
      @if (store.batch(); as b) {
        <div class="sheet" data-testid="slip-sheet">
          @for (s of b.slips; track s.enrolmentId) {
            <article
              class="slip"
              data-testid="slip"
              [attr.aria-label]="i18n.t('sr.slipOf') + ' ' + s.displayName"
            >
              <div class="strip" data-testid="slip-strip">
                <strong class="name">{{ s.displayName }}</strong>
                <span>{{ i18n.t('sr.tearOff') }}</span>
              </div>
              <div class="cut" aria-hidden="true">✂ {{ i18n.t('sr.cutHere') }}</div>
              <div class="answer-part" data-testid="slip-main">
                <div class="codebox">
                  <img class="qr" [src]="s.qr" [alt]="i18n.t('sr.qrAlt')" />
                  <div class="code-line">
                    {{ i18n.t('s.code') }}:
                    <span class="code" data-testid="slip-code">{{ s.shortCode }}</span>
                  </div>
                  <div class="url">{{ site }}</div>
                </div>
                <ul class="langs">
                  @for (l of languages; track l.code) {
                    <li [attr.lang]="l.lang" [attr.dir]="l.dir" data-testid="slip-language">
                      <strong>{{ l.name }}</strong> {{ l.typeCode }}: <bdi dir="ltr">{{ site }}</bdi> ·
                      {{ l.codeHint }}. {{ l.anonymous }}
                    </li>
                  }
                </ul>
              </div>
            </article>
          }
        </div>
      }
    </main>
  `,
  styles: `
    .page {
      max-width: 190mm;
      margin: 0 auto;
      padding: 16px;
      background: white;
      min-height: 100vh;
    }
    .intro h1 {
      margin: 0 0 4px;
      font-size: 1.5rem;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin: 8px 0 16px;
    }
    .slip {
      border: 1px solid #50555e;
      margin: 0 0 6mm;
      break-inside: avoid;
      page-break-inside: avoid;
      font-size: 9.5pt;
      line-height: 1.35;
    }
    .strip {
      display: flex;
      gap: 12px;
      align-items: baseline;
      justify-content: space-between;
      padding: 2mm 4mm;
      background: #f1f3f5;
    }
    .name {
      font-size: 11pt;
    }
    .cut {
      border-top: 1.5px dashed #3d4148;
      font-size: 8pt;
      padding: 0 4mm;
      color: #3d4148;
    }
    .answer-part {
      display: grid;
      grid-template-columns: 42mm 1fr;
      gap: 4mm;
      padding: 2mm 4mm 4mm;
    }
    .codebox {
      text-align: center;
    }
    .qr {
      width: 36mm;
      height: 36mm;
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 14pt;
      font-weight: 700;
      letter-spacing: 0.12em;
    }
    .url {
      font-size: 8.5pt;
      overflow-wrap: anywhere;
    }
    .langs {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1.2mm;
    }
    @media print {
      .no-print {
        display: none;
      }
      .page {
        padding: 0;
        max-width: none;
        min-height: 0;
      }
    }
    @page {
      size: A4;
      margin: 12mm;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CodeSlips {
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(SlipStore);
  protected readonly languages = SLIP_LANGUAGES;
  protected readonly site = this.store.siteAddress();

  protected print(): void {
    window.print();
  }
}
