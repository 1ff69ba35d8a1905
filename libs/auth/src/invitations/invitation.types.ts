import type { Language, Principal, Role } from '@jobbro/core';
import type { EntityManager } from 'typeorm';

/** Who is invited to be what: each kind creates a user of one role (staff: one of the staff roles). */
export type InvitationKind = 'staff' | 'company_admin' | 'mentor' | 'citizen';
export const INVITATION_KINDS: readonly InvitationKind[] = [
  'staff',
  'company_admin',
  'mentor',
  'citizen',
];

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface NewInvitation {
  kind: InvitationKind;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  /** Staff and citizen: the job centre; company ones: the inviter's (null for a company admin). */
  jobCentreId: string | null;
  /** company_admin (existing company) and mentor. */
  companyId: string | null;
  /** company_admin for a new company (optional prefill). */
  companyCvr: string | null;
  /** The mentor id or citizen id the new user is linked to. */
  subjectId: string | null;
  invitedBy: Principal;
}

/** An invitation as stored (never its token: only the hash is kept). */
export interface InvitationRecord {
  id: string;
  kind: InvitationKind;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  jobCentreId: string | null;
  companyId: string | null;
  companyCvr: string | null;
  subjectId: string | null;
  invitedBy: string;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedUserId: string | null;
  revokedAt: Date | null;
}

/**
 * What accepting an invitation of one kind does besides creating (or linking) the user: link a
 * mentor, add a company admin, give a citizen their login. Runs in the acceptance transaction;
 * throwing rolls the whole acceptance back (the invitation stays pending).
 */
export type InvitationAcceptor = (
  manager: EntityManager,
  invitation: InvitationRecord,
  userId: string,
) => Promise<void>;

export function statusOf(
  row: Pick<InvitationRecord, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}
