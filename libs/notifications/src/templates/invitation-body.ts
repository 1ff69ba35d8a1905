import type { Language } from '@jobbro/core';
import type { MailKind } from '../mail';
import type { MailTemplate, MailTemplateSource } from '../template-engine';

/** What differs between the kinds of invitation: the subject and who the person is invited as. */
export type InvitationWording = Record<Language, { subject: string; invitedAs: string }>;

const SHARED: Record<Language, { hello: string; open: string; rest: string[]; sign: string[] }> = {
  da: {
    hello: 'Hej {{displayName}}',
    open:
      'Åbn linket herunder, og tryk på knappen på siden for at tage imod invitationen\n' +
      '(linket virker i {{validDays}} dage og kan kun bruges én gang):',
    rest: [
      'Du skal ikke vælge en adgangskode: næste gang logger du ind med et login-link, som du får\ntilsendt på e-mail.',
      'Kender du ikke afsenderen, kan du se bort fra denne e-mail.',
    ],
    sign: ['Venlig hilsen', 'Jobbro'],
  },
  en: {
    hello: 'Hello {{displayName}}',
    open:
      'Open the link below and press the button on the page to accept the invitation\n' +
      '(the link works for {{validDays}} days and only once):',
    rest: [
      'You do not need a password: next time you sign in with a sign-in link sent to your email.',
      'If you do not know the sender, you can ignore this email.',
    ],
    sign: ['Kind regards', 'Jobbro'],
  },
};

function source(language: Language, subject: string, invitedAs: string): MailTemplateSource {
  const s = SHARED[language];
  const paragraphs = (link: string): string[] => [
    s.hello,
    `${invitedAs}\n${s.open}`,
    link,
    ...s.rest,
  ];
  return {
    subject,
    text: [...paragraphs('{{acceptUrl}}'), s.sign.join('\n')].join('\n\n'),
    html: [...paragraphs('{{link acceptUrl}}'), s.sign.join('<br>')]
      .map((p) => `<p>${p}</p>`)
      .join('\n'),
  };
}

/**
 * Every invitation shares one body (a single-use link that creates the account, no password);
 * each kind's template gives its subject and the sentence naming what the person is invited as,
 * a Handlebars fragment over that kind's parameters.
 */
export function invitationTemplate<K extends MailKind>(
  wording: InvitationWording,
): MailTemplate<K> {
  return {
    da: source('da', wording.da.subject, wording.da.invitedAs),
    en: source('en', wording.en.subject, wording.en.invitedAs),
  };
}
