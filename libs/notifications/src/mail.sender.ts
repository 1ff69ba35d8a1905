import { join } from 'node:path';
import { AppConfig, smtpTimeouts } from '@jobbro/core';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { calendarText } from './calendar';
import { type DevMailCatcher, startDevMailCatcher } from './dev/mail-catcher';
import type { CalendarInvite, RenderedMail } from './mail';

/** Where mail goes with this configuration, for the start-up log (never shows credentials). */
export function mailDestination(config: AppConfig): string {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    return `SMTP ${url.protocol}//${url.host}`;
  }
  if (config.nodeEnv === 'development')
    return `caught locally: .eml files in ${mailFolder(config)}`;
  return 'nowhere (tests without SMTP_URL: messages are discarded)';
}

/** Where links in mail point: PUBLIC_URL, or this API on localhost when it is not set. */
export const publicBaseUrl = (config: AppConfig): string =>
  (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');

export const mailFolder = (config: AppConfig): string => join(config.dataDir, 'mail');

/** A failure that no retry can cure (a malformed address, a 5xx answer): a dead letter at once. */
export class PermanentMailError extends Error {
  readonly permanent = true;
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,255}$/;

/**
 * The one place that hands a message to a transport:
 * - SMTP_URL: nodemailer's pooled SMTP transport (a few connections kept open), with connection,
 *   greeting and socket timeouts so a hanging server cannot hold a send for long.
 * - development without SMTP_URL: the same SMTP transport to an in-process catcher
 *   (dev/mail-catcher.ts) that keeps each message under DATA_DIR/mail, read at GET /dev/mail.
 * - tests without SMTP_URL: discarded (nodemailer's JSON transport).
 * Production without SMTP_URL does not start (AppConfig).
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private transport: Promise<Transporter> | undefined;
  private catcher: DevMailCatcher | undefined;

  constructor(private readonly config: AppConfig) {}

  private smtp(url: string): Transporter {
    const options = {
      url,
      pool: true,
      maxConnections: 8,
      maxMessages: 500,
      // AppConfig refuses to start unless these together fit within half of OUTBOX_LEASE_MS.
      ...smtpTimeouts(this.config.smtpTimeoutMs),
    };
    return createTransport(options as SMTPPool.Options);
  }

  private open(): Promise<Transporter> {
    this.transport ??= (async () => {
      if (this.config.smtpUrl) return this.smtp(this.config.smtpUrl);
      if (this.config.nodeEnv === 'development') {
        this.catcher = await startDevMailCatcher(mailFolder(this.config));
        return this.smtp(this.catcher.url);
      }
      return createTransport({ jsonTransport: true });
    })();
    return this.transport;
  }

  async send(
    messageId: string,
    to: string,
    mail: RenderedMail,
    calendar?: CalendarInvite,
  ): Promise<void> {
    if (!ADDRESS.test(to)) throw new PermanentMailError('the recipient address is not valid');
    const transport = await this.open();
    const options: SendMailOptions = {
      from: this.config.mailFrom,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // Derived from the outbox message: a message sent again after a crash is recognisably the
      // same one (receivers and tests de-duplicate on it).
      messageId: `<${messageId}@jobbro>`,
      // No header of ours carries user input: subjects come cleaned from the template engine.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    if (calendar) {
      options.icalEvent = {
        method: calendar.method,
        filename: calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
        content: calendarText(calendar),
      };
    }
    try {
      await transport.sendMail(options);
    } catch (e) {
      const code = (e as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) {
        throw Object.assign(new PermanentMailError((e as Error).message), {
          responseCode: code,
          response: (e as { response?: unknown }).response,
        });
      }
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const transport = await this.transport?.catch(() => undefined);
    transport?.close();
    await this.catcher?.close();
  }
}
