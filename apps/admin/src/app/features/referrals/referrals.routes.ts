import type { Routes } from '@angular/router';

export const REFERRALS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./referral-queue').then((m) => m.ReferralQueue) },
  { path: 'moten/:id', loadComponent: () => import('./meeting').then((m) => m.Meeting) },
];
