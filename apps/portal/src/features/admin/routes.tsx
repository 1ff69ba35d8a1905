import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';

const adminOnly = ['ADMINISTRATOR'] as const;

/** The admin pages (each behind RequireRole), loaded when first visited. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin/brugere',
    lazy: async () => {
      const m = await import('./UsersPage');
      return {
        Component: () => (
          <RequireRole roles={adminOnly}>
            <m.UsersPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'admin/partnerskaber',
    lazy: async () => {
      const m = await import('./PartnershipsPage');
      return {
        Component: () => (
          <RequireRole roles={adminOnly}>
            <m.PartnershipsPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'admin/post',
    lazy: async () => {
      const m = await import('./MailPage');
      return {
        Component: () => (
          <RequireRole roles={adminOnly}>
            <m.MailPage />
          </RequireRole>
        ),
      };
    },
  },
];
