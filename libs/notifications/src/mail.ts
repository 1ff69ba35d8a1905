import type { Language } from '@jobbro/core';

/** Every kind of message Jobbro sends; each has one Danish and one English template. */
export type MailKind = 'employer-sign-up-confirm' | 'employer-sign-up-existing';

/** The parameters each kind's template takes. All are plain text; templates clean them. */
export interface MailParams {
  'employer-sign-up-confirm': { confirmUrl: string; validHours: number };
  'employer-sign-up-existing': { displayName: string; signInUrl: string };
}

/** A message to one person, as the code that caused it asks for it. */
export interface MailRequest<K extends MailKind = MailKind> {
  kind: K;
  to: string;
  language: Language;
  params: MailParams[K];
}

/** A message ready for the transport. */
export interface RenderedMail {
  subject: string;
  text: string;
}
