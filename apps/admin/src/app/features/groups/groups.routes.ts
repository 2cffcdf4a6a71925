import type { Routes } from '@angular/router';
import { actionGuard } from '../../core/auth/auth-guard';
import { unsavedChangesGuard } from '../../shared/form/unsaved-changes';

export const GROUPS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./group-list').then((m) => m.GroupList) },
  {
    path: 'ny',
    canActivate: [actionGuard('group.manage')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./group-form').then((m) => m.GroupForm),
  },
  { path: ':id', loadComponent: () => import('./group-detail').then((m) => m.GroupDetail) },
];
