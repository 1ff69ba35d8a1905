import { invitationTemplate } from './invitation-body';

/** An invitation for a citizen to get their own login. */
export const template = invitationTemplate<'invitation-citizen'>({
  da: {
    subject: 'Du er inviteret til Jobbro',
    invitedAs:
      '{{inviterName}} har inviteret dig til Jobbro som borger hos {{organisationName}}, så du selv kan se din plan og dine aftaler.',
  },
  en: {
    subject: 'You are invited to Jobbro',
    invitedAs:
      '{{inviterName}} has invited you to Jobbro as a citizen of {{organisationName}}, so you can see your plan and agreements yourself.',
  },
});
