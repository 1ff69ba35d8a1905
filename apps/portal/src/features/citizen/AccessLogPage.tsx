import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { PageTitle, QueryState, Tag } from '@/components';
import type { MyAccessLogQuery } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { MyAccessLogDocument } from './queries';

type Entry = MyAccessLogQuery['myAccessLog'][number];

const PAGE = 25;
/** The API answers at most this many entries. */
const MAX = 500;

/** `/mit-forloeb/adgang`: who looked at or changed the citizen's data, when, and for what. */
export function AccessLogPage() {
  const { t } = useTranslation('citizen');
  const [first, setFirst] = useState(PAGE);
  const log = useQuery({
    queryKey: ['citizen', 'accessLog', first],
    queryFn: () => request(MyAccessLogDocument, { first }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('access.title')}</PageTitle>
        <p className="font-lead">{t('access.intro')}</p>
        <QueryState
          query={log}
          isEmpty={(d) => d.myAccessLog.length === 0}
          empty={t('access.empty')}
        >
          {(d) => (
            <>
              <ol className="nobullet-list" aria-label={t('access.title')}>
                {d.myAccessLog.map((entry, i) => (
                  <AccessEntry key={`${entry.occurredAt}-${i}`} entry={entry} />
                ))}
              </ol>
              {d.myAccessLog.length >= first && first < MAX && (
                <>
                  <p className="form-hint">{t('access.showing', { count: first })}</p>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={log.isFetching}
                    onClick={() => setFirst((n) => Math.min(MAX, n + PAGE))}
                  >
                    {t('access.more')}
                  </button>
                </>
              )}
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}

/** A role as the API records it (`job_consultant` or `JOB_CONSULTANT`) in the reader's words. */
function useRoleLabel(): (role: string | null | undefined) => string | null {
  const { t } = useTranslation();
  return (role) => {
    if (!role) return null;
    const key = role.toUpperCase();
    return t(`roles.${key}`, { defaultValue: '' }) || null;
  };
}

function AccessEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation('citizen');
  const roleLabel = useRoleLabel();
  const role = roleLabel(entry.userRole);
  // Only the citizen themselves looks at their data with the citizen role.
  const who =
    entry.userRole?.toUpperCase() === 'CITIZEN'
      ? t('access.you')
      : [entry.userName ?? (role ? null : t('access.unknownPerson')), role]
          .filter(Boolean)
          .join(', ');
  const isTeamChange =
    entry.teamMember !== null &&
    entry.teamMember !== undefined &&
    ['addTeamMember', 'removeTeamMember'].includes(entry.operation);
  const what = isTeamChange
    ? t(entry.operation === 'addTeamMember' ? 'access.teamAdded' : 'access.teamRemoved', {
        member: entry.teamMember,
        role: entry.teamRole ? t(`teamRole.${entry.teamRole}`).toLowerCase() : '',
      })
    : `${t(`action.${entry.action}`, { defaultValue: t('action.read') })} ${t(
        `operation.${entry.operation}`,
        { defaultValue: t('operation.other') },
      )}`;
  return (
    <li className="card mb-5">
      <div className="card-content">
        <p className="mt-0 mb-2">
          <span className="sr-only">{t('access.when')}: </span>
          <time dateTime={entry.occurredAt} className="weight-semibold">
            {formatDateTime(entry.occurredAt)}
          </time>
        </p>
        <p className="mt-0 mb-2">
          <span className="sr-only">{t('access.who')}: </span>
          {who}
        </p>
        <p className="mt-0 mb-0">
          <span className="sr-only">{t('access.what')}: </span>
          {what}
        </p>
        {entry.reason && (
          <p className="mt-2 mb-0">{t('access.reason', { reason: entry.reason })}</p>
        )}
        {!entry.allowed && (
          <p className="mt-2 mb-0">
            <Tag kind="warning">{t('access.refused')}</Tag>
          </p>
        )}
      </div>
    </li>
  );
}
