import type { RouteObject } from 'react-router';

/** The citizen pages (each behind RequireRole). */
export const citizenRoutes: RouteObject[] = [];
