import { useTranslation } from 'react-i18next';
import { Link, Navigate, type RouteObject } from 'react-router';
import { useAuth } from '@/auth/AuthProvider';
import { Layout, Loading, PageTitle } from '@/components';
import { authRoutes } from '@/features/auth/routes';
import { adminRoutes } from '@/features/admin/routes';
import { citizenRoutes } from '@/features/citizen/routes';
import { consultantRoutes } from '@/features/consultant/routes';
import { employerRoutes } from '@/features/employer/routes';
import { matchingRoutes } from '@/features/matching/routes';
import { mentorRoutes } from '@/features/mentor/routes';
import { proposalRoutes } from '@/features/proposals/routes';
import { landingPathFor } from './navigation';

/** `/`: each role's landing page, or sign-in. */
function Home() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  return <Navigate to={user ? landingPathFor(user.role) : '/log-ind'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.pageNotFound')}</PageTitle>
      <p>{t('errors.pageNotFoundText')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      ...authRoutes,
      ...employerRoutes,
      ...mentorRoutes,
      ...consultantRoutes,
      ...matchingRoutes,
      ...proposalRoutes,
      ...citizenRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];
