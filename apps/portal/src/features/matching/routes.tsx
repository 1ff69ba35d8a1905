import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';
import type { Role } from '@/gql/graphql';

/** Who works with matching, search and partnerships (the API decides the details). */
const JOB_CENTRE: Role[] = ['JOB_CONSULTANT', 'CASEWORKER', 'ADMINISTRATOR'];

/** The matching pages (each behind RequireRole), loaded when first visited. */
export const matchingRoutes: RouteObject[] = [
  {
    path: 'borgere/:id/match',
    lazy: async () => {
      const m = await import('./CitizenMatchPage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.CitizenMatchPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'pladser',
    lazy: async () => {
      const m = await import('./SearchPage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.SearchPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'pladser/:id',
    lazy: async () => {
      const m = await import('./PlacementPage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.PlacementPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomheder',
    lazy: async () => {
      const m = await import('./CompaniesPage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.CompaniesPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'inviter',
    lazy: async () => {
      const m = await import('./InvitePage');
      return {
        Component: () => (
          <RequireRole roles={JOB_CENTRE}>
            <m.InvitePage />
          </RequireRole>
        ),
      };
    },
  },
];
