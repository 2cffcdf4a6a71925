// The test runner's own parts: the counts it sums from each runner's output, the wall times it prints, and what it
// does when the browser journeys lack Debian's chromium or fonts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserPlan, duration, parseCounts } from './lib.mjs';

describe('parseCounts', () => {
  it('sums Jest, Vitest and node:test (tap and spec) closing lines', () => {
    const out = [
      'Tests:       1 failed, 36 passed, 37 total',
      '      Tests  2 failed | 10 passed (12)',
      '# pass 5',
      '# fail 0',
      '\x1b[34mℹ pass 7\x1b[39m',
      'ℹ fail 1',
    ].join('\n');
    assert.deepEqual(parseCounts(out), { passed: 58, failed: 4, found: true });
  });

  it('finds nothing in output without a summary', () => {
    assert.deepEqual(parseCounts('error TS2305: no exported member\n'), {
      passed: 0,
      failed: 0,
      found: false,
    });
  });
});

describe('duration', () => {
  it('prints seconds, minutes and hours as a person reads them', () => {
    assert.equal(duration(400), '0s');
    assert.equal(duration(48_400), '48s');
    assert.equal(duration(372_000), '6m 12s');
    assert.equal(duration(3_780_000), '1h 3m 0s');
  });
});

describe('browserPlan', () => {
  const base = { chrome: '/usr/bin/chromium', chromeFromEnv: false, chromeExists: true, fontsExist: true };

  it('does nothing when chromium and the fonts are there', () => {
    assert.deepEqual(browserPlan({ ...base, canApt: false }), { install: [] });
  });

  it('installs what is missing when it may use apt-get', () => {
    assert.deepEqual(browserPlan({ ...base, chromeExists: false, fontsExist: false, canApt: true }), {
      install: ['chromium', 'fonts-noto-core'],
    });
    assert.deepEqual(browserPlan({ ...base, fontsExist: false, canApt: true }), {
      install: ['fonts-noto-core'],
    });
  });

  it('otherwise stops with one line naming the command', () => {
    assert.deepEqual(browserPlan({ ...base, chromeExists: false, fontsExist: false, canApt: false }), {
      stop: "Browser journeys need Debian's chromium and fonts-noto-core: run `sudo apt-get install -y chromium fonts-noto-core`, or set CHROME_BIN",
    });
    assert.deepEqual(browserPlan({ ...base, fontsExist: false, canApt: false }), {
      stop: "Browser journeys need Debian's fonts-noto-core: run `sudo apt-get install -y fonts-noto-core`",
    });
  });

  it('does not install over a CHROME_BIN that points nowhere', () => {
    assert.deepEqual(
      browserPlan({ ...base, chrome: '/opt/chrome', chromeFromEnv: true, chromeExists: false, canApt: true }),
      { stop: 'Browser journeys need chromium at CHROME_BIN=/opt/chrome, which does not exist.' },
    );
  });
});
