import type { RouteObject } from 'react-router';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';
import { TokenPage } from './TokenPage';

/** Public pages: sign-in, the pages mailed links open, and employer sign-up. */
export const authRoutes: RouteObject[] = [
  { path: 'log-ind', element: <SignInPage /> },
  { path: 'log-ind/link', element: <TokenPage kind="magic" /> },
  { path: 'invitation', element: <TokenPage kind="invite" /> },
  { path: 'tilmelding', element: <SignUpPage /> },
  { path: 'tilmelding/bekraeft', element: <TokenPage kind="confirm" /> },
];
