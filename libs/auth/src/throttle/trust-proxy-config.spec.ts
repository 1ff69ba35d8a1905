import { ConfigError, loadConfig } from '@jobbro/core';

/** TRUST_PROXY decides what `req.ip` is, and so what every per-IP limit counts. */
describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.1.7', '10.0.0.0/8, 192.168.1.7'],
    ['loopback,fd00::/8', 'loopback,fd00::/8'],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'proxy.example.dk', '10.0.0.0/8/1', '*'])(
    'refuses %j: trusting every hop would let clients choose their IP',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value })).toThrow('TRUST_PROXY');
    },
  );

  it('keeps the limits off in tests unless asked, and on with the decided numbers elsewhere', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      rateLimitPerMinute: 0,
      loginFailuresPerHour: 0,
    });
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      CPR_ENCRYPTION_KEY: 'a'.repeat(64),
      SMTP_URL: 'smtp://mail.example.dk:25',
      MAIL_FROM: 'Jobbro <no-reply@example.dk>',
    };
    expect(loadConfig(production)).toMatchObject({
      rateLimitPerMinute: 3000,
      loginFailuresPerHour: 100,
      loginFailuresPerIpPerHour: 1000,
    });
  });
});
