import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Alert,
  CheckboxItem,
  ChoiceGroup,
  ErrorSummary,
  Modal,
  Radio,
  Select,
  TextArea,
  TextField,
  useErrorText,
  useToast,
} from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import type {
  ProposalAction,
  ProposalReason,
  ProposalStatus,
  StaffProposalFieldsFragment,
} from '@/gql/graphql';
import {
  AcceptProposalDocument,
  BookProposalDocument,
  DeclineProposalDocument,
  WithdrawProposalDocument,
} from './api';
import {
  CHANNELS,
  formatHours,
  ProposalFacts,
  isoDate,
  newIdempotencyKey,
  noteSchema,
  reasonOptions,
  ProposalHistory,
  ProposalStatusTag,
  SHARE_SCOPES,
  usePeriod,
  useRefreshProposals,
} from './shared';
import { ProposalRuleChecks } from './RuleChecks';

export type StaffProposalData = StaffProposalFieldsFragment;

/** Closed proposals: their rules no longer matter. */
const CLOSED: readonly ProposalStatus[] = [
  'DECLINED_BY_CITIZEN',
  'DECLINED_BY_EMPLOYER',
  'WITHDRAWN',
  'EXPIRED',
  'OBSOLETE',
];

/** The actions a consultant may be offered, in the order they are shown. */
const STAFF_ACTIONS = ['BOOK', 'CITIZEN_ACCEPT', 'CITIZEN_DECLINE', 'WITHDRAW'] as const;
type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * One proposal as the job centre sees it: status and age, the period, what the citizen shares,
 * its history and the actions the API offers now. `level` is the level of its section headings.
 */
export function StaffProposalBody({
  proposal: p,
  level,
  focusAfter,
}: {
  proposal: StaffProposalData;
  level: 2 | 3 | 4;
  /** Where focus goes after an action (the button pressed may be gone). */
  focusAfter: () => HTMLElement | null | undefined;
}) {
  const { t } = useTranslation('proposals');
  const Heading = ({ 2: 'h2', 3: 'h3', 4: 'h4' } as const)[level];
  const headingClass = level === 2 ? 'h3' : 'h5';
  const [dialog, setDialog] = useState<StaffAction | null>(null);
  const actions = STAFF_ACTIONS.filter((a) => p.availableActions.includes(a as ProposalAction));
  // After an action focus goes to `focusAfter` (the button pressed may be gone); after cancel, back.
  const acted = useRef(false);
  const close = (done: boolean) => {
    acted.current = done;
    setDialog(null);
  };
  return (
    <>
      <p className="proposal-status">
        <ProposalStatusTag status={p.status} label={p.statusLabel} />{' '}
        <span>
          {p.ageDays === 0
            ? t('common.proposedToday')
            : t('common.proposedAgo', { count: p.ageDays })}
        </span>
      </p>
      <ProposalFacts
        proposal={p}
        dueWithTime
        after={
          p.shareScopes.length > 0 && (
            <>
              <dt>{t('common.sharedScopes')}</dt>
              <dd>{p.shareScopes.map((s) => t(`scope.${s}`)).join(', ')}</dd>
            </>
          )
        }
      />
      {!CLOSED.includes(p.status) && (
        <>
          <Heading className={headingClass}>{t('rules.heading')}</Heading>
          <ProposalRuleChecks
            proposalId={p.id}
            title={p.placement.title}
            canOverride={p.status !== 'BOOKED'}
          />
        </>
      )}
      <Heading className={headingClass}>{t('common.history')}</Heading>
      <ProposalHistory
        events={p.history}
        label={t('common.historyOf', { title: p.placement.title })}
      />
      {actions.length > 0 && (
        <div className="proposal-actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`button ${a === 'BOOK' || a === 'CITIZEN_ACCEPT' ? 'button-primary' : 'button-secondary'}`}
              aria-label={t('staff.actionLabel', {
                action: t(`staff.${a}`),
                title: p.placement.title,
              })}
              onClick={() => setDialog(a)}
            >
              {t(`staff.${a}`)}
            </button>
          ))}
        </div>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? `${t(`staff.${dialog}`)}: ${p.placement.title}` : ''}
        onClose={() => close(false)}
        returnFocus={() => (acted.current ? focusAfter() : null)}
      >
        {dialog === 'CITIZEN_ACCEPT' && <AcceptOnBehalfForm proposal={p} onDone={close} />}
        {dialog === 'CITIZEN_DECLINE' && <ReasonForm proposal={p} kind="decline" onDone={close} />}
        {dialog === 'WITHDRAW' && <ReasonForm proposal={p} kind="withdraw" onDone={close} />}
        {dialog === 'BOOK' && <BookForm proposal={p} onDone={close} />}
      </Modal>
    </>
  );
}

/** How and when the citizen answered, when a consultant records it for them. */
function onBehalfFields(t: TFunction<'proposals'>) {
  return {
    channel: z.enum(CHANNELS, { error: t('staff.channelRequired') }),
    answeredDate: z.string().min(1, t('staff.dateRequired')),
    answeredTime: z.string().regex(/^\d{2}:\d{2}$/, t('staff.timeRequired')),
  };
}

/**
 * The instant of a date and an HH:MM time. A time in the current minute means "just now": the
 * instant is now, so an answer recorded a moment after the proposal is not placed before it.
 */
function answeredAt(date: string, time: string): Date {
  const at = new Date(`${date}T${time}`);
  const now = new Date();
  const diff = now.getTime() - at.getTime();
  return diff >= 0 && diff < 60_000 ? now : at;
}

function checkAnsweredAt(t: TFunction<'proposals'>) {
  return (v: { answeredDate: string; answeredTime: string }, ctx: z.RefinementCtx): void => {
    if (!v.answeredDate || !/^\d{2}:\d{2}$/.test(v.answeredTime)) return;
    if (answeredAt(v.answeredDate, v.answeredTime).getTime() > Date.now())
      ctx.addIssue({
        code: 'custom',
        path: ['answeredTime'],
        message: t('staff.answeredInFuture'),
      });
  };
}

const ON_BEHALF_FIELDS = {
  'onBehalf.channel': 'channel',
  'onBehalf.answeredAt': 'answeredDate',
  onBehalf: 'channel',
};

function nowParts(): { date: string; time: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: isoDate(now), time: `${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

function OnBehalfFields({
  form,
}: {
  form: {
    field: (name: 'answeredDate' | 'answeredTime') => object;
    register: (name: 'channel') => object;
    error?: string;
  };
}) {
  const { t } = useTranslation('proposals');
  return (
    <>
      <ChoiceGroup legend={t('staff.channelLegend')} id={fieldId('channel')} error={form.error}>
        {CHANNELS.map((c) => (
          <Radio key={c} value={c} label={t(`channel.${c}`)} {...form.register('channel')} />
        ))}
      </ChoiceGroup>
      <div className="d-flex flex-wrap">
        <div className="mr-6">
          <TextField type="date" label={t('staff.answeredDate')} {...form.field('answeredDate')} />
        </div>
        <div>
          <TextField
            type="time"
            label={t('staff.answeredTime')}
            hint={t('staff.timeHint')}
            {...form.field('answeredTime')}
          />
        </div>
      </div>
    </>
  );
}

function FormButtons({
  submitting,
  label,
  onCancel,
}: {
  submitting: boolean;
  label: string;
  onCancel: () => void;
}) {
  const { t: tc } = useTranslation();
  return (
    <div className="mt-6">
      <button type="submit" className="button button-primary mr-4" disabled={submitting}>
        {submitting ? tc('state.saving') : label}
      </button>
      <button type="button" className="button button-tertiary" onClick={onCancel}>
        {tc('actions.cancel')}
      </button>
    </div>
  );
}

function AcceptOnBehalfForm({
  proposal,
  onDone,
}: {
  proposal: StaffProposalData;
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation('proposals');
  const toast = useToast();
  const refresh = useRefreshProposals();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const schema = useMemo(
    () =>
      z
        .object({ shareScopes: z.array(z.enum(SHARE_SCOPES)), ...onBehalfFields(t) })
        .superRefine(checkAnsweredAt(t)),
    [t],
  );
  const now = nowParts();
  const form = useApiForm({
    schema,
    defaultValues: { shareScopes: [], answeredDate: now.date, answeredTime: now.time },
    fieldMap: ON_BEHALF_FIELDS,
    onSubmit: async (v) => {
      await request(AcceptProposalDocument, {
        input: {
          proposalId: proposal.id,
          shareScopes: v.shareScopes,
          onBehalf: {
            channel: v.channel,
            answeredAt: answeredAt(v.answeredDate, v.answeredTime).toISOString(),
          },
          idempotencyKey,
        },
      });
      await refresh();
      toast(t('staff.accepted'));
      onDone(true);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>{t('staff.acceptIntro')}</p>
      <ChoiceGroup
        legend={t('staff.scopesLegend')}
        hint={t('staff.scopesHint')}
        id={fieldId('shareScopes')}
      >
        {SHARE_SCOPES.map((s) => (
          <CheckboxItem
            key={s}
            value={s}
            label={t(`scope.${s}`)}
            hint={t(`scopeExplain.${s}`)}
            {...form.register('shareScopes')}
          />
        ))}
      </ChoiceGroup>
      <OnBehalfFields
        form={{
          field: form.field,
          register: form.register,
          error: form.formState.errors.channel?.message,
        }}
      />
      <FormButtons
        submitting={form.submitting}
        label={t('staff.submitAccept')}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

/** The citizen's no (recorded for them) or the consultant's withdrawal: a reason and a note. */
function ReasonForm({
  proposal,
  kind,
  onDone,
}: {
  proposal: StaffProposalData;
  kind: 'decline' | 'withdraw';
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation('proposals');
  const toast = useToast();
  const refresh = useRefreshProposals();
  const schema = useMemo(() => {
    const base = z.object({
      reason: z.string().min(1, t('common.reasonRequired')),
      note: noteSchema(t('common.noteTooLong')),
    });
    return kind === 'decline'
      ? base.extend(onBehalfFields(t)).superRefine(checkAnsweredAt(t))
      : base.extend({
          channel: z.string().optional(),
          answeredDate: z.string().optional(),
          answeredTime: z.string().optional(),
        });
  }, [t, kind]);
  const now = nowParts();
  const form = useApiForm({
    schema,
    defaultValues: { reason: '', note: '', answeredDate: now.date, answeredTime: now.time },
    fieldMap: ON_BEHALF_FIELDS,
    onSubmit: async (v) => {
      const reason = v.reason as ProposalReason;
      const note = v.note.trim() || null;
      if (kind === 'decline') {
        await request(DeclineProposalDocument, {
          input: {
            proposalId: proposal.id,
            reason,
            note,
            onBehalf: {
              channel: v.channel as (typeof CHANNELS)[number],
              answeredAt: answeredAt(v.answeredDate!, v.answeredTime!).toISOString(),
            },
          },
        });
      } else {
        await request(WithdrawProposalDocument, {
          input: { proposalId: proposal.id, reason, note },
        });
      }
      await refresh();
      toast(kind === 'decline' ? t('staff.declined') : t('staff.withdrawn'));
      onDone(true);
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>{kind === 'decline' ? t('staff.declineIntro') : t('staff.withdrawIntro')}</p>
      <Select
        label={t('common.reasonLabel')}
        placeholder={t('common.choose')}
        options={reasonOptions(
          kind === 'decline' ? proposal.declineReasons : proposal.withdrawReasons,
        )}
        {...form.field('reason')}
      />
      <TextArea
        label={t('common.noteLabel')}
        hint={kind === 'decline' ? t('staff.noteHint') : t('staff.withdrawNoteHint')}
        optional
        rows={3}
        {...form.field('note')}
      />
      {kind === 'decline' && (
        <OnBehalfFields
          form={{
            field: form.field,
            register: form.register,
            error: form.formState.errors.channel?.message,
          }}
        />
      )}
      <FormButtons
        submitting={form.submitting}
        label={kind === 'decline' ? t('staff.submitDecline') : t('staff.submitWithdraw')}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

/** Holds the seat; a full slot (or mentor) is the API's refusal, said plainly in the dialog. */
function BookForm({
  proposal,
  onDone,
}: {
  proposal: StaffProposalData;
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshProposals();
  const errorText = useErrorText();
  const period = usePeriod();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const book = useMutation({
    mutationFn: () =>
      request(BookProposalDocument, { input: { proposalId: proposal.id, idempotencyKey } }),
    // A refusal by the rules: the checks on the page are read again.
    onError: () => void refresh(),
    onSuccess: async () => {
      await refresh();
      toast(t('staff.booked'));
      onDone(true);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate();
      }}
    >
      {book.isError && (
        <Alert kind="error" heading={t('staff.bookRefused')}>
          <p>{errorText(book.error)}</p>
        </Alert>
      )}
      <p>
        {t('staff.bookIntro', {
          period: period(proposal.start, proposal.end),
          hours: t('common.hours', { hours: formatHours(proposal.weeklyHours) }),
        })}
      </p>
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={book.isPending}>
          {book.isPending ? tc('state.saving') : t('staff.submitBook')}
        </button>
        <button type="button" className="button button-tertiary" onClick={() => onDone(false)}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
