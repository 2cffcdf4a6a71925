import {
  ChangeDetectionStrategy,
  Component,
  type Resource,
  type Signal,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { I18n } from '../../core/i18n/i18n';
import { loadErrorText } from '../load-error';
import { Loading } from '../loading';

/**
 * The frame of every list: while `loading` a progress bar and "Hämtar …", after a failed load the error with a
 * retry button, with `count` 0 the empty state (`emptyText`, and whatever is projected with the `svListEmpty`
 * attribute, e.g. the button that makes the first item), else the list itself (the projected content).
 *
 * `error` takes what the load failed with (a resource's `error()`, an HttpErrorResponse or a text): an api
 * problem is shown in the user's language, anything else as the generic load failure.
 */
@Component({
  selector: 'sv-list-state',
  imports: [Loading, MatIconModule, MatButtonModule],
  template: `
    @if (loading()) {
      <sv-loading class="loading" data-testid="list-loading" />
    } @else if (errorText()) {
      <div class="error-banner failed" role="alert" data-testid="list-error">
        <span>{{ errorText() }}</span>
        <button mat-stroked-button type="button" (click)="retry.emit()">
          {{ i18n.t('shared.retry') }}
        </button>
      </div>
    } @else if (count() === 0) {
      <div class="empty" data-testid="list-empty">
        <mat-icon aria-hidden="true">{{ emptyIcon() }}</mat-icon>
        <p>{{ emptyText() || i18n.t('shared.empty') }}</p>
        <ng-content select="[svListEmpty]" />
      </div>
    } @else {
      <ng-content />
    }
  `,
  styles: `
    .loading {
      background: white;
      border-radius: 8px;
      overflow: hidden;
      --sv-loading-padding: 12px 16px;
    }
    .failed {
      display: flex;
      gap: 16px;
      align-items: center;
      justify-content: space-between;
    }
    .empty {
      background: white;
      border: 1px dashed #c4c8cf;
      border-radius: 8px;
      padding: 32px 16px;
      text-align: center;
      color: #50555e;
    }
    .empty mat-icon {
      font-size: 40px;
      width: 40px;
      height: 40px;
      color: #7a808a;
    }
    .empty p {
      margin: 8px 0 16px;
      font-size: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListState {
  protected readonly i18n = inject(I18n);
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  /** How many rows the list shows (after any filter): 0 shows the empty state. */
  readonly count = input.required<number>();
  readonly emptyText = input('');
  readonly emptyIcon = input('inbox');
  /** Asked for by the retry button after a failed load; `resource.reload()` is the usual answer. */
  readonly retry = output();

  protected readonly errorText = computed(() => loadErrorText(this.error(), this.i18n));
}

/**
 * A list resource's rows, [] while it loads or after it failed: a resource's `value()` throws in its error state,
 * so a template reads the rows through this. `pick` takes the rows out of a wrapper (`(page) => page.items`).
 */
export function rowsOf<T>(res: Resource<readonly T[] | undefined>): Signal<readonly T[]>;
export function rowsOf<V, T>(
  res: Resource<V | undefined>,
  pick: (value: V) => readonly T[],
): Signal<readonly T[]>;
export function rowsOf<V, T>(
  res: Resource<V | undefined>,
  pick?: (value: V) => readonly T[],
): Signal<readonly T[]> {
  return computed(() => {
    if (!res.hasValue()) return [];
    const value = res.value() as V;
    return pick ? pick(value) : (value as unknown as readonly T[]);
  });
}
