import type { Routes } from '@angular/router';
import { actionGuard } from '../../core/auth/auth-guard';
import { unsavedChangesGuard } from '../../shared/form/unsaved-changes';

export const PROGRAMMES_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./programme-list').then((m) => m.ProgrammeList) },
  {
    path: ':programmeId/mallar',
    canActivate: [actionGuard('template.read')],
    loadComponent: () => import('../templates/template-list').then((m) => m.TemplateList),
  },
  {
    path: ':programmeId/mallar/ny',
    canActivate: [actionGuard('template.manage')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('../templates/template-editor').then((m) => m.TemplateEditor),
  },
  {
    path: ':programmeId/mallar/:templateId',
    canActivate: [actionGuard('template.manage')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('../templates/template-editor').then((m) => m.TemplateEditor),
  },
  {
    path: ':programmeId/budget',
    canActivate: [actionGuard('budget.manage')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('../budget/budget-page').then((m) => m.BudgetPage),
  },
  {
    path: ':programmeId/import',
    canActivate: [actionGuard('import.run')],
    loadComponent: () => import('../imports/import-page').then((m) => m.ImportPage),
  },
  {
    path: 'ny',
    canActivate: [actionGuard('programme.create')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
  {
    path: ':id',
    canActivate: [actionGuard('programme.update')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./programme-form').then((m) => m.ProgrammeForm),
  },
];
