import type { Routes } from '@angular/router';

export const GROUPS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./group-list').then((m) => m.GroupList) },
  { path: ':id', loadComponent: () => import('./group-detail').then((m) => m.GroupDetail) },
];
