import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError, isVersionConflict } from '@/api/errors';

type AlertKind = 'info' | 'success' | 'warning' | 'error';

/** A notice in the page (dkfds `alert`). Errors are announced by screen readers at once. */
export function Alert({
  kind = 'info',
  heading,
  children,
}: {
  kind?: AlertKind;
  heading?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}

/** The text a person reads for an API error: the API's own message where it has one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.message && error.code !== 'UNAUTHENTICATED') return error.message;
      return t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
    }
    return t('errors.UNKNOWN');
  };
}

/**
 * An API error as a page-level alert: UNAUTHENTICATED offers sign-in and back; a conflict says
 * someone else saved first and offers a reload. Never raw text or a stack.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const location = useLocation();
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return (
    <Alert kind="error" heading={t('errors.title')}>
      <p>{text}</p>
      {code === 'UNAUTHENTICATED' && (
        <p>
          <Link to={`/log-ind?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('errors.signInAgain')}
          </Link>
        </p>
      )}
      {isVersionConflict(error) && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => window.location.reload()}
          >
            {t('state.reload')}
          </button>
        </p>
      )}
      {onRetry &&
        ['NETWORK', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'TOO_MANY_REQUESTS'].includes(
          code,
        ) && (
          <p>
            <button type="button" className="button button-secondary" onClick={onRetry}>
              {t('state.retry')}
            </button>
          </p>
        )}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner-box" role="status">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status">{label ?? t('state.loading')}</div>
    </div>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="empty-state">{children ?? t('state.empty')}</p>;
}

/**
 * Loading, error and empty states of a query in one place; renders children with the data.
 * `isEmpty` decides when the empty text shows instead.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}

export interface SummaryItem {
  /** The id of the field the link focuses. */
  fieldId: string;
  message: string;
}

/**
 * The error summary at the top of a form (dkfds): takes focus when it appears, so the person
 * hears what is wrong; each item links to its field.
 */
export function ErrorSummary({
  items,
  message,
  focusKey,
}: {
  items: SummaryItem[];
  message?: string;
  /**
   * Changes on each submit that ends with errors (useApiForm sets it): the summary takes focus
   * then, and not while the person corrects a field. Without it, on every change of the errors.
   */
  focusKey?: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key =
    focusKey !== undefined
      ? String(focusKey)
      : items.map((i) => i.fieldId + i.message).join('|') + (message ?? '');
  // Focus once per key, as soon as the summary shows (its errors may render a moment later).
  const focusedKey = useRef('');
  const visible = items.length > 0 || !!message;
  useEffect(() => {
    if (!visible || !key || key === '0' || focusedKey.current === key) return;
    focusedKey.current = key;
    ref.current?.focus();
  }, [key, visible]);
  if (!visible) return null;
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <div className="alert-body">
        <p className="alert-heading" id="error-summary-title">
          {t('form.errorSummaryTitle')}
        </p>
        {message && <p className="alert-text">{message}</p>}
        {items.length > 0 && (
          <ul className="alert-text nobullet-list">
            {items.map((item) => (
              <li key={item.fieldId + item.message}>
                <a
                  href={`#${item.fieldId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(item.fieldId);
                    el?.scrollIntoView({ block: 'center' });
                    el?.focus();
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

type TagKind = 'neutral' | 'info' | 'success' | 'warning' | 'error';

/** A status label (dkfds badge): colour plus text, never colour alone. */
export function Tag({ kind = 'neutral', children }: { kind?: TagKind; children: ReactNode }) {
  return <span className={`badge${kind === 'neutral' ? '' : ` badge-${kind}`}`}>{children}</span>;
}
