import { graphqlEnum } from '../graphql/enum';

export enum Role {
  Administrator = 'administrator',
  JobConsultant = 'job_consultant',
  Caseworker = 'caseworker',
  /** CTI worker (CTI-medarbejder): a job centre's social-support worker on citizens' teams. */
  SocialSupportWorker = 'social_support_worker',
  CompanyAdmin = 'company_admin',
  Mentor = 'mentor',
  Citizen = 'citizen',
}
export const RoleGql = graphqlEnum(Role, 'Role', 'What a user does in Jobbro.');

/**
 * Staff who work on the cases of their job centre's citizens (and its companies and partnerships).
 * The social-support worker belongs to a job centre too, but is not among them: they see only the
 * citizens whose team they are on (need to know), and nothing of companies or matching.
 */
export const STAFF_ROLES = [Role.Administrator, Role.JobConsultant, Role.Caseworker] as const;
/** Every role that belongs to a job centre (has a jobCentreId): the staff an administrator manages. */
export const JOB_CENTRE_ROLES = [...STAFF_ROLES, Role.SocialSupportWorker] as const;
export const COMPANY_ROLES = [Role.CompanyAdmin, Role.Mentor] as const;

export const isStaff = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role);
export const isJobCentreRole = (role: Role): boolean =>
  (JOB_CENTRE_ROLES as readonly Role[]).includes(role);

/** Who is calling: read from a verified access token, never from input. */
export interface Principal {
  userId: string;
  role: Role;
  /** The tenant of staff users; null for company users. */
  jobCentreId: string | null;
}
