import type { Routes } from '@angular/router';

export const PARTICIPANTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./participant-list').then((m) => m.ParticipantList) },
  { path: ':id', loadComponent: () => import('./participant-page').then((m) => m.ParticipantPage) },
];
