import type { RouteObject } from 'react-router';

/** The admin pages (each behind RequireRole). */
export const adminRoutes: RouteObject[] = [];
