import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Checkbox,
  ErrorMessage,
  ErrorSummary,
  Loading,
  Modal,
  PageTitle,
  QueryState,
  Select,
  TextArea,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { CompanyProposalQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { AnswerProposalDocument, CompanyProposalDocument, CompanyProposalsDocument } from './api';
import {
  formatHours,
  ProposalFacts,
  MoreButton,
  PAGE_SIZE,
  usePagedProposals,
  newIdempotencyKey,
  noteSchema,
  reasonOptions,
  ProposalHistory,
  ProposalStatusTag,
  usePeriod,
  useRefreshProposals,
} from './shared';

type Candidate = CompanyProposalQuery['proposal'];

/** `/virksomhed/forslag` ("Kandidater"): the citizens proposed for the company's slots. */
export function CandidatesPage() {
  const { t } = useTranslation('proposals');
  const period = usePeriod();
  const { query, nodes } = usePagedProposals(
    ['proposals', 'company', 'list'],
    (after) => request(CompanyProposalsDocument, { first: PAGE_SIZE, after }),
    (page) => page.proposalsForCompany,
  );
  return (
    <>
      <PageTitle>{t('employer.title')}</PageTitle>
      <p className="font-lead">{t('employer.intro')}</p>
      <QueryState query={query} isEmpty={() => nodes.length === 0} empty={t('employer.empty')}>
        {() => (
          <>
            <div className="table--responsive-scroll">
              <table className="table">
                <caption className="sr-only">{t('employer.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('employer.candidate')}</th>
                    <th scope="col">{t('common.slotLabel')}</th>
                    <th scope="col">{t('common.periodLabel')}</th>
                    <th scope="col" className="align-text-right">
                      {t('common.hoursLabel')}
                    </th>
                    <th scope="col">{t('common.statusLabel')}</th>
                    <th scope="col">{t('common.dueLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {nodes.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/virksomhed/forslag/${p.id}`}>
                          {p.sharedProfile?.firstName ?? t('employer.anonymous')}
                        </Link>
                      </td>
                      <td>{p.placement.title}</td>
                      <td>{period(p.start, p.end)}</td>
                      <td className="align-text-right">{formatHours(p.weeklyHours)}</td>
                      <td>
                        <ProposalStatusTag status={p.status} label={p.statusLabel} />
                      </td>
                      <td>{p.answerDueAt ? formatDate(p.answerDueAt) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <MoreButton query={query} label={t('employer.more')} />
          </>
        )}
      </QueryState>
    </>
  );
}

/**
 * `/virksomhed/forslag/:id` (mails link here): exactly what the citizen shared, the slot and the
 * period, and the company's answer.
 */
export function CandidatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('proposals');
  const [dialog, setDialog] = useState<'accept' | 'decline' | null>(null);
  const answered = useRef(false);
  const proposal = useQuery({
    queryKey: ['proposals', 'company', id],
    queryFn: () => request(CompanyProposalDocument, { id }),
  });
  if (proposal.isPending) return <Loading />;
  if (proposal.isError)
    return (
      <>
        <PageTitle>{t('employer.detailTitleShort')}</PageTitle>
        <ErrorMessage error={proposal.error} onRetry={() => void proposal.refetch()} />
        <p>
          <Link to="/virksomhed/forslag">{t('employer.back')}</Link>
        </p>
      </>
    );
  const p = proposal.data.proposal;
  const canAccept = p.availableActions.includes('EMPLOYER_ACCEPT');
  const canDecline = p.availableActions.includes('EMPLOYER_DECLINE');
  // After an answer focus goes to the page's heading (the buttons are gone); after cancel, back.
  const close = (done: boolean) => {
    answered.current = done;
    setDialog(null);
  };
  return (
    <>
      <p>
        <Link to="/virksomhed/forslag">{t('employer.back')}</Link>
      </p>
      <PageTitle>{t('employer.detailTitle', { title: p.placement.title })}</PageTitle>
      <p>
        <ProposalStatusTag status={p.status} label={p.statusLabel} />
      </p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <section aria-labelledby="shared-heading" className="proposal-shared">
            <h2 id="shared-heading">{t('employer.sharedHeading')}</h2>
            <p>{t('employer.sharedIntro')}</p>
            <SharedProfileFacts profile={p.sharedProfile} />
          </section>

          <section aria-labelledby="slot-heading" className="mt-7">
            <h2 id="slot-heading">{t('employer.slotHeading')}</h2>
            <ProposalFacts
              proposal={p}
              before={
                <>
                  <dt>{t('common.slotLabel')}</dt>
                  <dd>
                    {p.placement.title} ({p.placement.typeLabel})
                  </dd>
                </>
              }
            />
          </section>

          <section aria-labelledby="answer-heading" className="mt-7">
            <h2 id="answer-heading">{t('employer.answerHeading')}</h2>
            {canAccept || canDecline ? (
              <>
                <p>{t('employer.answerIntro')}</p>
                <div className="proposal-actions">
                  {canAccept && (
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() => setDialog('accept')}
                    >
                      {t('employer.EMPLOYER_ACCEPT')}
                    </button>
                  )}
                  {canDecline && (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setDialog('decline')}
                    >
                      {t('employer.EMPLOYER_DECLINE')}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <p>{t('employer.noAnswer')}</p>
            )}
          </section>

          <section aria-labelledby="history-heading" className="mt-7">
            <h2 id="history-heading">{t('common.history')}</h2>
            <ProposalHistory
              events={p.history}
              label={t('common.historyOf', { title: p.placement.title })}
            />
          </section>
        </div>
      </div>
      <Modal
        open={dialog !== null}
        title={dialog === 'decline' ? t('employer.declineTitle') : t('employer.acceptTitle')}
        onClose={() => close(false)}
        returnFocus={() =>
          answered.current ? document.querySelector<HTMLElement>('main h1') : null
        }
      >
        {dialog && <AnswerForm proposal={p} accept={dialog === 'accept'} onDone={close} />}
      </Modal>
    </>
  );
}

/** Only what the citizen shared: a part they did not share is not mentioned at all. */
function SharedProfileFacts({ profile }: { profile: Candidate['sharedProfile'] }) {
  const { t } = useTranslation('proposals');
  const a = profile?.availability;
  const items: { label: string; value: ReactNode }[] = [];
  if (profile?.firstName) items.push({ label: t('employer.firstName'), value: profile.firstName });
  if (profile?.goalInOwnWords)
    items.push({ label: t('employer.goal'), value: `“${profile.goalInOwnWords}”` });
  if (profile?.accommodationLabels)
    items.push({
      label: t('employer.accommodations'),
      value: profile.accommodationLabels.length
        ? profile.accommodationLabels.join(', ')
        : t('employer.noAccommodations'),
    });
  if (a)
    items.push({
      label: t('employer.availability'),
      value: (
        <ul className="nobullet-list">
          {a.hoursNow != null && (
            <li>{t('employer.hoursNow', { hours: formatHours(a.hoursNow) })}</li>
          )}
          {a.hoursLater != null && (
            <li>{t('employer.hoursLater', { hours: formatHours(a.hoursLater) })}</li>
          )}
          {a.earliestStart && (
            <li>{t('employer.earliestStart', { date: formatDate(a.earliestStart) })}</li>
          )}
        </ul>
      ),
    });
  if (items.length === 0) return <p className="empty-state">{t('employer.sharedNothing')}</p>;
  return (
    <dl className="proposal-facts">
      {items.map((item) => (
        <Fragment key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function AnswerForm({
  proposal,
  accept,
  onDone,
}: {
  proposal: Candidate;
  accept: boolean;
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshProposals();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const schema = useMemo(
    () =>
      z.object({
        reason: accept ? z.string() : z.string().min(1, t('common.reasonRequired')),
        note: noteSchema(t('common.noteTooLong')),
        reasonVisibleToCitizen: z.boolean(),
      }),
    [t, accept],
  );
  const form = useApiForm({
    schema,
    defaultValues: { reason: '', note: '', reasonVisibleToCitizen: false },
    onSubmit: async (v) => {
      await request(AnswerProposalDocument, {
        input: {
          proposalId: proposal.id,
          answer: accept ? 'ACCEPT' : 'DECLINE',
          reason: accept ? null : (v.reason as Candidate['declineReasons'][number]['code']),
          note: v.note.trim() || null,
          reasonVisibleToCitizen: accept ? null : v.reasonVisibleToCitizen,
          idempotencyKey,
        },
      });
      await refresh();
      toast(accept ? t('employer.accepted') : t('employer.declined'));
      onDone(true);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>{accept ? t('employer.acceptIntro') : t('employer.declineIntro')}</p>
      {!accept && (
        <Select
          label={t('common.reasonLabel')}
          placeholder={t('common.choose')}
          options={reasonOptions(proposal.declineReasons)}
          {...form.field('reason')}
        />
      )}
      <TextArea
        label={t('common.noteLabel')}
        hint={accept ? t('employer.acceptNoteHint') : t('employer.noteHint')}
        optional
        rows={3}
        {...form.field('note')}
      />
      {!accept && (
        <Checkbox
          label={t('employer.visibleToCitizen')}
          hint={t('employer.visibleToCitizenHint')}
          {...form.register('reasonVisibleToCitizen')}
        />
      )}
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
          {form.submitting
            ? tc('state.saving')
            : accept
              ? t('employer.submitAccept')
              : t('employer.submitDecline')}
        </button>
        <button type="button" className="button button-tertiary" onClick={() => onDone(false)}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
