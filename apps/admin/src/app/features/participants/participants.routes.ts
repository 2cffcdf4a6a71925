import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/form/unsaved-changes';

export const PARTICIPANTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./participant-list').then((m) => m.ParticipantList) },
  {
    path: 'ny',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./participant-form').then((m) => m.ParticipantForm),
  },
  { path: ':id', loadComponent: () => import('./participant-page').then((m) => m.ParticipantPage) },
];
