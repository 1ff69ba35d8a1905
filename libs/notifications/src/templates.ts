import type { Language } from '@jobbro/core';
import type { MailKind, MailParams, RenderedMail } from './mail';

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

type Template<K extends MailKind> = (params: MailParams[K]) => Record<Language, RenderedMail>;

const SIGNATURE = { da: 'Venlig hilsen\nJobbro', en: 'Kind regards\nJobbro' };

/**
 * One template per kind, in Danish and English. The sign-up confirmation does not repeat the name
 * typed into the form: anyone can ask for it to any address, so it carries no text of theirs.
 */
const TEMPLATES: { [K in MailKind]: Template<K> } = {
  'employer-sign-up-confirm': ({ confirmUrl, validHours }) => ({
    da: {
      subject: 'Bekræft din e-mailadresse til Jobbro',
      text: [
        'Hej',
        '',
        'Nogen har bedt om en arbejdsgiverkonto i Jobbro med denne e-mailadresse.',
        `Var det dig, så bekræft adressen ved at åbne linket herunder (gyldigt i ${validHours} timer):`,
        '',
        confirmUrl,
        '',
        'Var det ikke dig, kan du se bort fra denne e-mail. Der oprettes ingen konto.',
        '',
        SIGNATURE.da,
      ].join('\n'),
    },
    en: {
      subject: 'Confirm your email address for Jobbro',
      text: [
        'Hello',
        '',
        'Someone asked for an employer account in Jobbro with this email address.',
        `If it was you, confirm the address by opening the link below (valid for ${validHours} hours):`,
        '',
        confirmUrl,
        '',
        'If it was not you, you can ignore this email. No account is created.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    },
  }),
  'employer-sign-up-existing': ({ displayName, signInUrl }) => ({
    da: {
      subject: 'Du har allerede en konto i Jobbro',
      text: [
        `Hej ${plainValue(displayName)}`,
        '',
        'Nogen har bedt om at oprette en konto i Jobbro med denne e-mailadresse, men du har allerede en.',
        `Log ind her: ${signInUrl}`,
        '',
        'Var det ikke dig, kan du se bort fra denne e-mail. Intet er ændret på din konto.',
        '',
        SIGNATURE.da,
      ].join('\n'),
    },
    en: {
      subject: 'You already have a Jobbro account',
      text: [
        `Hello ${plainValue(displayName)}`,
        '',
        'Someone asked to create a Jobbro account with this email address, but you already have one.',
        `Sign in here: ${signInUrl}`,
        '',
        'If it was not you, you can ignore this email. Nothing has changed on your account.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    },
  }),
};

export function renderMail<K extends MailKind>(
  kind: K,
  language: Language,
  params: MailParams[K],
): RenderedMail {
  return (TEMPLATES[kind] as Template<K>)(params)[language];
}
