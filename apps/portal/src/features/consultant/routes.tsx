import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';
import type { Role } from '@/gql/graphql';

/** Job-centre roles that work with citizens; the API decides what each may read. */
export const CITIZEN_PAGE_ROLES: readonly Role[] = [
  'JOB_CONSULTANT',
  'CASEWORKER',
  'SOCIAL_SUPPORT_WORKER',
  'ADMINISTRATOR',
];

/** The consultant pages (each behind RequireRole). */
export const consultantRoutes: RouteObject[] = [
  {
    path: 'borgere',
    lazy: async () => {
      const m = await import('./CaseloadPage');
      return {
        Component: () => (
          <RequireRole roles={CITIZEN_PAGE_ROLES}>
            <m.CaseloadPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'borgere/:id',
    lazy: async () => {
      const m = await import('./CitizenPage');
      return {
        Component: () => (
          <RequireRole roles={CITIZEN_PAGE_ROLES}>
            <m.CitizenPage />
          </RequireRole>
        ),
      };
    },
  },
];
