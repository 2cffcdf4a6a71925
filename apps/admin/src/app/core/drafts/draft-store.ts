import { Injectable } from '@angular/core';

/**
 * Unsaved form drafts, kept across a forced sign-in so nobody loses typed-in work. Only the user's own form
 * values (programme data, never participant data) in sessionStorage, which dies with the tab.
 */
@Injectable({ providedIn: 'root' })
export class DraftStore {
  private readonly prefix = 'stegvis.draft:';
  private readonly live = new Map<string, () => unknown>();

  /** A form registers how to read its current value while it is on screen. */
  register(key: string, read: () => unknown): () => void {
    this.live.set(key, read);
    return () => this.live.delete(key);
  }

  /** Called when the session ends: every open form is saved. */
  saveAll(): void {
    for (const [key, read] of this.live) sessionStorage.setItem(this.prefix + key, JSON.stringify(read()));
  }

  take<T>(key: string): T | null {
    const raw = sessionStorage.getItem(this.prefix + key);
    if (raw === null) return null;
    sessionStorage.removeItem(this.prefix + key);
    return JSON.parse(raw) as T;
  }
}
