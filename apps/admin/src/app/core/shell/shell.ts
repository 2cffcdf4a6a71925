import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Role } from '@stegvis/contracts';
import { AuthStore } from '../auth/auth-store';
import { I18n, type TextKey } from '../i18n/i18n';
import { Labels } from '../i18n/labels';

interface NavItem {
  path: string;
  label: TextKey;
  icon: string;
  roles: Role[];
}

/** Only features that exist and that the role may use are in the navigation. */
const NAV: NavItem[] = [
  {
    path: '/insatser',
    label: 'nav.programmes',
    icon: 'folder_open',
    roles: ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  },
  {
    path: '/grupper',
    label: 'nav.groups',
    icon: 'groups',
    roles: ['admin', 'staff', 'analysis_member', 'steering', 'evaluator'],
  },
  { path: '/deltagare', label: 'nav.participants', icon: 'person', roles: ['staff'] },
  { path: '/bemanning', label: 'nav.staffing', icon: 'badge', roles: ['admin', 'staff', 'steering'] },
  { path: '/arbetsgivare', label: 'nav.employers', icon: 'store', roles: ['admin', 'staff'] },
  { path: '/handbok', label: 'nav.handbook', icon: 'menu_book', roles: ['admin', 'staff'] },
  {
    path: '/rapporter',
    label: 'nav.reports',
    icon: 'bar_chart',
    roles: ['admin', 'staff', 'steering', 'evaluator'],
  },
  { path: '/remisser', label: 'nav.referrals', icon: 'assignment_ind', roles: ['staff', 'analysis_member'] },
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
  protected readonly nav = computed(() => NAV.filter((n) => this.auth.hasRole(...n.roles)));
  protected readonly roleLabel = computed(() => {
    const r = this.auth.role();
    return r ? this.labels.of('role', r) : '';
  });

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/login']);
  }
}
