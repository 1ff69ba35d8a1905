import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';
import type { Role } from '@/gql/graphql';

/** Who proposes slots and follows proposals up (the API decides the details). */
const JOB_CENTRE: Role[] = ['JOB_CONSULTANT', 'CASEWORKER', 'ADMINISTRATOR'];
const CITIZEN: Role[] = ['CITIZEN'];
const COMPANY_ADMIN: Role[] = ['COMPANY_ADMIN'];

/** The proposal pages of each audience (each behind RequireRole), loaded when first visited. */
export const proposalRoutes: RouteObject[] = [
  {
    path: 'forslag',
    lazy: async () => {
      const m = await import('./StaffPages');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.ProposalsPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'forslag/:id',
    lazy: async () => {
      const m = await import('./StaffPages');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.ProposalPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'regler',
    lazy: async () => {
      const m = await import('./RulesPage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.RulesPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'mine-forslag',
    lazy: async () => {
      const m = await import('./MyProposalsPage');
      return {
        Component: () => (
          <RequireRole roles={CITIZEN}>
            <m.MyProposalsPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomhed/forslag',
    lazy: async () => {
      const m = await import('./EmployerPages');
      return {
        Component: () => (
          <RequireRole roles={COMPANY_ADMIN}>
            <m.CandidatesPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomhed/forslag/:id',
    lazy: async () => {
      const m = await import('./EmployerPages');
      return {
        Component: () => (
          <RequireRole roles={COMPANY_ADMIN}>
            <m.CandidatePage />
          </RequireRole>
        ),
      };
    },
  },
];
