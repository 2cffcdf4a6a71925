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
        { field: 'name', message: 'name must not be empty' },
        { field: 'goals.0.targetValue', message: 'a percentage goal must be at most 100' },
        { field: 'colour', message: 'colour is not a known field' },
      ],
    });
    expect(f.get('name')!.errors).toEqual({ server: 'name must not be empty' });
    expect(f.get(['goals', 0, 'targetValue'])!.errors).toEqual({
      server: 'a percentage goal must be at most 100',
    });
    expect(f.get('name')!.touched).toBe(true);
    expect(rest).toEqual([{ field: 'colour', message: 'colour is not a known field' }]);
  });

  it('reads problem+json out of an HTTP error, and nothing out of a network failure', () => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'stale' };
    expect(asProblem(new HttpErrorResponse({ status: 409, error: body }))).toEqual(body);
    expect(asProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toBeNull();
  });
});
