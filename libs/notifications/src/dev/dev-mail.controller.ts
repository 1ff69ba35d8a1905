import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, Public } from '@jobbro/core';
import { Controller, Get, Header, NotFoundException, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import Handlebars from 'handlebars';
import type { ParsedMail } from 'mailparser';
import { mailFolder } from '../mail.sender';

const FILE = /^[\w.-]{1,200}\.eml$/;

/** localhost, 127.0.0.1 or [::1], with any port or none. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/**
 * Caught mail holds sign-in links: the page answers only a browser on this machine, and to
 * anyone else it does not exist (404):
 * - the TCP peer is loopback, even though the development server listens on every interface
 *   (HOST=0.0.0.0);
 * - no proxy in between (X-Forwarded-For, Forwarded): a proxy on this machine would make any
 *   client's request come from loopback;
 * - the Host header names loopback: a page elsewhere whose name resolves to 127.0.0.1 (DNS
 *   rebinding) would otherwise read the mail from the visitor's own browser.
 */
function onlyFromThisMachine(req: Request): void {
  const peer = req.socket.remoteAddress ?? '';
  const host = req.headers.host ?? '';
  if (
    !['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(peer) ||
    req.headers['x-forwarded-for'] !== undefined ||
    req.headers.forwarded !== undefined ||
    !LOOPBACK_HOST.test(host)
  )
    throw new NotFoundException();
}
const LIST_LIMIT = 200;

/** The page's own policy: no scripts anywhere; the mail's HTML only inside a sandboxed frame. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'";

/** The one escaping rule, the templates' own (Handlebars): & < > " ' ` = all escaped. */
const escape = (value: string): string => Handlebars.escapeExpression(value);

/** Escaped text with its http(s) links clickable. */
const linkify = (text: string): string =>
  escape(text).replace(
    /https?:\/\/[^\s<>"']+/g,
    (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`,
  );

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: Arial, Helvetica, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 60rem; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
iframe { width: 100%; height: 32rem; border: 1px solid #ccc; }
.muted { color: #666; font-size: .9rem; }
</style></head><body>${body}</body></html>`;
}

type Parser = (raw: Buffer) => Promise<ParsedMail>;
const parse: Parser = (raw) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev dependency, loaded only outside production
  (require('mailparser') as { simpleParser: Parser }).simpleParser(raw);

const addresses = (value: ParsedMail['to']): string =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/**
 * GET /dev/mail: the mail that development caught (DATA_DIR/mail), newest first, each readable.
 * Registered only in development without SMTP_URL (DevMailModule.enabled); never in tests,
 * staging or production.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly config: AppConfig) {}

  private async files(): Promise<string[]> {
    const names = await readdir(mailFolder(this.config)).catch(() => [] as string[]);
    // Names start with an ISO time stamp, so the newest sort last.
    return names
      .filter((n) => FILE.test(n))
      .sort()
      .reverse()
      .slice(0, LIST_LIMIT);
  }

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-store')
  async list(@Req() req: Request): Promise<string> {
    onlyFromThisMachine(req);
    const rows: string[] = [];
    for (const name of await this.files()) {
      const mail = await parse(await readFile(join(mailFolder(this.config), name)));
      rows.push(
        `<tr><td>${escape(mail.date?.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' }) ?? '')}</td>` +
          `<td>${escape(addresses(mail.to))}</td>` +
          `<td><a href="/dev/mail/${encodeURIComponent(name)}">${escape(mail.subject ?? '(uden emne / no subject)')}</a></td></tr>`,
      );
    }
    return page(
      'Opfanget post / Caught mail',
      `<h1>Opfanget post <span class="muted">/ Caught mail</span></h1>
<p>Al post, som Jobbro sender under udvikling, havner her i stedet for hos modtagerne (gemt i ${escape(mailFolder(this.config))}). Nyeste først.<br>
<span class="muted">All mail Jobbro sends in development lands here instead of with the recipients. Newest first.</span></p>
${
  rows.length
    ? `<table><thead><tr><th>Tid / Time</th><th>Til / To</th><th>Emne / Subject</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>Ingen post endnu. <span class="muted">No mail yet.</span></p>'
}`,
    );
  }

  @Public()
  @Get(':name')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-store')
  async show(@Req() req: Request, @Param('name') name: string): Promise<string> {
    onlyFromThisMachine(req);
    if (!FILE.test(name)) throw new NotFoundException();
    const raw = await readFile(join(mailFolder(this.config), name)).catch(() => undefined);
    if (!raw) throw new NotFoundException();
    const mail = await parse(raw);
    // The mail's HTML in a frame that may run nothing and reach nothing of this page; its links
    // open in a new tab.
    const html =
      typeof mail.html === 'string'
        ? `<h2>HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${escape(
            `<base target="_blank">${mail.html}`,
          )}"></iframe>`
        : '';
    const attachments = mail.attachments.length
      ? `<h2>Vedhæftet <span class="muted">/ Attachments</span></h2><ul>${mail.attachments
          .map(
            (a) =>
              `<li>${escape(a.filename ?? a.contentType)} (${escape(a.contentType)})${
                a.contentType.startsWith('text/calendar')
                  ? `<pre>${escape(a.content.toString('utf8'))}</pre>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : '';
    return page(
      mail.subject ?? '',
      `<p><a href="/dev/mail">← Al post <span class="muted">/ All mail</span></a></p>
<h1>${escape(mail.subject ?? '')}</h1>
<table>
<tr><th>Fra / From</th><td>${escape(addresses(mail.from))}</td></tr>
<tr><th>Til / To</th><td>${escape(addresses(mail.to))}</td></tr>
<tr><th>Tid / Time</th><td>${escape(mail.date?.toISOString() ?? '')}</td></tr>
<tr><th>Message-ID</th><td>${escape(mail.messageId ?? '')}</td></tr>
</table>
<h2>Tekst <span class="muted">/ Text</span></h2><pre>${linkify(mail.text ?? '')}</pre>
${html}${attachments}`,
    );
  }
}
