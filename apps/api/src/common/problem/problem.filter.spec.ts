import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './problem.filter';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('isDatabaseUnavailable: what answers 503 (retry) rather than 500', () => {
  it('recognises a database that went away, however it surfaces', () => {
    expect(
      isDatabaseUnavailable(
        new QueryFailedError(
          'SELECT 1',
          [],
          Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
        ),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        named(
          'QueryRunnerAlreadyReleasedError',
          'Query runner already released. Cannot run queries anymore.',
        ),
      ),
    ).toBe(true);
    // Seen once in CI with backends killed every 2 s.
    expect(
      isDatabaseUnavailable(
        named(
          'QueryRunnerProviderAlreadyReleasedError',
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore',
        ),
      ),
    ).toBe(true);
  });

  it('leaves real faults as faults', () => {
    expect(
      isDatabaseUnavailable(
        new QueryFailedError(
          'SELECT x',
          [],
          Object.assign(new Error('column "x" does not exist'), { code: '42703' }),
        ),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
