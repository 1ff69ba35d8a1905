import { join } from 'node:path';
import { projectRoot } from '../project-root';
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
    [{ NODE_ENV: 'production' }, 'SMTP_URL is required when NODE_ENV=production'],
    [{ NODE_ENV: 'production' }, 'MAIL_FROM is required when NODE_ENV=production'],
    [{ SMTP_URL: 'http://mail.example.dk' }, 'SMTP_URL must start with smtp: or smtps:'],
    [{ MAIL_FROM: 'Jobbro <x@y.dk>\r\nBcc: z@evil.test' }, 'MAIL_FROM must be an address'],
    [{ MAIL_FROM: 'no address' }, 'MAIL_FROM must be an address'],
    [{ MAIL_MAX_ATTEMPTS: '0' }, 'MAIL_MAX_ATTEMPTS must be a whole number from 1 to 100'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(message);
  });

  describe('demo data', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      CPR_ENCRYPTION_KEY: 'a'.repeat(64),
      SMTP_URL: 'smtp://mail.example.dk:25',
      MAIL_FROM: 'Jobbro <no-reply@example.dk>',
    };

    it('never loads in production, even with the embedded database', () => {
      expect(loadConfig(production)).toMatchObject({ usesEmbeddedDatabase: true, demoData: false });
      expect(
        loadConfig({ ...production, DATABASE_URL: 'postgres://u:p@db:5432/jobbro' }).demoData,
      ).toBe(false);
    });

    it.each(['true', 'yes', '1', 'on'])(
      'refuses DEMO_DATA=%s in production at boot, saying why',
      (value) => {
        expect(() => loadConfig({ ...production, DEMO_DATA: value })).toThrow(ConfigError);
        expect(() => loadConfig({ ...production, DEMO_DATA: value })).toThrow(
          'DEMO_DATA=true is not allowed when NODE_ENV=production',
        );
      },
    );

    it('accepts DEMO_DATA=false in production', () => {
      expect(loadConfig({ ...production, DEMO_DATA: 'false' }).demoData).toBe(false);
    });
  });

  describe('HTTP', () => {
    it('limits bodies to 256 kB unless BODY_LIMIT says otherwise', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).bodyLimitBytes).toBe(262144);
      expect(loadConfig({ NODE_ENV: 'test', BODY_LIMIT: '50000' }).bodyLimitBytes).toBe(50000);
      expect(() => loadConfig({ NODE_ENV: 'test', BODY_LIMIT: '10' })).toThrow('BODY_LIMIT');
    });

    it('serves the portal from dist/portal under the project unless PORTAL_DIR says otherwise', () => {
      const root = projectRoot();
      expect(loadConfig({ NODE_ENV: 'test' }).portalDir).toBe(join(root, 'dist', 'portal'));
      expect(loadConfig({ NODE_ENV: 'test', PORTAL_DIR: 'build/web' }).portalDir).toBe(
        join(root, 'build', 'web'),
      );
      expect(loadConfig({ NODE_ENV: 'test', PORTAL_DIR: '/srv/portal' }).portalDir).toBe(
        '/srv/portal',
      );
    });

    it('allows the portal and the API itself as CORS origins in development', () => {
      expect(loadConfig({ NODE_ENV: 'development', PORT: '3100' }).corsOrigins).toEqual([
        'http://localhost:5173',
        'http://localhost:3100',
        'http://127.0.0.1:3100',
      ]);
    });

    it("allows only PUBLIC_URL's origin in production unless CORS_ORIGINS is set", () => {
      const production = {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        CPR_ENCRYPTION_KEY: 'a'.repeat(64),
        SMTP_URL: 'smtp://mail.example.dk:25',
        MAIL_FROM: 'Jobbro <no-reply@example.dk>',
      };
      expect(loadConfig(production).corsOrigins).toEqual([]);
      expect(
        loadConfig({ ...production, PUBLIC_URL: 'https://jobbro.kk.dk/portal/' }).corsOrigins,
      ).toEqual(['https://jobbro.kk.dk']);
      expect(
        loadConfig({
          ...production,
          PUBLIC_URL: 'https://jobbro.kk.dk',
          CORS_ORIGINS: 'https://a.example.dk, https://b.example.dk:8443',
        }).corsOrigins,
      ).toEqual(['https://a.example.dk', 'https://b.example.dk:8443']);
    });

    it.each(['*', 'https://a.example.dk/path', 'ftp://a.example.dk', 'null'])(
      'refuses CORS_ORIGINS=%s',
      (value) => {
        expect(() => loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: value })).toThrow(
          'CORS_ORIGINS must list origins',
        );
      },
    );
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
