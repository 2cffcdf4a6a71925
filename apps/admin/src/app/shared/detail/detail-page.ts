import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  computed,
  contentChildren,
  inject,
  input,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { loadErrorText } from '../load-error';
import { Loading } from '../loading';

/**
 * One tab of a DetailPage: `<ng-template svDetailTab="samtycken" [label]="i18n.t('p.tab.consents')">`. The id is
 * the tab's name in the address (`?flik=samtycken`), so a reload or a shared link opens the same tab. The template
 * is rendered only when its tab is opened: a tab's data (health needs, the audit trail) is read by a deliberate act.
 */
@Directive({ selector: 'ng-template[svDetailTab]' })
export class DetailTab {
  readonly id = input.required<string>({ alias: 'svDetailTab' });
  readonly label = input.required<string>();
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * The frame of every detail page: a back link, the title with the page's actions (`[svDetailActions]`), what
 * stands above the tabs (`[svDetailLead]`: a banner, a summary), then the tabs (DetailTab). While `loading` it
 * shows a progress bar, after a failed load the error (a 404 says the record does not exist or is not yours).
 */
@Component({
  selector: 'sv-detail-page',
  imports: [NgTemplateOutlet, RouterLink, MatTabsModule, MatIconModule, MatButtonModule, Loading],
  template: `
    <section class="page">
      @if (backLink(); as back) {
        <a mat-button class="back" [routerLink]="back" data-testid="detail-back"
          ><mat-icon>arrow_back</mat-icon> {{ backLabel() || i18n.t('shared.back') }}</a
        >
      }
      @if (loading()) {
        <sv-loading data-testid="detail-loading" />
      } @else if (errorText()) {
        <div class="error-banner failed" role="alert" data-testid="detail-error">
          <span>{{ errorText() }}</span>
          <button mat-stroked-button type="button" (click)="retry.emit()">
            {{ i18n.t('shared.retry') }}
          </button>
        </div>
      } @else {
        <header class="page-header">
          <h1 data-testid="detail-title">{{ title() }}</h1>
          <div class="actions"><ng-content select="[svDetailActions]" /></div>
        </header>
        <ng-content select="[svDetailLead]" />
        @if (tabs().length) {
          <mat-tab-group
            [selectedIndex]="selected()"
            (selectedIndexChange)="open($event)"
            mat-stretch-tabs="false"
            animationDuration="0ms"
          >
            @for (tab of tabs(); track tab.id()) {
              <mat-tab [label]="tab.label()">
                <ng-template matTabContent>
                  <div class="tab" [attr.data-testid]="'tab-' + tab.id()">
                    <ng-container [ngTemplateOutlet]="tab.template" />
                  </div>
                </ng-template>
              </mat-tab>
            }
          </mat-tab-group>
        }
        <ng-content />
      }
    </section>
  `,
  styles: `
    .back {
      margin: 0 0 8px -12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .failed {
      display: flex;
      gap: 16px;
      align-items: center;
      justify-content: space-between;
    }
    .tab {
      padding: 16px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DetailPage {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly title = input.required<string>();
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  readonly backLink = input<string | null>(null);
  readonly backLabel = input('');
  readonly retry = output();
  protected readonly tabs = contentChildren(DetailTab);
  protected readonly errorText = computed(() => loadErrorText(this.error(), this.i18n));

  private readonly tabParam = toSignal(this.route.queryParamMap.pipe(map((q) => q.get('flik'))), {
    initialValue: null,
  });
  protected readonly selected = computed(() => {
    const id = this.tabParam();
    return Math.max(
      0,
      this.tabs().findIndex((t) => t.id() === id),
    );
  });

  protected open(index: number): void {
    const tab = this.tabs()[index];
    if (!tab || index === this.selected()) return;
    // replaceUrl: switching tabs is not a page of its own for the back button.
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { flik: index === 0 ? null : tab.id() },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
