import type { Routes } from '@angular/router';
import { actionGuard } from '../../core/auth/auth-guard';

export const PROGRAMMES_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./programme-list').then((m) => m.ProgrammeList) },
  {
    path: 'ny',
    canActivate: [actionGuard('programme.create')],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
  {
    path: ':id',
    canActivate: [actionGuard('programme.update')],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
];
