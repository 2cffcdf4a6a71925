import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/form/unsaved-changes';

export const REFERRALS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./referral-queue').then((m) => m.ReferralQueue) },
  { path: 'moten/:id', loadComponent: () => import('./meeting').then((m) => m.Meeting) },
  {
    path: 'ny',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./referral-form').then((m) => m.ReferralForm),
  },
  {
    path: ':id',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./referral-page').then((m) => m.ReferralPage),
  },
];
