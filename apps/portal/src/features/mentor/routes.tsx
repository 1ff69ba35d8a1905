import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';

/** The mentor pages (each behind RequireRole, loaded when first visited). */
export const mentorRoutes: RouteObject[] = [
  {
    path: 'mentor',
    lazy: async () => {
      const m = await import('./MentorSlotsPage');
      return {
        Component: () => (
          <RequireRole roles={['MENTOR']}>
            <m.MentorSlotsPage />
          </RequireRole>
        ),
      };
    },
  },
];
