import { graphqlEnum } from '../graphql/enum';

export enum Role {
  Administrator = 'administrator',
  JobConsultant = 'job_consultant',
  Caseworker = 'caseworker',
  CompanyAdmin = 'company_admin',
  Mentor = 'mentor',
  Citizen = 'citizen',
}
export const RoleGql = graphqlEnum(Role, 'Role', 'What a user does in Jobbro.');

export const STAFF_ROLES = [Role.Administrator, Role.JobConsultant, Role.Caseworker] as const;
export const COMPANY_ROLES = [Role.CompanyAdmin, Role.Mentor] as const;

export const isStaff = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role);

/** Who is calling: read from a verified access token, never from input. */
export interface Principal {
  userId: string;
  role: Role;
  /** The tenant of staff users; null for company users. */
  jobCentreId: string | null;
}
