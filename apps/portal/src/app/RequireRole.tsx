import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '@/auth/AuthProvider';
import { Alert, Loading, PageTitle } from '@/components';
import type { Role } from '@/gql/graphql';

/**
 * Pages for some roles only. Not signed in: to the sign-in page and back here afterwards. Signed
 * in with another role: a plain "no access" (the API refuses the data anyway).
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/log-ind?next=${next}`} replace />;
  }
  if (!roles.includes(user.role)) {
    return (
      <>
        <PageTitle>{t('errors.title')}</PageTitle>
        <Alert kind="error">{t('errors.FORBIDDEN')}</Alert>
      </>
    );
  }
  return <>{children}</>;
}
