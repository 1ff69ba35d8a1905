import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Tag } from '@/components';
import type { ProposalReason, ProposalStatus, ShareScope } from '@/gql/graphql';
import { formatDate, formatDateTime, formatNumber } from '@/i18n/format';
import './proposals.css';

/** The share scopes in the order a person reads them: the least personal first. */
export const SHARE_SCOPES = [
  'FIRST_NAME',
  'GOAL_IN_OWN_WORDS',
  'AVAILABILITY',
  'ACCOMMODATIONS',
] as const satisfies readonly ShareScope[];

export const CHANNELS = ['MEETING', 'PHONE', 'WRITING'] as const;

const TAG_KIND: Record<ProposalStatus, 'info' | 'success' | 'warning' | 'neutral'> = {
  PROPOSED_TO_CITIZEN: 'info',
  PROPOSED_TO_EMPLOYER: 'info',
  ACCEPTED_BY_EMPLOYER: 'success',
  BOOKED: 'success',
  DECLINED_BY_CITIZEN: 'warning',
  DECLINED_BY_EMPLOYER: 'warning',
  WITHDRAWN: 'neutral',
  EXPIRED: 'neutral',
  OBSOLETE: 'neutral',
};

/** A proposal's status as a tag: the API's words (or the page's own), colour and text. */
export function ProposalStatusTag({ status, label }: { status: ProposalStatus; label: string }) {
  return <Tag kind={TAG_KIND[status]}>{label.charAt(0).toUpperCase() + label.slice(1)}</Tag>;
}

/** A key for a request that creates something: the API returns the first result on a repeat. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface HistoryEvent {
  at: string;
  text: string;
  note?: string | null;
}

/** Every step of a proposal as the API tells it, oldest first, each with its date and time. */
export function ProposalHistory({ events, label }: { events: HistoryEvent[]; label: string }) {
  const { t } = useTranslation('proposals');
  return (
    <ol className="proposal-history nobullet-list" aria-label={label}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <time dateTime={e.at} className="proposal-history-time">
            {formatDateTime(e.at)}
          </time>
          <span className="d-block">{e.text}</span>
          {e.note && (
            <span className="d-block form-hint">{t('common.note', { note: e.note })}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

export function usePeriod(): (start: string, end: string) => string {
  const { t } = useTranslation('proposals');
  return (start, end) => t('common.period', { start: formatDate(start), end: formatDate(end) });
}

export const formatHours = (hours: number): string => formatNumber(hours, 1);

/**
 * A proposal's period, weekly hours, answer deadline and closing reason as a fact list; `before`
 * and `after` add a page's own facts. The staff see the deadline with its time, others the date.
 */
export function ProposalFacts({
  proposal: p,
  dueWithTime = false,
  before,
  after,
}: {
  proposal: {
    start: string;
    end: string;
    weeklyHours: number;
    answerDueAt?: string | null;
    closingReasonLabel?: string | null;
  };
  dueWithTime?: boolean;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation('proposals');
  const period = usePeriod();
  return (
    <dl className="proposal-facts">
      {before}
      <dt>{t('common.periodLabel')}</dt>
      <dd>{period(p.start, p.end)}</dd>
      <dt>{t('common.hoursLabel')}</dt>
      <dd>{formatHours(p.weeklyHours)}</dd>
      {p.answerDueAt && (
        <>
          <dt>{t('common.dueLabel')}</dt>
          <dd>{dueWithTime ? formatDateTime(p.answerDueAt) : formatDate(p.answerDueAt)}</dd>
        </>
      )}
      {p.closingReasonLabel && (
        <>
          <dt>{t('common.reasonLabel')}</dt>
          <dd>{p.closingReasonLabel}</dd>
        </>
      )}
      {after}
    </dl>
  );
}

/** The coded reasons the API offers for an action, with its labels, as select options. */
export function reasonOptions(
  reasons: readonly { code: ProposalReason; label: string }[],
): { value: string; label: string }[] {
  return reasons.map((r) => ({ value: r.code, label: r.label }));
}

/** After a change: every proposal list and the match lists (free seats, earlier proposals). */
export function useRefreshProposals(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['proposals'] }),
      queryClient.invalidateQueries({ queryKey: ['matching', 'forCitizen'] }),
    ]);
  };
}

/**
 * The API prices a page by its size (each field times `first`), so proposal lists come in pages of
 * this many, with "show more".
 */
export const PAGE_SIZE = 20;

interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

/** A proposal list page by page: the query, every node so far and the total. */
export function usePagedProposals<T, N>(
  queryKey: readonly unknown[],
  fetchPage: (after: string | undefined) => Promise<T>,
  connection: (page: T) => Connection<N>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => {
      const info = connection(last).pageInfo;
      return info.hasNextPage ? (info.endCursor ?? undefined) : undefined;
    },
  });
  const nodes = (query.data?.pages ?? []).flatMap((page) =>
    connection(page).edges.map((e) => e.node),
  );
  const first = query.data?.pages[0];
  return { query, nodes, total: first ? connection(first).totalCount : 0 };
}

/** "Show more" under a list that has more pages. */
export function MoreButton({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t('state.loading') : label}
    </button>
  );
}

/** "2026-12-03" in the browser's time zone (Danish time here). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

/** A note of at most 1000 characters (the API's limit), empty allowed. */
export const noteSchema = (message: string) => z.string().trim().max(1000, message);

/**
 * Sets focus on an element once the page has settled: after the render and after a closing
 * dialog has returned focus to its opener (which the action may have removed).
 */
export function focusLater(element: () => HTMLElement | null | undefined): void {
  setTimeout(() => requestAnimationFrame(() => element()?.focus()), 0);
}
