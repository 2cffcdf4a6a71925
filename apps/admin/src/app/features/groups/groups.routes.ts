import type { Routes } from '@angular/router';

export const GROUPS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./group-list').then((m) => m.GroupList) },
  { path: 'ny', loadComponent: () => import('./group-form').then((m) => m.GroupForm) },
  { path: ':id', loadComponent: () => import('./group-detail').then((m) => m.GroupDetail) },
];
