import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import { useUser } from '@/auth/AuthProvider';
import {
  Alert,
  CheckboxItem,
  ChoiceGroup,
  ErrorMessage,
  ErrorSummary,
  Modal,
  PageTitle,
  QueryState,
  Tag,
  TextArea,
  TextField,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import { graphql } from '@/gql';
import type {
  MatchingJobCentrePartnershipsQuery,
  PartnershipStatus,
  PlacementType,
} from '@/gql/graphql';
import { formatDate, formatNumber } from '@/i18n/format';
import { useCatalogues } from './shared';
import './matching.css';

const PartnershipsDocument = graphql(`
  query MatchingJobCentrePartnerships {
    jobCentrePartnerships {
      id
      status
      proposedBySide
      startsOn
      endsOn
      slotsPerYear
      placementTypes
      notes
      company {
        id
        name
        cvr
        industry
        ordinaryEmployees
        sites {
          id
        }
        admins {
          userId
          displayName
        }
      }
    }
  }
`);

const ChangeStatusDocument = graphql(`
  mutation MatchingChangePartnershipStatus($input: ChangePartnershipStatusInput!) {
    changePartnershipStatus(input: $input) {
      id
      status
      endsOn
    }
  }
`);

const ProposeDocument = graphql(`
  mutation MatchingProposePartnership($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      id
      status
    }
  }
`);

type Partnership = MatchingJobCentrePartnershipsQuery['jobCentrePartnerships'][number];
type Action = 'accept' | 'pause' | 'resume' | 'end';
const TARGET: Record<Action, PartnershipStatus> = {
  accept: 'ACTIVE',
  pause: 'PAUSED',
  resume: 'ACTIVE',
  end: 'ENDED',
};

/** What the job centre's side may do next (the API has the last word and says why not). */
function actionsFor(p: Partnership): Action[] {
  switch (p.status) {
    case 'PROPOSED':
      return p.proposedBySide === 'company' ? ['accept', 'end'] : ['end'];
    case 'ACTIVE':
      return ['pause', 'end'];
    case 'PAUSED':
      return ['resume', 'end'];
    case 'ENDED':
      return [];
  }
}

const STATUS_TAG: Record<PartnershipStatus, 'success' | 'info' | 'warning' | 'neutral'> = {
  ACTIVE: 'success',
  PROPOSED: 'info',
  PAUSED: 'warning',
  ENDED: 'neutral',
};

function PartnershipCard({ p, mayChange }: { p: Partnership; mayChange: boolean }) {
  const { t } = useTranslation('matching');
  const catalogues = useCatalogues();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [proposing, setProposing] = useState(false);
  const name = p.company?.name ?? t('common.unknownCompany');
  const headingId = `partnership-${p.id}`;
  const change = useMutation({
    mutationFn: (status: PartnershipStatus) =>
      request(ChangeStatusDocument, { input: { id: p.id, status } }),
    onSuccess: ({ changePartnershipStatus: changed }) => {
      setConfirmEnd(false);
      // The button pressed may be gone (Accept becomes Pause): the card's heading takes focus.
      document.getElementById(headingId)?.focus();
      toast(
        t('companies.changed', {
          company: name,
          status: t(`partnershipStatus.${changed.status}`),
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['matching', 'partnerships'] });
    },
  });
  return (
    <article className="partnership-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3 mt-0" tabIndex={-1}>
        {name} <Tag kind={STATUS_TAG[p.status]}>{t(`partnershipStatus.${p.status}`)}</Tag>
      </h2>
      {p.company && (
        <p className="mt-0">
          {t('companies.cvr', { cvr: p.company.cvr })}
          {p.company.industry && ` · ${p.company.industry}`}
        </p>
      )}
      <dl className="slot-facts">
        <dt>{t('companies.period')}</dt>
        <dd>
          {p.endsOn
            ? t('companies.periodClosed', {
                from: formatDate(p.startsOn),
                to: formatDate(p.endsOn),
              })
            : t('companies.periodOpen', { from: formatDate(p.startsOn) })}
        </dd>
        <dt>{t('companies.proposedBy')}</dt>
        <dd>
          {p.proposedBySide === 'company'
            ? t('companies.proposedByCompany')
            : t('companies.proposedByJobCentre')}
        </dd>
        {p.slotsPerYear != null && (
          <>
            <dt>{t('companies.slotsPerYear')}</dt>
            <dd>{formatNumber(p.slotsPerYear)}</dd>
          </>
        )}
        {p.placementTypes.length > 0 && (
          <>
            <dt>{t('companies.types')}</dt>
            <dd>{p.placementTypes.map((x) => catalogues.data?.typeLabel(x)).join(', ')}</dd>
          </>
        )}
        {p.company && (
          <>
            <dt>{t('companies.employees')}</dt>
            <dd>{formatNumber(p.company.ordinaryEmployees, 1)}</dd>
            <dt>{t('companies.sites')}</dt>
            <dd>{formatNumber(p.company.sites.length)}</dd>
            <dt>{t('companies.admins')}</dt>
            <dd>
              {p.company.admins.length ? (
                p.company.admins.map((a) => a.displayName).join(', ')
              ) : (
                <>
                  {t('companies.noAdmin')}
                  {mayChange && p.status === 'ACTIVE' && (
                    <>
                      {' · '}
                      <Link to={`/inviter?virksomhed=${p.company.id}`}>
                        {t('companies.inviteAdmin')}
                      </Link>
                    </>
                  )}
                </>
              )}
            </dd>
          </>
        )}
        {p.notes && (
          <>
            <dt>{t('companies.notes')}</dt>
            <dd>{p.notes}</dd>
          </>
        )}
      </dl>
      {p.status === 'PROPOSED' && p.proposedBySide === 'job_centre' && (
        <p>
          <em>{t('companies.waiting')}</em>
        </p>
      )}
      {change.isError && <ErrorMessage error={change.error} />}
      {mayChange && (
        <div className="actions mt-4">
          {actionsFor(p).map((action) => (
            <button
              key={action}
              type="button"
              className={`button ${action === 'end' ? 'button-secondary' : 'button-primary'}`}
              aria-label={t('companies.actionLabel', {
                action: t(`companies.${action}`),
                company: name,
              })}
              disabled={change.isPending}
              onClick={() =>
                action === 'end' ? setConfirmEnd(true) : change.mutate(TARGET[action])
              }
            >
              {t(`companies.${action}`)}
            </button>
          ))}
          {p.status === 'ENDED' && p.company && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setProposing(true)}
            >
              {t('companies.proposeAgain')}
            </button>
          )}
        </div>
      )}
      <Modal
        open={confirmEnd}
        onClose={() => setConfirmEnd(false)}
        title={t('companies.end')}
        footer={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={change.isPending}
              onClick={() => change.mutate('ENDED')}
            >
              {t('companies.end')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirmEnd(false)}
            >
              {t('actions.cancel', { ns: 'common' })}
            </button>
          </>
        }
      >
        <p>{t('companies.confirmEnd', { company: name })}</p>
        {change.isError && <ErrorMessage error={change.error} />}
      </Modal>
      {p.company && (
        <Modal
          open={proposing}
          onClose={() => setProposing(false)}
          title={t('companies.proposeTitle', { company: name })}
        >
          {proposing && (
            <ProposeForm
              companyId={p.company.id}
              company={name}
              onDone={() => setProposing(false)}
            />
          )}
        </Modal>
      )}
    </article>
  );
}

function ProposeForm({
  companyId,
  company,
  onDone,
}: {
  companyId: string;
  company: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('matching');
  const { t: tc } = useTranslation();
  const user = useUser();
  const catalogues = useCatalogues();
  const queryClient = useQueryClient();
  const toast = useToast();
  const schema = useMemo(
    () =>
      z
        .object({
          startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, tc('form.invalidDate')),
          endsOn: z
            .string()
            .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), tc('form.invalidDate')),
          slotsPerYear: z
            .string()
            .trim()
            .refine((v) => v === '' || /^\d+$/.test(v), tc('form.notANumber'))
            .refine((v) => v === '' || Number(v) <= 10000, t('companies.slotsRange')),
          placementTypes: z.array(z.string()),
          notes: z.string().max(2000, tc('form.tooLong', { max: 2000 })),
        })
        .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
          path: ['endsOn'],
          message: t('companies.endBeforeStart'),
        }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      startsOn: new Date().toISOString().slice(0, 10),
      endsOn: '',
      slotsPerYear: '',
      placementTypes: [],
      notes: '',
    },
    onSubmit: async (v) => {
      await request(ProposeDocument, {
        input: {
          companyId,
          jobCentreId: user.jobCentre?.id ?? '',
          startsOn: v.startsOn,
          endsOn: v.endsOn || undefined,
          slotsPerYear: v.slotsPerYear ? Number(v.slotsPerYear) : undefined,
          placementTypes: v.placementTypes as PlacementType[],
          notes: v.notes.trim() || undefined,
        },
      });
      toast(t('companies.proposed', { company }));
      void queryClient.invalidateQueries({ queryKey: ['matching', 'partnerships'] });
      onDone();
    },
  });
  const chosen = form.watch('placementTypes') ?? [];
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField label={t('companies.startsOn')} type="date" {...form.field('startsOn')} />
        <TextField label={t('companies.endsOn')} type="date" optional {...form.field('endsOn')} />
        <TextField
          label={t('companies.slotsPerYear')}
          inputMode="numeric"
          width="xs"
          optional
          {...form.field('slotsPerYear')}
        />
        {catalogues.data && (
          <ChoiceGroup legend={t('companies.types')} id="field-placementTypes">
            {catalogues.data.types.map((type) => (
              <CheckboxItem
                key={type.code}
                label={type.label}
                checked={chosen.includes(type.code)}
                onChange={() =>
                  form.setValue(
                    'placementTypes',
                    chosen.includes(type.code)
                      ? chosen.filter((c) => c !== type.code)
                      : [...chosen, type.code],
                  )
                }
              />
            ))}
          </ChoiceGroup>
        )}
        <TextArea label={t('companies.notes')} optional {...form.field('notes')} />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {t('companies.propose')}
        </button>
      </form>
    </>
  );
}

/** The job centre's partner companies and partnerships, with the status changes it may make. */
export function CompaniesPage() {
  const { t } = useTranslation('matching');
  const user = useUser();
  const mayChange = user.role === 'JOB_CONSULTANT' || user.role === 'ADMINISTRATOR';
  const partnerships = useQuery({
    queryKey: ['matching', 'partnerships'],
    queryFn: () => request(PartnershipsDocument),
  });
  return (
    <>
      <PageTitle>{t('companies.title')}</PageTitle>
      <p className="font-lead">{t('companies.intro')}</p>
      {!mayChange && <Alert kind="info">{t('companies.caseworkerNote')}</Alert>}
      <QueryState
        query={partnerships}
        isEmpty={(d) => d.jobCentrePartnerships.length === 0}
        empty={t('companies.empty')}
      >
        {(d) => (
          <div>
            {d.jobCentrePartnerships.map((p) => (
              <PartnershipCard key={p.id} p={p} mayChange={mayChange} />
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
