import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { Modal, PageTitle, QueryState, Tag, useToast } from '@/components';
import type { AdminPartnershipsQuery, PartnershipStatus } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { AdminPartnershipsDocument, ChangePartnershipStatusDocument } from './queries';
import { Refusal } from './Refusal';

type Partnership = AdminPartnershipsQuery['jobCentrePartnerships'][number];

interface Move {
  to: PartnershipStatus;
  /** Key under `partnerships.` of the button's text. */
  label: 'accept' | 'decline' | 'withdraw' | 'pause' | 'resume' | 'end';
}

/**
 * The moves the job centre's side may make, mirroring the API's partnership life cycle: the
 * other side accepts a proposal; either side pauses, resumes or ends; an ended one stays ended.
 * The API still decides (and says why when it refuses).
 */
export function movesFor(p: Pick<Partnership, 'status' | 'proposedBySide'>): Move[] {
  switch (p.status) {
    case 'PROPOSED':
      return p.proposedBySide === 'job_centre'
        ? [{ to: 'ENDED', label: 'withdraw' }]
        : [
            { to: 'ACTIVE', label: 'accept' },
            { to: 'ENDED', label: 'decline' },
          ];
    case 'ACTIVE':
      return [
        { to: 'PAUSED', label: 'pause' },
        { to: 'ENDED', label: 'end' },
      ];
    case 'PAUSED':
      return [
        { to: 'ACTIVE', label: 'resume' },
        { to: 'ENDED', label: 'end' },
      ];
    case 'ENDED':
      return [];
  }
}

const STATUS_KIND = {
  PROPOSED: 'info',
  ACTIVE: 'success',
  PAUSED: 'warning',
  ENDED: 'neutral',
} as const;

/** `/admin/partnerskaber`: the job centre's partnerships and the status changes allowed. */
export function PartnershipsPage() {
  const { t } = useTranslation('admin');
  const partnerships = useQuery({
    queryKey: ['admin', 'partnerships'],
    queryFn: () => request(AdminPartnershipsDocument),
  });
  return (
    <>
      <PageTitle>{t('partnerships.title')}</PageTitle>
      <p className="font-lead">{t('partnerships.intro')}</p>
      <QueryState
        query={partnerships}
        isEmpty={(d) => d.jobCentrePartnerships.length === 0}
        empty={t('partnerships.empty')}
      >
        {(d) => {
          const typeLabel = new Map(d.placementTypeCatalogue.map((c) => [c.code, c.label]));
          return (
            <ul className="nobullet-list">
              {d.jobCentrePartnerships.map((p) => (
                <PartnershipCard
                  key={p.id}
                  partnership={p}
                  types={p.placementTypes.map((code) => typeLabel.get(code) ?? '').filter(Boolean)}
                />
              ))}
            </ul>
          );
        }}
      </QueryState>
    </>
  );
}

function PartnershipCard({ partnership: p, types }: { partnership: Partnership; types: string[] }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const company = p.company?.name ?? t('partnerships.hiddenCompany');
  const change = useMutation({
    mutationFn: (status: PartnershipStatus) =>
      request(ChangePartnershipStatusDocument, { input: { id: p.id, status } }),
    onSuccess: async (data) => {
      setConfirmEnd(false);
      toast(
        t('partnerships.changed', {
          company,
          status: t(`partnershipStatus.${data.changePartnershipStatus.status}`),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['admin', 'partnerships'] });
    },
  });
  const moves = movesFor(p);
  const endMove = moves.find((m) => m.to === 'ENDED');
  return (
    <li className="card mb-5">
      <div className="card-content">
        <h2 className="h3 mt-0 mb-2">{company}</h2>
        {p.company && <p className="mt-0 mb-2">{t('partnerships.cvr', { cvr: p.company.cvr })}</p>}
        <p className="mt-0 mb-3">
          <Tag kind={STATUS_KIND[p.status]}>{t(`partnershipStatus.${p.status}`)}</Tag>
        </p>
        <ul className="mt-0">
          <li>
            {p.proposedBySide === 'job_centre'
              ? t('partnerships.proposedByUs')
              : t('partnerships.proposedByCompany')}
          </li>
          <li>{t('partnerships.starts', { date: formatDate(p.startsOn) })}</li>
          {p.endsOn && <li>{t('partnerships.ends', { date: formatDate(p.endsOn) })}</li>}
          {types.length > 0 && <li>{t('partnerships.types', { types: types.join(', ') })}</li>}
          {p.slotsPerYear != null && <li>{t('partnerships.slots', { count: p.slotsPerYear })}</li>}
          {p.notes && <li>{t('partnerships.notes', { notes: p.notes })}</li>}
        </ul>
        {change.isError && !confirmEnd && <Refusal error={change.error} />}
        {moves.length > 0 && (
          <div className="d-flex flex-wrap">
            {moves.map((m) => (
              <button
                key={m.label}
                type="button"
                className={`button ${m.to === 'ENDED' ? 'button-secondary' : 'button-primary'} mr-3 mb-3`}
                disabled={change.isPending}
                onClick={() => {
                  change.reset();
                  if (m.to === 'ENDED') setConfirmEnd(true);
                  else change.mutate(m.to);
                }}
              >
                {t(`partnerships.${m.label}`)}
                <span className="sr-only"> – {company}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {endMove && (
        <Modal
          open={confirmEnd}
          title={t('partnerships.confirmEndTitle', { company })}
          onClose={() => setConfirmEnd(false)}
          footer={
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={change.isPending}
                onClick={() => change.mutate('ENDED')}
              >
                {t(`partnerships.${endMove.label}`)}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirmEnd(false)}
              >
                {tc('actions.cancel')}
              </button>
            </>
          }
        >
          {change.isError && <Refusal error={change.error} />}
          <p>{t('partnerships.confirmEndText')}</p>
        </Modal>
      )}
    </li>
  );
}
