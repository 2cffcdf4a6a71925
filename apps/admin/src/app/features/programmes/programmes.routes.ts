import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth-guard';

export const PROGRAMMES_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./programme-list').then((m) => m.ProgrammeList) },
  {
    path: 'ny',
    canActivate: [roleGuard('admin', 'staff')],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
  {
    path: ':id',
    canActivate: [roleGuard('admin', 'staff')],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
];
