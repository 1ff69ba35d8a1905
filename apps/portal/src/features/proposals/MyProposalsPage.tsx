import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  CheckboxItem,
  ChoiceGroup,
  ErrorSummary,
  PageTitle,
  QueryState,
  Radio,
  TextArea,
  useToast,
} from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import type { MyProposalsQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { AcceptProposalDocument, DeclineProposalDocument, MyProposalsDocument } from './api';
import {
  focusLater,
  formatHours,
  MoreButton,
  PAGE_SIZE,
  usePagedProposals,
  newIdempotencyKey,
  noteSchema,
  ProposalHistory,
  ProposalStatusTag,
  SHARE_SCOPES,
  useRefreshProposals,
} from './shared';

type Proposal = MyProposalsQuery['myProposals']['edges'][number]['node'];
interface Answer {
  id: string;
  kind: 'yes' | 'no';
}

/**
 * `/mine-forslag` (mails link here): the slots proposed to the citizen, in plain words, and their
 * answer: "Ja tak" with what the company may see, or "Nej tak" with a reason.
 */
export function MyProposalsPage() {
  const { t } = useTranslation('proposals');
  const { query, nodes } = usePagedProposals(
    ['proposals', 'mine'],
    (after) => request(MyProposalsDocument, { first: PAGE_SIZE, after }),
    (page) => page.myProposals,
  );
  // One answer form at a time: its fields' ids are the error summary's link targets.
  const [open, setOpen] = useState<Answer | null>(null);
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('citizen.title')}</PageTitle>
        <p className="font-lead">{t('citizen.intro')}</p>
        <QueryState query={query} isEmpty={() => nodes.length === 0} empty={t('citizen.empty')}>
          {() => (
            <>
              <ul className="nobullet-list mt-6">
                {nodes.map((node) => (
                  <MyProposal
                    key={node.id}
                    proposal={node}
                    answer={open?.id === node.id ? open.kind : null}
                    setAnswer={(kind) => setOpen(kind ? { id: node.id, kind } : null)}
                  />
                ))}
              </ul>
              <MoreButton query={query} label={t('citizen.more')} />
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}

function MyProposal({
  proposal: p,
  answer,
  setAnswer,
}: {
  proposal: Proposal;
  answer: Answer['kind'] | null;
  setAnswer: (kind: Answer['kind'] | null) => void;
}) {
  const { t } = useTranslation('proposals');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `my-proposal-${p.id}`;
  const canAccept = p.availableActions.includes('CITIZEN_ACCEPT');
  const canDecline = p.availableActions.includes('CITIZEN_DECLINE');
  // The company's own words, where it let the citizen read them (the API leaves them out if not).
  const closing = [...p.history].reverse().find((e) => e.toStatus === p.status);
  const employerWords =
    p.status === 'DECLINED_BY_EMPLOYER' && (closing?.reasonLabel || closing?.note)
      ? closing
      : undefined;
  // What they chose to share, once they said yes (their yes is the step to the company).
  const saidYes = p.history.some((e) => e.toStatus === 'PROPOSED_TO_EMPLOYER');
  const done = () => {
    setAnswer(null);
    focusLater(() => heading.current);
  };
  return (
    <li className="card mb-5">
      <article className="card-content" aria-labelledby={id}>
        <h2 id={id} ref={heading} tabIndex={-1} className="h3 mt-0 mb-2">
          {p.placement.title}
        </h2>
        <p className="mt-0 mb-3">
          {t('citizen.company', { company: p.placement.companyName })} · {p.placement.typeLabel}
        </p>
        <p className="mt-0 mb-3">
          <ProposalStatusTag status={p.status} label={t(`citizenStatus.${p.status}`)} />
        </p>
        <ul className="proposal-plain-facts">
          <li>{t('citizen.period', { start: formatDate(p.start), end: formatDate(p.end) })}</li>
          <li>{t('citizen.hours', { hours: formatHours(p.weeklyHours) })}</li>
          {canAccept && p.answerDueAt && (
            <li>
              <strong>{t('citizen.answerBy', { date: formatDate(p.answerDueAt) })}</strong>
            </li>
          )}
        </ul>
        {employerWords && (
          <div className="proposal-quote">
            <p className="mt-0 mb-1">
              <strong>{t('citizen.employerSaid')}:</strong>
            </p>
            {employerWords.reasonLabel && <p className="mt-0 mb-1">{employerWords.reasonLabel}</p>}
            {employerWords.note && <p className="mt-0 mb-0">“{employerWords.note}”</p>}
          </div>
        )}
        {saidYes &&
          (p.shareScopes.length > 0 ? (
            <>
              <p className="mt-0 mb-0">{t('citizen.youShare')}</p>
              <ul>
                {p.shareScopes.map((s) => (
                  <li key={s}>{t(`citizenScope.${s}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('citizen.youShareNothing')}</p>
          ))}
        <h3 className="h5">{t('citizen.history')}</h3>
        <ProposalHistory
          events={p.history}
          label={`${t('citizen.history')}: ${p.placement.title}`}
        />
        {(canAccept || canDecline) && (
          <div className="proposal-actions">
            {canAccept && (
              <button
                type="button"
                className="button button-primary"
                aria-expanded={answer === 'yes'}
                aria-controls={`${id}-answer`}
                aria-label={t('citizen.yesLabel', { title: p.placement.title })}
                onClick={() => setAnswer(answer === 'yes' ? null : 'yes')}
              >
                {t('citizen.yes')}
              </button>
            )}
            {canDecline && (
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={answer === 'no'}
                aria-controls={`${id}-answer`}
                aria-label={t('citizen.noLabel', { title: p.placement.title })}
                onClick={() => setAnswer(answer === 'no' ? null : 'no')}
              >
                {t('citizen.no')}
              </button>
            )}
          </div>
        )}
        <div id={`${id}-answer`}>
          {answer === 'yes' && (
            <YesForm proposal={p} onDone={done} onCancel={() => setAnswer(null)} />
          )}
          {answer === 'no' && (
            <NoForm proposal={p} onDone={done} onCancel={() => setAnswer(null)} />
          )}
        </div>
      </article>
    </li>
  );
}

function YesForm({
  proposal,
  onDone,
  onCancel,
}: {
  proposal: Proposal;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshProposals();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const schema = useMemo(() => z.object({ shareScopes: z.array(z.enum(SHARE_SCOPES)) }), []);
  const form = useApiForm({
    schema,
    defaultValues: { shareScopes: [] },
    onSubmit: async (v) => {
      await request(AcceptProposalDocument, {
        input: { proposalId: proposal.id, shareScopes: v.shareScopes, idempotencyKey },
      });
      await refresh();
      toast(t('citizen.sentYes', { company: proposal.placement.companyName }));
      onDone();
    },
  });
  const headingId = `yes-${proposal.id}`;
  return (
    <section className="proposal-answer" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4 mt-0">
        {t('citizen.yesHeading')}
      </h3>
      <ErrorSummary {...form.summary} />
      <p>{t('citizen.yesIntro')}</p>
      <form onSubmit={form.submit} noValidate>
        <ChoiceGroup legend={t('citizen.scopesLegend')} id={fieldId('shareScopes')}>
          {SHARE_SCOPES.map((s) => (
            <CheckboxItem
              key={s}
              value={s}
              label={t(`citizenScope.${s}`)}
              hint={t(`citizenScopeExplain.${s}`)}
              {...form.register('shareScopes')}
            />
          ))}
        </ChoiceGroup>
        <div className="proposal-actions">
          <button type="submit" className="button button-primary" disabled={form.submitting}>
            {form.submitting ? tc('state.saving') : t('citizen.sendYes')}
          </button>
          <button type="button" className="button button-tertiary" onClick={onCancel}>
            {t('citizen.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function NoForm({
  proposal,
  onDone,
  onCancel,
}: {
  proposal: Proposal;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshProposals();
  const schema = useMemo(
    () =>
      z.object({
        reason: z
          .string({ error: t('citizen.reasonRequired') })
          .min(1, t('citizen.reasonRequired')),
        note: noteSchema(t('common.noteTooLong')),
      }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { note: '' },
    onSubmit: async (v) => {
      await request(DeclineProposalDocument, {
        input: {
          proposalId: proposal.id,
          reason: v.reason as Proposal['declineReasons'][number]['code'],
          note: v.note.trim() || null,
        },
      });
      await refresh();
      toast(t('citizen.sentNo'));
      onDone();
    },
  });
  const headingId = `no-${proposal.id}`;
  return (
    <section className="proposal-answer" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4 mt-0">
        {t('citizen.noHeading')}
      </h3>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <ChoiceGroup
          legend={t('citizen.reasonLegend')}
          id={fieldId('reason')}
          error={form.formState.errors.reason?.message}
        >
          {proposal.declineReasons.map((r) => (
            <Radio key={r.code} value={r.code} label={r.label} {...form.register('reason')} />
          ))}
        </ChoiceGroup>
        <TextArea
          label={t('citizen.noteLabel')}
          hint={t('citizen.noteHint')}
          optional
          rows={3}
          {...form.field('note')}
        />
        <div className="proposal-actions">
          <button type="submit" className="button button-primary" disabled={form.submitting}>
            {form.submitting ? tc('state.saving') : t('citizen.sendNo')}
          </button>
          <button type="button" className="button button-tertiary" onClick={onCancel}>
            {t('citizen.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
