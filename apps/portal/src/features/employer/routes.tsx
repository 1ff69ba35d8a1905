import type { RouteObject } from 'react-router';

/** The employer pages (each behind RequireRole). */
export const employerRoutes: RouteObject[] = [];
