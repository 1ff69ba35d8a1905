import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults to the embedded database with demo data and migrations on start', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config).toMatchObject({
      port: 3000,
      usesEmbeddedDatabase: true,
      demoData: true,
      migrateOnStart: true,
    });
  });

  it('uses DATABASE_URL without demo data or automatic migrations unless asked', () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@db:5432/jobbro' });
    expect(config).toMatchObject({
      usesEmbeddedDatabase: false,
      demoData: false,
      migrateOnStart: false,
    });
    expect(config.connectionUrl()).toBe('postgres://u:p@db:5432/jobbro');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres: or postgresql:'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be true or false'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET is required when NODE_ENV=production'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });
});
