import { ConfigError, loadConfig } from './app-config';

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
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/stegvis' });
    expect(c.cookieSecure).toBe(true);
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
