import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';

const citizenOnly = ['CITIZEN'] as const;

/** The citizen pages (each behind RequireRole), loaded when first visited. */
export const citizenRoutes: RouteObject[] = [
  {
    path: 'mit-forloeb',
    lazy: async () => {
      const m = await import('./PlanPage');
      return {
        Component: () => (
          <RequireRole roles={citizenOnly}>
            <m.PlanPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'mit-forloeb/team',
    lazy: async () => {
      const m = await import('./TeamPage');
      return {
        Component: () => (
          <RequireRole roles={citizenOnly}>
            <m.TeamPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'mit-forloeb/samtykker',
    lazy: async () => {
      const m = await import('./ConsentsPage');
      return {
        Component: () => (
          <RequireRole roles={citizenOnly}>
            <m.ConsentsPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'mit-forloeb/adgang',
    lazy: async () => {
      const m = await import('./AccessLogPage');
      return {
        Component: () => (
          <RequireRole roles={citizenOnly}>
            <m.AccessLogPage />
          </RequireRole>
        ),
      };
    },
  },
];
