import { describe, expect, it } from 'vitest';
import { backoff, submitUntilStored } from './submission';

const response = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('submitUntilStored', () => {
  it('retries through network failures and server errors with the same key until stored', async () => {
    const calls: { key: string; body: string }[] = [];
    const replies = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(response(503, {})),
      () => Promise.resolve(response(201, { status: 'stored' })),
    ];
    const states: string[] = [];
    const sleeps: number[] = [];
    const out = await submitUntilStored({
      url: '/api/public/surveys/current/responses',
      key: 'k-123456789',
      body: { language: 'sv', answers: { overall: 5 } },
      fetchImpl: async (_url, init) => {
        calls.push({
          key: (init!.headers as Record<string, string>)['idempotency-key'],
          body: String(init!.body),
        });
        return replies[calls.length - 1]();
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onState: (s) => states.push(s),
    });
    expect(out).toEqual({ state: 'stored', status: 201, body: { status: 'stored' } });
    expect(calls.map((c) => c.key)).toEqual(['k-123456789', 'k-123456789', 'k-123456789']);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    expect(sleeps).toEqual([1000, 2000]);
    expect(states).toEqual(['sending', 'offline', 'offline', 'retrying', 'retrying', 'stored']);
  });

  it('gives up after three server errors in a row, with the status, so the page can offer to try later', async () => {
    const statuses: number[] = [];
    const sleeps: number[] = [];
    const states: string[] = [];
    const replies = [500, 502, 500, 500];
    const out = await submitUntilStored({
      url: '/x',
      key: 'k',
      body: {},
      fetchImpl: async () => {
        statuses.push(replies[statuses.length]);
        return response(replies[statuses.length - 1], { title: 'Internal Server Error' });
      },
      sleep: async (ms) => void sleeps.push(ms),
      onState: (s) => states.push(s),
    });
    expect(out).toEqual({ state: 'failed', status: 500, body: { title: 'Internal Server Error' } });
    expect(statuses).toEqual([500, 502, 500]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(states.at(-1)).toBe('failed');
    expect(states).not.toContain('offline');
  });

  it('counts only server errors in a row: a dropped line in between starts the count again', async () => {
    let calls = 0;
    const replies = [
      () => Promise.resolve(response(500, {})),
      () => Promise.resolve(response(500, {})),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(response(500, {})),
      () => Promise.resolve(response(201, { status: 'stored' })),
    ];
    const out = await submitUntilStored({
      url: '/x',
      key: 'k',
      body: {},
      fetchImpl: () => replies[calls++](),
      sleep: async () => {},
    });
    expect(out.state).toBe('stored');
    expect(calls).toBe(5);
  });

  it('stops at a refusal that retrying cannot fix (400, used code)', async () => {
    const bad = await submitUntilStored({
      url: '/x',
      key: 'k',
      body: {},
      fetchImpl: async () => response(400, { errors: [] }),
      sleep: async () => {},
    });
    expect(bad.state).toBe('rejected');
    const used = await submitUntilStored({
      url: '/x',
      key: 'k',
      body: {},
      fetchImpl: async () => response(409, { type: 'https://stegvis.se/problems/code-used' }),
      sleep: async () => {},
    });
    expect(used).toMatchObject({ state: 'rejected', status: 409 });
  });

  it('waits longer each time, at most 30 seconds', () => {
    expect([1, 2, 3, 5, 6, 10].map(backoff)).toEqual([1000, 2000, 4000, 16000, 30000, 30000]);
  });
});
