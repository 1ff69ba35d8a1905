import type { RouteObject } from 'react-router';

/** The consultant pages (each behind RequireRole). */
export const consultantRoutes: RouteObject[] = [];
