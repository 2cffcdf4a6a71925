import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const KEY = 'k'.repeat(24) + '-a-test-key-only';

describe('loadConfig', () => {
  it('uses the embedded database and port 3000 when nothing is set', () => {
    const c = loadConfig({}, '/srv/stegvis');
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/stegvis/.data');
    expect(c.cookieSecure).toBe(false);
  });

  it('names the bad setting in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      new ConfigError('PORT must be a whole number, got "eighty"'),
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ STEGVIS_ADMIN_EMAIL: 'a@b.se' })).toThrow(/must be set together/);
  });

  it('makes cookies Secure in production', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/stegvis',
      PERSONAL_NUMBER_KEY: KEY,
    });
    expect(c.cookieSecure).toBe(true);
  });

  it('refuses to start in production without its own key for the personal-number hash', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/stegvis' };
    expect(() => loadConfig(prod)).toThrow(
      new ConfigError(
        'PERSONAL_NUMBER_KEY (or PERSONAL_NUMBER_KEY_FILE) is required when NODE_ENV=production: it keys the personal-number hash',
      ),
    );
    expect(() => loadConfig({ ...prod, PERSONAL_NUMBER_KEY: 'short' })).toThrow(
      new ConfigError('PERSONAL_NUMBER_KEY must be at least 32 characters'),
    );
    expect(() =>
      loadConfig({ ...prod, PERSONAL_NUMBER_KEY: 'stegvis-development-personal-number-key-not-secret' }),
    ).toThrow(new ConfigError('PERSONAL_NUMBER_KEY must not be the development key in production'));
    expect(loadConfig({ ...prod, PERSONAL_NUMBER_KEY: KEY }).personalNumberKey).toBe(KEY);
    const dir = mkdtempSync(join(tmpdir(), 'stegvis-key-'));
    writeFileSync(join(dir, 'key'), `${KEY}\n`);
    expect(loadConfig({ ...prod, PERSONAL_NUMBER_KEY_FILE: join(dir, 'key') }).personalNumberKey).toBe(KEY);
    rmSync(dir, { recursive: true });
    expect(() => loadConfig({ ...prod, PERSONAL_NUMBER_KEY_FILE: join(dir, 'key') })).toThrow(
      /PERSONAL_NUMBER_KEY_FILE names a file that cannot be read/,
    );
    // Development and tests hash with a fixed key, so their data is comparable from run to run.
    expect(loadConfig({}).personalNumberKey).toBe('stegvis-development-personal-number-key-not-secret');
  });

  it('believes X-Forwarded-For from loopback only, unless TRUST_PROXY names the proxies in front', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8,fd00::/8',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'ingress' })).toThrow(
      new ConfigError(
        'TRUST_PROXY must be true, false, a hop count or a list of loopback/linklocal/uniquelocal, addresses and CIDRs; "ingress" is none of these',
      ),
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33" is none of these/);
  });
});
