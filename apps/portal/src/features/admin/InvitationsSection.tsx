import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { QueryState, Select, Tag, useToast } from '@/components';
import type { AdminInvitationsQuery, InvitationStatus } from '@/gql/graphql';
import { formatDate, formatDateTime } from '@/i18n/format';
import {
  AdminInvitationsDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
} from './queries';
import { Refusal } from './Refusal';

type Invitation = AdminInvitationsQuery['invitations']['edges'][number]['node'];

const STATUSES = [
  'PENDING',
  'EXPIRED',
  'ACCEPTED',
  'REVOKED',
] as const satisfies readonly InvitationStatus[];
const STATUS_KIND = {
  PENDING: 'info',
  ACCEPTED: 'success',
  EXPIRED: 'warning',
  REVOKED: 'neutral',
} as const;

/** The job centre's invitations (pending by default), with withdraw and send-again. */
export function InvitationsSection() {
  const { t } = useTranslation('admin');
  const [status, setStatus] = useState<InvitationStatus>('PENDING');
  const invitations = useInfiniteQuery({
    queryKey: ['admin', 'invitations', status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      request(AdminInvitationsDocument, { status, first: 20, after: pageParam }),
    getNextPageParam: (last) =>
      last.invitations.pageInfo.hasNextPage ? last.invitations.pageInfo.endCursor : undefined,
  });
  return (
    <section aria-labelledby="invitations-heading" className="mt-8">
      <h2 id="invitations-heading">{t('invitations.heading')}</h2>
      <Select
        label={t('invitations.status')}
        options={STATUSES.map((s) => ({ value: s, label: t(`invitationStatus.${s}`) }))}
        value={status}
        onChange={(e) => setStatus(e.target.value as InvitationStatus)}
      />
      <QueryState
        query={invitations}
        isEmpty={(d) => d.pages[0].invitations.totalCount === 0}
        empty={t('invitations.empty')}
      >
        {(d) => (
          <>
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('invitations.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('invite.displayName')}</th>
                    <th scope="col">{t('invite.email')}</th>
                    <th scope="col">{t('invitations.kind')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <th scope="col">{t('invitations.invited')}</th>
                    <th scope="col">{t('invitations.expires')}</th>
                    <th scope="col">{t('invitations.by')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.pages
                    .flatMap((p) => p.invitations.edges.map((e) => e.node))
                    .map((inv) => (
                      <InvitationRow key={inv.id} invitation={inv} />
                    ))}
                </tbody>
              </table>
            </div>
            {invitations.hasNextPage && (
              <button
                type="button"
                className="button button-secondary mt-5"
                disabled={invitations.isFetchingNextPage}
                onClick={() => void invitations.fetchNextPage()}
              >
                {t('invitations.more')}
              </button>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function InvitationRow({ invitation: inv }: { invitation: Invitation }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'invitations'] });
  const revoke = useMutation({
    mutationFn: () => request(RevokeInvitationDocument, { id: inv.id }),
    onSuccess: async () => {
      toast(t('invitations.revoked', { email: inv.email }));
      await refresh();
    },
  });
  const resend = useMutation({
    mutationFn: () => request(ResendInvitationDocument, { id: inv.id }),
    onSuccess: async () => {
      toast(t('invitations.resent', { email: inv.email }));
      await refresh();
    },
  });
  const canResend = inv.status === 'PENDING' || inv.status === 'EXPIRED';
  return (
    <tr>
      <th scope="row">{inv.displayName}</th>
      <td>{inv.email}</td>
      <td>{tc(`roles.${inv.role}`)}</td>
      <td>
        <Tag kind={STATUS_KIND[inv.status]}>{t(`invitationStatus.${inv.status}`)}</Tag>
      </td>
      <td>{formatDate(inv.createdAt)}</td>
      <td>{formatDateTime(inv.expiresAt)}</td>
      <td>{inv.invitedBy.displayName ?? t('invitations.unknownInviter')}</td>
      <td>
        <div className="d-flex flex-wrap">
          {canResend && (
            <button
              type="button"
              className="button button-tertiary mr-3"
              disabled={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {t('invitations.resend')}
              <span className="sr-only"> – {inv.email}</span>
            </button>
          )}
          {inv.status === 'PENDING' && (
            <button
              type="button"
              className="button button-tertiary"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t('invitations.revoke')}
              <span className="sr-only"> – {inv.email}</span>
            </button>
          )}
        </div>
        {revoke.isError && <Refusal error={revoke.error} />}
        {resend.isError && <Refusal error={resend.error} />}
      </td>
    </tr>
  );
}
