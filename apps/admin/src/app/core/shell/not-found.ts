import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { I18n } from '../i18n/i18n';

/** Any address no route knows: says so, shows the address, and leads home, instead of a silent redirect. */
@Component({
  selector: 'sv-not-found',
  imports: [RouterLink, MatButtonModule, MatIconModule],
  template: `
    <section class="page not-found" data-testid="not-found">
      <mat-icon aria-hidden="true" class="big">travel_explore</mat-icon>
      <h1>{{ i18n.t('shared.notFound.title') }}</h1>
      <p>{{ i18n.t('shared.notFound.body') }}</p>
      <p class="muted">
        {{ i18n.t('shared.notFound.address') }} <code data-testid="not-found-address">{{ address }}</code>
      </p>
      <a mat-flat-button routerLink="/" data-testid="not-found-home"
        ><mat-icon>home</mat-icon> {{ i18n.t('shared.notFound.home') }}</a
      >
    </section>
  `,
  styles: `
    .not-found {
      text-align: center;
      padding-top: 48px;
    }
    .big {
      font-size: 64px;
      width: 64px;
      height: 64px;
      color: #50555e;
    }
    h1 {
      font-size: 1.6rem;
      font-weight: 500;
    }
    code {
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {
  protected readonly i18n = inject(I18n);
  protected readonly address = inject(Router).url;
}
