import { invitationTemplate } from './invitation-body';

/** An invitation for a company mentor. */
export const template = invitationTemplate<'invitation-mentor'>({
  da: {
    subject: 'Du er inviteret som mentor i Jobbro',
    invitedAs: '{{inviterName}} har inviteret dig til Jobbro som mentor hos {{organisationName}}.',
  },
  en: {
    subject: 'You are invited as a mentor in Jobbro',
    invitedAs: '{{inviterName}} has invited you to Jobbro as mentor at {{organisationName}}.',
  },
});
