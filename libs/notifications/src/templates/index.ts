import type { Language } from '@jobbro/core';
import type { MailKind, MailParams, RenderedMail } from '../mail';
import { type MailTemplate, renderTemplate } from '../template-engine';
import { template as employerSignUpConfirm } from './employer-sign-up-confirm';
import { template as employerSignUpExisting } from './employer-sign-up-existing';
import { template as meetingCancelled } from './meeting-cancelled';
import { template as meetingInvitation } from './meeting-invitation';
import { template as meetingUpdated } from './meeting-updated';
import { template as reminder } from './reminder';
import { template as reminderDigest } from './reminder-digest';
import { template as invitationCitizen } from './invitation-citizen';
import { template as invitationCompanyAdmin } from './invitation-company-admin';
import { template as invitationMentor } from './invitation-mentor';
import { template as invitationStaff } from './invitation-staff';
import { template as magicLink } from './magic-link';
import { template as proposalToCitizen } from './proposal-to-citizen';
import { template as proposalToEmployer } from './proposal-to-employer';
import { template as proposalUpdate } from './proposal-update';

/**
 * Every kind's template. To add a kind: its name and parameters in mail.ts, a file
 * `templates/<kind>.ts` exporting `template`, one import and one entry here, and example
 * parameters in templates.spec.ts.
 */
export const TEMPLATES: { [K in MailKind]: MailTemplate<K> } = {
  'employer-sign-up-confirm': employerSignUpConfirm,
  'employer-sign-up-existing': employerSignUpExisting,
  'meeting-invitation': meetingInvitation,
  'meeting-updated': meetingUpdated,
  'meeting-cancelled': meetingCancelled,
  reminder,
  'reminder-digest': reminderDigest,
  'magic-link': magicLink,
  'invitation-staff': invitationStaff,
  'invitation-company-admin': invitationCompanyAdmin,
  'invitation-mentor': invitationMentor,
  'invitation-citizen': invitationCitizen,
  'proposal-to-citizen': proposalToCitizen,
  'proposal-to-employer': proposalToEmployer,
  'proposal-update': proposalUpdate,
};

/** The message of this kind in this language: `{ subject, text, html }`, values cleaned and escaped. */
export function renderMail<K extends MailKind>(
  kind: K,
  language: Language,
  params: MailParams[K],
): Required<RenderedMail> {
  const template = TEMPLATES[kind] as MailTemplate<K> | undefined;
  if (!template) throw new Error(`No mail template for kind ${String(kind)}`);
  return renderTemplate(template, language, params);
}
