import { invitationTemplate } from './invitation-body';

/** An invitation for staff of a job centre. */
export const template = invitationTemplate<'invitation-staff'>({
  da: {
    subject: 'Du er inviteret til Jobbro',
    invitedAs:
      '{{inviterName}} har inviteret dig til Jobbro som {{role.da}} i {{organisationName}}.',
  },
  en: {
    subject: 'You are invited to Jobbro',
    invitedAs: '{{inviterName}} has invited you to Jobbro as {{role.en}} at {{organisationName}}.',
  },
});
