import type { RouteObject } from 'react-router';
import { RequireRole } from '@/app/RequireRole';

/** The employer pages (each behind RequireRole, loaded when first visited). */
export const employerRoutes: RouteObject[] = [
  {
    path: 'virksomhed',
    lazy: async () => {
      const m = await import('./CompanyPage');
      return {
        Component: () => (
          <RequireRole roles={['COMPANY_ADMIN']}>
            <m.CompanyPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomhed/pladser',
    lazy: async () => {
      const m = await import('./SlotsPage');
      return {
        Component: () => (
          <RequireRole roles={['COMPANY_ADMIN']}>
            <m.SlotsPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomhed/pladser/ny',
    lazy: async () => {
      const m = await import('./SlotFormPage');
      return {
        Component: () => (
          <RequireRole roles={['COMPANY_ADMIN']}>
            <m.SlotFormPage />
          </RequireRole>
        ),
      };
    },
  },
  {
    path: 'virksomhed/pladser/:id',
    lazy: async () => {
      const m = await import('./SlotFormPage');
      return {
        Component: () => (
          <RequireRole roles={['COMPANY_ADMIN']}>
            <m.SlotFormPage />
          </RequireRole>
        ),
      };
    },
  },
];
