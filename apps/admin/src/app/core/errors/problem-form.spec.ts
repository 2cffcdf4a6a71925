import { HttpErrorResponse } from '@angular/common/http';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyProblemToForm, asProblem } from './problem-form';

describe('applyProblemToForm', () => {
  const form = () =>
    new FormGroup({
      name: new FormControl(''),
      goals: new FormArray([new FormGroup({ targetValue: new FormControl(120) })]),
    });

  it('puts each field error on the control its JSON path names, including array items', () => {
    const f = form();
    const rest = applyProblemToForm(f, {
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      errors: [
        { field: 'name', message: 'name must not be empty', code: 'required' },
        {
          field: 'goals.0.targetValue',
          message: 'a percentage goal must be at most 100',
          code: 'percent_over_100',
        },
        { field: 'colour', message: 'colour is not a known field', code: 'unknown_field' },
      ],
    });
    expect(f.get('name')!.errors).toEqual({ server: 'name must not be empty' });
    expect(f.get(['goals', 0, 'targetValue'])!.errors).toEqual({
      server: 'a percentage goal must be at most 100',
    });
    expect(f.get('name')!.touched).toBe(true);
    expect(rest).toEqual([
      { field: 'colour', message: 'colour is not a known field', code: 'unknown_field' },
    ]);
  });

  it('words each field error by its code in the language given, keeping the api text for an unknown code', () => {
    const f = form();
    const rest = applyProblemToForm(
      f,
      {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        errors: [
          { field: 'name', message: 'name must not be empty', code: 'required' },
          {
            field: 'goals.0.targetValue',
            message: 'must not be greater than 100',
            code: 'too_large',
            params: { max: 100 },
          },
          { field: 'colour', message: 'colour is newer than this admin', code: 'brand_new' as 'required' },
        ],
      },
      'sv',
    );
    expect(f.get('name')!.errors).toEqual({ server: 'Fältet måste fyllas i.' });
    expect(f.get(['goals', 0, 'targetValue'])!.errors).toEqual({ server: 'Högst 100.' });
    expect(rest.map((e) => e.message)).toEqual(['colour is newer than this admin']);
  });

  it('words the detail of a problem by its code, and falls back to the detail for an unknown code', () => {
    const stale = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'stale',
      code: 'stale_version',
    };
    expect(asProblem(new HttpErrorResponse({ status: 409, error: stale }), 'en')?.detail).toBe(
      'Someone else changed this in the meantime. Reload and make your change again.',
    );
    const newer = { ...stale, code: 'from_the_future', detail: 'A newer rule' };
    expect(asProblem(new HttpErrorResponse({ status: 409, error: newer }), 'sv')?.detail).toBe(
      'A newer rule',
    );
  });

  it('reads problem+json out of an HTTP error, and nothing out of a network failure', () => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'stale' };
    expect(asProblem(new HttpErrorResponse({ status: 409, error: body }))).toEqual(body);
    expect(asProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toBeNull();
  });
});
