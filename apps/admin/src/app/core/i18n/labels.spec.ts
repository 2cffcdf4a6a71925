import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import * as contracts from '@stegvis/contracts';
import { I18n } from './i18n';
import { LABELLED_LISTS, LABELS, LabelPipe, Labels, type Label } from './labels';

/**
 * The rule: every export of @stegvis/contracts whose name is ALL_CAPS (letters, digits, underscores) and whose
 * value is a non-empty array of strings is an enumeration a person may see, so it needs a label table
 * (LABELLED_LISTS in packages/contracts/src/labels.ts) with a Swedish and an English label for every value.
 */
const ALL_CAPS = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const lists = (Object.entries(contracts) as [string, unknown][]).filter(
  (entry): entry is [string, readonly string[]] =>
    ALL_CAPS.test(entry[0]) &&
    Array.isArray(entry[1]) &&
    entry[1].length > 0 &&
    (entry[1] as unknown[]).every((v) => typeof v === 'string'),
);

describe('labels of enumerated values', () => {
  it('finds the lists of the contracts', () => {
    const names = lists.map(([name]) => name);
    expect(names).toContain('ENROLMENT_STATUSES');
    expect(names).toContain('CONSENT_PURPOSES');
    expect(names).toContain('INDUSTRIES');
    expect(names).not.toContain('FOLLOW_UP_MONTHS'); // numbers, shown as they are
  });

  it('has a label table for every list', () => {
    expect(lists.map(([name]) => name).filter((name) => !(name in LABELLED_LISTS))).toEqual([]);
  });

  it('has a Swedish and an English label for every value', () => {
    const missing = lists.flatMap(([name, values]) => {
      const kind = LABELLED_LISTS[name as keyof typeof LABELLED_LISTS];
      const table = LABELS[kind] as Record<string, Label | undefined>;
      return values.filter((v) => !table[v]?.sv.trim() || !table[v]?.en.trim()).map((v) => `${name}: ${v}`);
    });
    expect(missing).toEqual([]);
  });

  it('names only lists that exist', () => {
    const names = new Set(lists.map(([name]) => name));
    expect(Object.keys(LABELLED_LISTS).filter((name) => !names.has(name))).toEqual([]);
  });

  it('never shows a code as its label', () => {
    const codeLike = Object.entries(LABELS).flatMap(([kind, table]) =>
      Object.entries(table as Record<string, Label>)
        .filter(([, l]) => /_/.test(l.sv) || /_/.test(l.en))
        .map(([v]) => `${kind}.${v}`),
    );
    expect(codeLike).toEqual([]);
  });
});

@Component({
  imports: [LabelPipe],
  template: `<span>{{ status | label: 'enrolmentStatus' }}</span
    ><i>{{ none | label: 'consentPurpose' }}</i>`,
})
class Host {
  status = 'left_early' as const;
  none = null;
}

describe('Labels and the label pipe', () => {
  beforeEach(() => {
    localStorage.removeItem('stegvis.lang');
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  it('speak the current language', () => {
    const labels = TestBed.inject(Labels);
    const i18n = TestBed.inject(I18n);
    i18n.lang.set('sv');
    expect(labels.of('consentPurpose', 'share_with_partner')).toBe('Dela uppgifter med samverkanspart');
    expect(labels.stored('auditAction', 'participant.read')).toBe('Läste deltagaruppgifter');
    expect(labels.stored('auditAction', 'no.such.action')).toBe('–');
    i18n.lang.set('en');
    expect(labels.of('consentPurpose', 'share_with_partner')).toBe('Sharing with a partner organisation');
    expect(labels.options('goalUnit', ['percent', 'count'])).toEqual([
      { value: 'percent', label: 'per cent' },
      { value: 'count', label: 'count' },
    ]);
  });

  it('render a label and follow a change of language', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('span')?.textContent).toBe('Avbrott');
    expect(el.querySelector('i')?.textContent).toBe('–');
    TestBed.inject(I18n).lang.set('en');
    await fixture.whenStable();
    expect(el.querySelector('span')?.textContent).toBe('Left early');
  });
});
