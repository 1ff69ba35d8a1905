import type { RouteObject } from 'react-router';

/** The matching pages (each behind RequireRole). */
export const matchingRoutes: RouteObject[] = [];
