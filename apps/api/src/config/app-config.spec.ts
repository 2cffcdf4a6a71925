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
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('PORT must be a whole number, got "eighty"'));
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ STEGVIS_ADMIN_EMAIL: 'a@b.se' })).toThrow(/must be set together/);
  });

  it('makes cookies Secure in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/stegvis' });
    expect(c.cookieSecure).toBe(true);
  });
});
