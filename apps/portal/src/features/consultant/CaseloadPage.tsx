import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { request } from '@/api/client';
import { useUser } from '@/auth/AuthProvider';
import {
  Alert,
  Checkbox,
  EmptyState,
  ErrorMessage,
  Loading,
  PageTitle,
  QueryState,
  Select,
  Tag,
  TextField,
} from '@/components';
import type { CitizenFilter, CitizenStatus } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { CaseloadDocument, FollowUpsDueDocument, TargetGroupsDocument } from './api';
import { StatusTag } from './StatusTag';

const PAGE_SIZE = 25;
const STATUSES: CitizenStatus[] = ['ACTIVE', 'PAUSED', 'CLOSED'];

/** The filters live in the address, so a filtered list can be bookmarked and shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const user = useUser();
  // An administrator is on no team: their default is the whole job centre.
  const mineDefault = user.role !== 'ADMINISTRATOR';
  const mineParam = params.get('mine');
  const filters = {
    search: params.get('q') ?? '',
    status: (STATUSES as string[]).includes(params.get('status') ?? '')
      ? (params.get('status') as CitizenStatus)
      : undefined,
    mine: mineParam === null ? mineDefault : mineParam === '1',
    targetGroup: params.get('group') ?? '',
    months: /^\d{1,3}$/.test(params.get('months') ?? '') ? params.get('months')! : '',
  };
  const apply = (next: typeof filters) => {
    const p = new URLSearchParams();
    if (next.search.trim()) p.set('q', next.search.trim());
    if (next.status) p.set('status', next.status);
    if (next.mine !== mineDefault) p.set('mine', next.mine ? '1' : '0');
    if (next.targetGroup) p.set('group', next.targetGroup);
    if (next.months.trim()) p.set('months', next.months.trim());
    setParams(p);
  };
  return { filters, apply };
}

/**
 * `/borgere`. The API lists citizens and follow-ups for staff only: a social-support (CTI) worker
 * reads just the citizens whose team they are on, one at a time, and the API has no list of those
 * yet, so they get a short explanation instead of two refusals.
 */
export function CaseloadPage() {
  const user = useUser();
  return user.role === 'SOCIAL_SUPPORT_WORKER' ? <NoListForSupportWorkers /> : <Caseload />;
}

function NoListForSupportWorkers() {
  const { t } = useTranslation('consultant');
  return (
    <>
      <PageTitle>{t('caseload.title')}</PageTitle>
      <Alert kind="info">{t('caseload.supportWorker')}</Alert>
    </>
  );
}

function Caseload() {
  const { t } = useTranslation('consultant');
  const { filters, apply } = useFilters();
  const [draft, setDraft] = useState(filters);
  const [draftKey, setDraftKey] = useState(JSON.stringify(filters));
  // The form follows the address when it changes (back button, reset).
  if (draftKey !== JSON.stringify(filters)) {
    setDraftKey(JSON.stringify(filters));
    setDraft(filters);
  }

  const filter: CitizenFilter = {
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.mine ? { assignedToMe: true } : {}),
    ...(filters.targetGroup ? { targetGroup: filters.targetGroup } : {}),
    ...(filters.months ? { inCurrentGroupForMoreThanMonths: Number(filters.months) } : {}),
  };
  const targetGroups = useQuery({
    queryKey: ['consultant', 'targetGroups'],
    queryFn: () => request(TargetGroupsDocument),
    staleTime: 60 * 60_000,
  });
  const today = new Date().toISOString().slice(0, 10);
  const groupOptions = (targetGroups.data?.targetGroups ?? [])
    .filter((g) => g.validFrom <= today && (!g.validTo || g.validTo >= today))
    .map((g) => ({ value: g.code, label: g.label }));
  const [monthsError, setMonthsError] = useState<string>();
  const citizens = useInfiniteQuery({
    queryKey: ['consultant', 'caseload', filter],
    queryFn: ({ pageParam }) =>
      request(CaseloadDocument, { filter, first: PAGE_SIZE, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) =>
      last.citizens.pageInfo.hasNextPage
        ? (last.citizens.pageInfo.endCursor ?? undefined)
        : undefined,
  });
  const followUps = useQuery({
    queryKey: ['consultant', 'followUpsDue'],
    queryFn: () => request(FollowUpsDueDocument),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.months.trim() && !/^\d{1,3}$/.test(draft.months.trim())) {
      setMonthsError(t('caseload.monthsInvalid'));
      document.getElementById('caseload-months')?.focus();
      return;
    }
    setMonthsError(undefined);
    apply(draft);
  };

  return (
    <>
      <PageTitle>{t('caseload.title')}</PageTitle>
      <p className="font-lead">{t('caseload.intro')}</p>

      <section aria-labelledby="follow-ups-heading" className="mt-7">
        <h2 id="follow-ups-heading">{t('caseload.followUpsHeading')}</h2>
        <QueryState
          query={followUps}
          isEmpty={(d) => d.followUpsDue.length === 0}
          empty={t('caseload.followUpsEmpty')}
        >
          {(d) => (
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('caseload.name')}</th>
                  <th scope="col">{t('caseload.dueOn')}</th>
                  <th scope="col">{t('caseload.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                {d.followUpsDue.map((f) => (
                  <tr key={f.citizen.id}>
                    <td>
                      <Link to={`/borgere/${f.citizen.id}`}>
                        {f.citizen.firstName} {f.citizen.lastName}
                      </Link>
                    </td>
                    <td>{formatDate(f.dueOn)}</td>
                    <td>
                      {f.daysOverdue > 0 ? (
                        <Tag kind="warning">
                          {t('caseload.overdueDays', { count: f.daysOverdue })}
                        </Tag>
                      ) : (
                        <Tag kind="info">{t('caseload.dueToday')}</Tag>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="filters-heading" className="mt-8">
        <h2 id="filters-heading">{t('caseload.filters')}</h2>
        <form onSubmit={onSubmit} role="search" aria-labelledby="filters-heading">
          <div className="d-flex flex-wrap align-items-end">
            <div className="mr-6">
              <TextField
                label={t('caseload.search')}
                hint={t('caseload.searchHint')}
                type="search"
                name="q"
                id="caseload-search"
                value={draft.search}
                maxLength={100}
                onChange={(e) => setDraft({ ...draft, search: e.target.value })}
              />
            </div>
            <div className="mr-6">
              <Select
                label={t('caseload.status')}
                id="caseload-status"
                value={draft.status ?? ''}
                placeholder={t('caseload.anyStatus')}
                options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    status: (e.target.value || undefined) as CitizenStatus | undefined,
                  })
                }
              />
            </div>
            <div className="mr-6">
              <Select
                label={t('caseload.targetGroup')}
                id="caseload-group"
                value={draft.targetGroup}
                placeholder={t('caseload.anyTargetGroup')}
                options={groupOptions}
                onChange={(e) => setDraft({ ...draft, targetGroup: e.target.value })}
              />
            </div>
            <div className="mr-6">
              <TextField
                label={t('caseload.months')}
                hint={t('caseload.monthsHint')}
                id="caseload-months"
                inputMode="numeric"
                width="xs"
                optional
                value={draft.months}
                error={monthsError}
                maxLength={3}
                onChange={(e) => setDraft({ ...draft, months: e.target.value })}
              />
            </div>
          </div>
          <Checkbox
            label={t('caseload.mine')}
            id="caseload-mine"
            checked={draft.mine}
            onChange={(e) => setDraft({ ...draft, mine: e.target.checked })}
          />
          <div className="mt-5">
            <button type="submit" className="button button-primary mr-4">
              {t('caseload.apply')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="caseload-heading" className="mt-8" aria-busy={citizens.isFetching}>
        <h2 id="caseload-heading">{t('caseload.listHeading')}</h2>
        {citizens.isPending ? (
          <Loading />
        ) : citizens.isError ? (
          <ErrorMessage error={citizens.error} onRetry={() => void citizens.refetch()} />
        ) : citizens.data.pages[0].citizens.totalCount === 0 ? (
          <EmptyState>{t('caseload.empty')}</EmptyState>
        ) : (
          <>
            <p role="status">
              {t('caseload.count', { count: citizens.data.pages[0].citizens.totalCount })}
            </p>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t('caseload.name')}</th>
                  <th scope="col">{t('caseload.postalCode')}</th>
                  <th scope="col">{t('caseload.status')}</th>
                </tr>
              </thead>
              <tbody>
                {citizens.data.pages
                  .flatMap((p) => p.citizens.edges)
                  .map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link to={`/borgere/${node.id}`}>
                          {node.firstName} {node.lastName}
                        </Link>
                      </td>
                      <td>{node.postalCode}</td>
                      <td>
                        <StatusTag status={node.status} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {citizens.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={citizens.isFetchingNextPage}
                onClick={() => void citizens.fetchNextPage()}
              >
                {citizens.isFetchingNextPage
                  ? t('state.loading', { ns: 'common' })
                  : t('caseload.more')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
