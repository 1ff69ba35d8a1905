import { ConfigError, loadConfig, smtpTimeouts } from '../config/app-config';

/**
 * The relay gives a handler half the lease (OUTBOX_LEASE_MS) and then lets the row go; a send
 * still running after that would reach the server beside the next worker's. So the SMTP
 * transport's timeouts must fit within half the lease, or the configuration is refused.
 */
describe('SMTP timeouts within the outbox lease', () => {
  it('accepts the defaults (30 s SMTP timeout, two-minute lease)', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const t = smtpTimeouts(config.smtpTimeoutMs);
    expect(
      t.dnsTimeout + t.connectionTimeout + t.greetingTimeout + t.socketTimeout,
    ).toBeLessThanOrEqual(config.outboxLeaseMs / 2);
  });

  it('refuses a lease too short for the SMTP timeouts, naming both variables', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', OUTBOX_LEASE_MS: '60000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('SMTP_TIMEOUT_MS');
    expect(message).toContain('OUTBOX_LEASE_MS');
    expect(() =>
      loadConfig({ NODE_ENV: 'test', SMTP_TIMEOUT_MS: '120000', OUTBOX_LEASE_MS: '120000' }),
    ).toThrow(ConfigError);
  });

  it('accepts short timeouts with a short lease', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      SMTP_TIMEOUT_MS: '500',
      OUTBOX_LEASE_MS: '4000',
    });
    expect(config.outboxLeaseMs).toBe(4000);
    expect(smtpTimeouts(500)).toEqual({
      dnsTimeout: 500,
      connectionTimeout: 500,
      greetingTimeout: 500,
      socketTimeout: 500,
    });
  });
});
