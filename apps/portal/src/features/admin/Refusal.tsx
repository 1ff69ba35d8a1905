import { useTranslation } from 'react-i18next';
import { ApiError, isVersionConflict } from '@/api/errors';
import { Alert, ErrorMessage, useErrorText } from '@/components';

/**
 * Why the API refused an action, in its own words (e.g. "the job centre must keep at least one
 * active administrator"). A refusal is final: no reload or retry is offered for it; other errors
 * (signed out, no connection) get the common error message with its way forward.
 */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const refused =
    error instanceof ApiError &&
    (['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(error.code) ||
      (error.code === 'CONFLICT' && !isVersionConflict(error)));
  if (!refused) return <ErrorMessage error={error} />;
  return (
    <Alert kind="error" heading={t('errors.title')}>
      <p>{text}</p>
    </Alert>
  );
}
