import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/form/unsaved-changes';

export const EMPLOYERS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./employer-register').then((m) => m.EmployerRegister) },
  {
    path: ':id',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./employer-page').then((m) => m.EmployerPage),
  },
];
