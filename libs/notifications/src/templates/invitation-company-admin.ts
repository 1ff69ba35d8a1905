import { invitationTemplate } from './invitation-body';

/** An invitation for a company administrator (of an existing company, or to register a new one). */
export const template = invitationTemplate<'invitation-company-admin'>({
  da: {
    subject: 'Invitation til Jobbro for din virksomhed',
    invitedAs:
      '{{inviterName}} har inviteret dig til Jobbro som administrator for {{#if organisationName}}{{organisationName}}{{else}}din virksomhed{{/if}}.',
  },
  en: {
    subject: 'Invitation to Jobbro for your company',
    invitedAs:
      '{{inviterName}} has invited you to Jobbro as administrator of {{#if organisationName}}{{organisationName}}{{else}}your company{{/if}}.',
  },
});
