import type { Language } from '@jobbro/core';
import Handlebars from 'handlebars';
import type { MailKind, MailParams, RenderedMail } from './mail';

/** The Handlebars sources of one language of a template. */
export interface MailTemplateSource {
  /** One line; rendered without HTML escaping, then cleaned (no CR/LF, no control characters). */
  subject: string;
  /** Plain text; values are cleaned (no line breaks, control characters or bidi overrides). */
  text: string;
  /** The body of an HTML document (the engine adds the document around it); escaped by default. */
  html: string;
}

/**
 * One kind of message, in Danish and English: Handlebars sources, e.g.
 * `export const template: MailTemplate<'magic-link'> = { da: {...}, en: {...} }`.
 * Helpers: `{{link url}}` (an <a> for http(s) URLs only), `{{date iso}}`, `{{time iso}}`,
 * `{{datetime iso}}` (Danish time zone, in the mail's language).
 */
export type MailTemplate<K extends MailKind> = Record<Language, MailTemplateSource> & {
  /** Ties the template to its kind's parameters; never set. */
  readonly __params?: MailParams[K];
};

/** Longest value put into a mail (free text from users is bounded well below this already). */
const MAX_VALUE_LENGTH = 2000;
/** Longest subject line. */
const MAX_SUBJECT_LENGTH = 200;

/**
 * A value from a user (a name) made safe for a plain-text mail: no control characters or line
 * breaks (which could forge headers or fake a new paragraph), no bidirectional overrides (which
 * can disguise a link), and a bounded length.
 */
export function plainValue(value: string, maxLength = 100): string {
  const cleaned = value
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/** Every string in the parameters cleaned with plainValue, however deep. */
function cleanParams(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return plainValue(value, MAX_VALUE_LENGTH);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 500).map((v) => cleanParams(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      cleanParams(v, depth + 1),
    ]),
  );
}

const TIME_ZONE = 'Europe/Copenhagen';
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

function formatter(options: Intl.DateTimeFormatOptions) {
  return function (this: unknown, iso: unknown, helper: Handlebars.HelperOptions): string {
    const language = (helper.data as { language?: Language }).language ?? 'da';
    const date = new Date(String(iso));
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, ...options }).format(
      date,
    );
  };
}

const DATE_HELPERS = {
  date: formatter({ dateStyle: 'long' }),
  time: formatter({ timeStyle: 'short' }),
  datetime: formatter({ dateStyle: 'long', timeStyle: 'short' }),
};

/** HTML: escaping on (Handlebars' default); `{{{raw}}}` is refused by a test over all templates. */
const html = Handlebars.create();
/** Subject and text: no HTML escaping (they are not HTML); the values are cleaned instead. */
const plain = Handlebars.create();
for (const engine of [html, plain]) {
  for (const [name, helper] of Object.entries(DATE_HELPERS)) engine.registerHelper(name, helper);
}
html.registerHelper('link', (url: unknown) => {
  const href = String(url);
  const escaped = Handlebars.escapeExpression(href);
  return /^https?:\/\//i.test(href)
    ? new Handlebars.SafeString(`<a href="${escaped}">${escaped}</a>`)
    : escaped;
});
plain.registerHelper('link', (url: unknown) => String(url));

type Compiled = Handlebars.TemplateDelegate;
const cache = new WeakMap<
  MailTemplateSource,
  { subject: Compiled; text: Compiled; html: Compiled }
>();

function compiled(source: MailTemplateSource): {
  subject: Compiled;
  text: Compiled;
  html: Compiled;
} {
  let result = cache.get(source);
  if (!result) {
    result = {
      subject: plain.compile(source.subject, { noEscape: true }),
      text: plain.compile(source.text, { noEscape: true }),
      html: html.compile(source.html),
    };
    cache.set(source, result);
  }
  return result;
}

const LAYOUT_STYLE =
  'font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 640px;';

/** Renders one language of a template with the given parameters. */
export function renderTemplate<K extends MailKind>(
  template: MailTemplate<K>,
  language: Language,
  params: MailParams[K],
): Required<RenderedMail> {
  const source = template[language];
  const compiledSource = compiled(source);
  const values = cleanParams(params);
  const options = { data: { language } };
  const subject = plainValue(compiledSource.subject(values, options), MAX_SUBJECT_LENGTH);
  const text = `${compiledSource
    .text(values, options)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  const body = compiledSource.html(values, options);
  const document = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8">',
    `<title>${Handlebars.escapeExpression(subject)}</title></head>`,
    `<body><div style="${LAYOUT_STYLE}">`,
    body.trim(),
    '</div></body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html: document };
}
