import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Action } from '@stegvis/contracts';
import { AuthStore } from '../auth/auth-store';
import { I18n, type TextKey } from '../i18n/i18n';
import { Labels } from '../i18n/labels';

interface NavItem {
  path: string;
  label: TextKey;
  icon: string;
  /** The page's action: the link is shown only to roles that may do it, as app.routes.ts lets only them in. */
  action: Action;
}

/** Only features that exist and that the role may use are in the navigation. */
const NAV: NavItem[] = [
  { path: '/insatser', label: 'nav.programmes', icon: 'folder_open', action: 'programme.read' },
  { path: '/grupper', label: 'nav.groups', icon: 'groups', action: 'group.read' },
  { path: '/deltagare', label: 'nav.participants', icon: 'person', action: 'participant.read' },
  { path: '/bemanning', label: 'nav.staffing', icon: 'badge', action: 'staffing.read' },
  { path: '/arbetsgivare', label: 'nav.employers', icon: 'store', action: 'employer.read' },
  { path: '/handbok', label: 'nav.handbook', icon: 'menu_book', action: 'handbook.read' },
  { path: '/styrgrupp', label: 'nav.steering', icon: 'insights', action: 'steering.read' },
  { path: '/rapporter', label: 'nav.reports', icon: 'bar_chart', action: 'report.read' },
  { path: '/kommitteer', label: 'nav.committees', icon: 'diversity_3', action: 'committee.read' },
  { path: '/remisser', label: 'nav.referrals', icon: 'assignment_ind', action: 'referral.read' },
  { path: '/granskningslogg', label: 'nav.auditLog', icon: 'policy', action: 'audit.read' },
  { path: '/anvandare', label: 'nav.users', icon: 'manage_accounts', action: 'user.manage' },
  { path: '/katalog', label: 'nav.directory', icon: 'location_city', action: 'directory.manage' },
  { path: '/malgruppsstatistik', label: 'nav.targetGroup', icon: 'query_stats', action: 'statistics.manage' },
];

@Component({
  selector: 'sv-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MatIconModule],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly router = inject(Router);
  protected readonly nav = computed(() => NAV.filter((n) => this.auth.can(n.action)));
  protected readonly roleLabel = computed(() => {
    const r = this.auth.role();
    return r ? this.labels.of('role', r) : '';
  });

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** Moves focus to the page's content; the address stays as it is (a #fragment would be a route change). */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/login']);
  }
}
