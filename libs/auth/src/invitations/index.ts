export * from './invitation.model';
export { InvitationService, ROLE_NAMES } from './invitation.service';
export * from './invitation.types';
