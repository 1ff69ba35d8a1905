import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedMail } from './mail';

/** Where mail goes with this configuration, for the start-up log (never shows credentials). */
export function mailDestination(config: AppConfig): string {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    return `SMTP ${url.protocol}//${url.host}`;
  }
  if (config.isProduction) return 'nowhere: SMTP_URL is not set, mail stays queued';
  return `.eml files in ${mailFolder(config)}`;
}

/** Where links in mail point: PUBLIC_URL, or this API on localhost when it is not set. */
export const publicBaseUrl = (config: AppConfig): string =>
  (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');

export const mailFolder = (config: AppConfig): string => join(config.dataDir, 'mail');

/**
 * The one place that hands a message to a transport: SMTP_URL when set; outside production
 * without it, each message is written as an .eml file under DATA_DIR/mail to open in any mail
 * program. Production without SMTP_URL sends nothing: the message stays in the outbox.
 */
@Injectable()
export class MailSender {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl
      ? createTransport(config.smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(messageId: string, to: string, mail: RenderedMail): Promise<void> {
    if (!this.config.smtpUrl && this.config.isProduction) {
      throw new Error('SMTP_URL is not set; the message stays in the outbox');
    }
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to,
      subject: mail.subject,
      text: mail.text,
      // Derived from the outbox message, so a resent message is recognisably the same one.
      messageId: `<${messageId}@jobbro>`,
    })) as { message?: Buffer };
    if (!this.config.smtpUrl && info.message) {
      const folder = mailFolder(this.config);
      await mkdir(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(folder, `${stamp}-${messageId}.eml`), info.message, { mode: 0o600 });
    }
  }
}
