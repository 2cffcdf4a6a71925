import type { Routes } from '@angular/router';
import { actionGuard, authGuard } from './core/auth/auth-guard';
import { Shell } from './core/shell/shell';
import { startPage } from './features/steering/steering-landing';
import { unsavedChangesGuard } from './shared/form/unsaved-changes';

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/login/login').then((m) => m.Login) },
  { path: 'login/kod', loadComponent: () => import('./features/login/idp-code').then((m) => m.IdpCode) },
  {
    path: 'tvafaktor',
    canActivate: [authGuard],
    loadComponent: () => import('./features/two-factor/two-factor-setup').then((m) => m.TwoFactorSetup),
  },
  // Outside the Shell: a printed page holds the slips only, no header or menu.
  {
    path: 'utskrift/kodlappar',
    canActivate: [authGuard, actionGuard('survey.manage')],
    loadComponent: () => import('./features/surveys/code-slips').then((m) => m.CodeSlips),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      // A steering-group member starts on the steering page; everyone else on the programmes.
      { path: '', pathMatch: 'full', redirectTo: startPage },
      {
        path: 'insatser',
        loadChildren: () =>
          import('./features/programmes/programmes.routes').then((m) => m.PROGRAMMES_ROUTES),
      },
      {
        path: 'remisser',
        canActivate: [actionGuard('referral.read')],
        loadChildren: () => import('./features/referrals/referrals.routes').then((m) => m.REFERRALS_ROUTES),
      },
      {
        path: 'deltagare',
        canActivate: [actionGuard('participant.read')],
        loadChildren: () =>
          import('./features/participants/participants.routes').then((m) => m.PARTICIPANTS_ROUTES),
      },
      {
        path: 'bemanning',
        canActivate: [actionGuard('staffing.read')],
        loadComponent: () => import('./features/staffing/staffing-view').then((m) => m.StaffingView),
      },
      {
        path: 'arbetsgivare',
        canActivate: [actionGuard('employer.read')],
        loadChildren: () => import('./features/employers/employers.routes').then((m) => m.EMPLOYERS_ROUTES),
      },
      {
        path: 'handbok',
        canActivate: [actionGuard('handbook.read')],
        loadComponent: () => import('./features/handbook/handbook-page').then((m) => m.HandbookPage),
      },
      {
        path: 'rapporter',
        canActivate: [actionGuard('report.read')],
        loadComponent: () => import('./features/reports/report-view').then((m) => m.ReportView),
      },
      {
        path: 'grupper',
        loadChildren: () => import('./features/groups/groups.routes').then((m) => m.GROUPS_ROUTES),
      },
      {
        path: 'granskningslogg',
        canActivate: [actionGuard('audit.read')],
        loadComponent: () => import('./features/audit-log/audit-log-page').then((m) => m.AuditLogPage),
      },
      {
        path: 'konto',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./features/account/account-page').then((m) => m.AccountPage),
      },
      {
        path: 'styrgrupp',
        canActivate: [actionGuard('steering.read')],
        loadComponent: () => import('./features/steering/steering-page').then((m) => m.SteeringPage),
      },
      {
        path: 'anvandare',
        canActivate: [actionGuard('user.manage')],
        loadComponent: () => import('./features/users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'kommitteer',
        canActivate: [actionGuard('committee.read')],
        loadComponent: () => import('./features/staffing/committee-view').then((m) => m.CommitteeView),
      },
      {
        path: 'katalog',
        canActivate: [actionGuard('directory.manage')],
        loadComponent: () => import('./features/directory/directory-page').then((m) => m.DirectoryPage),
      },
      {
        path: 'malgruppsstatistik',
        canActivate: [actionGuard('statistics.manage')],
        loadComponent: () =>
          import('./features/directory/target-group-stats').then((m) => m.TargetGroupStats),
      },
      // Keep last: any address no route above knows.
      { path: '**', loadComponent: () => import('./core/shell/not-found').then((m) => m.NotFound) },
    ],
  },
];
