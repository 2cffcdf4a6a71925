import { inject, Injectable, Pipe, type PipeTransform } from '@angular/core';
import {
  LABELLED_LISTS,
  LABELS,
  labelOf,
  labelOfStored,
  type Label,
  type LabelKind,
  type LabelValue,
} from '@stegvis/contracts';
import { I18n } from './i18n';

// The label tables themselves live in packages/contracts/src/labels.ts, because the report files and the api's
// PDFs print the same Swedish words; this file puts them in the user's language on screen.
export { LABELLED_LISTS, LABELS, type Label, type LabelKind, type LabelValue };

export interface LabelledOption<V extends string> {
  value: V;
  label: string;
}

/** Labels of enumerated values in the current language of the I18n service. */
@Injectable({ providedIn: 'root' })
export class Labels {
  private readonly i18n = inject(I18n);

  /** `labels.of('enrolmentStatus', 'left_early')` is "Avbrott" in Swedish, "Left early" in English. */
  of<K extends LabelKind>(kind: K, value: LabelValue<K>): string {
    return labelOf(kind, value, this.i18n.lang());
  }

  /** For a value typed only as a string (an audit row); "–" for none or one this version does not know. */
  stored(kind: LabelKind, value: string | null | undefined): string {
    return value == null ? '–' : labelOfStored(kind, value, this.i18n.lang());
  }

  /** Options for a select, in the order of the list: `labels.options('industry', INDUSTRIES)`. */
  options<K extends LabelKind, V extends LabelValue<K>>(kind: K, values: readonly V[]): LabelledOption<V>[] {
    return values.map((value) => ({ value, label: this.of(kind, value) }));
  }
}

/**
 * `{{ e.status | label: 'enrolmentStatus' }}`; "–" for null. Impure, so a change of language shows at once
 * (the arguments stay the same when only the language changes).
 */
@Pipe({ name: 'label', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly labels = inject(Labels);

  transform<K extends LabelKind>(value: LabelValue<K> | null | undefined, kind: K): string {
    return value == null ? '–' : this.labels.of(kind, value);
  }
}
