import { DestroyRef, inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ConfirmDialog } from '../confirm-dialog';

/** A screen with a form that may hold unsaved work. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * `canDeactivate: [unsavedChangesGuard]` on a form's route: leaving with unsaved changes asks first ("Lämna utan
 * att spara?"). It does not ask when the session has ended: the session-expiry interceptor has then saved the
 * form's draft (core/drafts) and must be free to go to the login page.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = async (component) => {
  const auth = inject(AuthStore);
  const i18n = inject(I18n);
  const confirm = inject(ConfirmDialog);
  if (!component?.hasUnsavedChanges() || !auth.user()) return true;
  return confirm.ask({
    title: i18n.t('shared.unsaved.title'),
    message: i18n.t('shared.unsaved.body'),
    confirm: i18n.t('shared.unsaved.leave'),
    cancel: i18n.t('shared.unsaved.stay'),
  });
};

/**
 * Call in the form component's constructor: closing the tab, reloading or typing another address while `dirty()`
 * makes the browser ask (its own dialog; browsers show no text of ours). Removed with the component.
 */
export function warnBeforeUnload(dirty: () => boolean): void {
  const listener = (event: BeforeUnloadEvent): void => {
    if (!dirty()) return;
    event.preventDefault();
    // Older Chromium still reads returnValue.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', listener);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', listener));
}
