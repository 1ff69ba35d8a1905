import type { RouteObject } from 'react-router';

/** The mentor pages (each behind RequireRole). */
export const mentorRoutes: RouteObject[] = [];
