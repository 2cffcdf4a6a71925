import { beforeEach, describe, expect, it } from 'vitest';
import { forgetVisit, idleTime, loadDraft, saveDraft, touchVisit, visitAlive, warningTime } from './visit';

describe('the visit kept in the tab', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the answers and the page until the visit is forgotten', () => {
    expect(loadDraft()).toBeNull();
    saveDraft({ lang: 'ar', data: { overall: 4, wants: ['digital_skills'] }, page: 1 });
    expect(loadDraft()).toEqual({ lang: 'ar', data: { overall: 4, wants: ['digital_skills'] }, page: 1 });
    touchVisit(1_000);
    forgetVisit();
    expect(loadDraft()).toBeNull();
    expect(visitAlive(180_000, 2_000)).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });

  it('reads a damaged draft as none', () => {
    sessionStorage.setItem('stegvis-survey-draft', '{not json');
    expect(loadDraft()).toBeNull();
    sessionStorage.setItem('stegvis-survey-draft', JSON.stringify({ lang: 'sv', data: null, page: 0 }));
    expect(loadDraft()).toBeNull();
  });

  it('a kiosk visit is alive until nobody has touched the screen for the idle time', () => {
    expect(visitAlive(180_000, 5_000)).toBe(false);
    touchVisit(10_000);
    expect(visitAlive(180_000, 189_999)).toBe(true);
    expect(visitAlive(180_000, 190_000)).toBe(false);
  });

  it('idle time: three minutes unless ?idle= says otherwise, within 5 s and 30 min; warning half a minute before', () => {
    expect([null, '', 'abc', '20', '1', '99999'].map(idleTime)).toEqual([
      180_000, 180_000, 180_000, 20_000, 5_000, 1_800_000,
    ]);
    expect([180_000, 20_000].map(warningTime)).toEqual([30_000, 10_000]);
  });
});
