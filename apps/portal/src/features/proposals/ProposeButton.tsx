import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Checkbox,
  ErrorMessage,
  ErrorSummary,
  Loading,
  Modal,
  TextArea,
  TextField,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { LegalRuleCode, ProposalRuleChecksInput, ProposeSlotQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { PlannedRuleChecksDocument, ProposePlacementDocument, ProposeSlotDocument } from './api';
import {
  isBlocking,
  needsReason,
  REASON_MAX,
  type RuleCheck,
  RuleCheckList,
  useChecksSummary,
} from './RuleChecks';
import { addDays, formatHours, isoDate, newIdempotencyKey, useRefreshProposals } from './shared';

type Slot = ProposeSlotQuery['placement'];

/**
 * "Foreslå" beside a match: a dialog with the period and weekly hours (the slot's most by
 * default) that proposes the slot to the citizen.
 */
export function ProposeButton({
  citizenId,
  citizenName,
  placementId,
  title,
}: {
  citizenId: string;
  citizenName: string;
  placementId: string;
  title: string;
}) {
  const { t } = useTranslation('proposals');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        aria-label={t('propose.buttonLabel', { title })}
        onClick={() => setOpen(true)}
      >
        {t('propose.button')}
      </button>
      <Modal open={open} title={t('propose.title', { title })} onClose={() => setOpen(false)}>
        {open && (
          <ProposeLoader
            citizenId={citizenId}
            citizenName={citizenName}
            placementId={placementId}
            onDone={() => setOpen(false)}
          />
        )}
      </Modal>
    </>
  );
}

function ProposeLoader(props: {
  citizenId: string;
  citizenName: string;
  placementId: string;
  onDone: () => void;
}) {
  const slot = useQuery({
    queryKey: ['proposals', 'slot', props.placementId],
    queryFn: () => request(ProposeSlotDocument, { id: props.placementId }),
  });
  if (slot.isPending) return <Loading />;
  if (slot.isError) return <ErrorMessage error={slot.error} onRetry={() => void slot.refetch()} />;
  return <ProposeForm {...props} slot={slot.data.placement} />;
}

/** A value that settles: the latest one once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "12,5" or "12.5" as a number; NaN when it is not one. */
function parseHours(text: string): number {
  const compact = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

function ProposeForm({
  citizenId,
  citizenName,
  slot,
  onDone,
}: {
  citizenId: string;
  citizenName: string;
  slot: Slot;
  onDone: () => void;
}) {
  const { t } = useTranslation('proposals');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshProposals();
  // One key per opened form: sending it twice (a double click, a retry) proposes once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const today = isoDate(new Date());
  const start = slot.startEarliest > today ? slot.startEarliest : today;
  // The failed warnings of the checks on screen: the schema asks a reason for each.
  const warnings = useRef<string[]>([]);
  const schema = useMemo(
    () =>
      z
        .object({
          start: z.string().min(1, t('propose.startRequired')),
          end: z.string().min(1, t('propose.endRequired')),
          weeklyHours: z.string().transform((text, ctx) => {
            const hours = parseHours(text);
            if (Number.isNaN(hours) || hours < 0.5 || hours > 48) {
              ctx.addIssue({ code: 'custom', message: t('propose.hoursRange') });
              return z.NEVER;
            }
            return hours;
          }),
          extensionAssessed: z.boolean(),
          reasons: z.record(z.string(), z.string()),
        })
        .superRefine((v, ctx) => {
          if (v.start && v.end && v.end < v.start)
            ctx.addIssue({ code: 'custom', path: ['end'], message: t('propose.endBeforeStart') });
          // Each failed warning of the checks shown needs a reason to go on.
          for (const rule of warnings.current) {
            const reason = v.reasons[rule]?.trim() ?? '';
            if (!reason)
              ctx.addIssue({
                code: 'custom',
                path: ['reasons', rule],
                message: t('rules.reasonRequired'),
              });
            else if (reason.length > REASON_MAX)
              ctx.addIssue({
                code: 'custom',
                path: ['reasons', rule],
                message: t('rules.reasonTooLong'),
              });
          }
        }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      start,
      end: addDays(start, slot.durationWeeks * 7 - 1),
      weeklyHours: formatHours(slot.weeklyHoursMax),
      extensionAssessed: false,
      reasons: {},
    },
    onSubmit: async (v) => {
      try {
        await request(ProposePlacementDocument, {
          input: {
            citizenId,
            placementId: slot.id,
            start: v.start,
            end: v.end,
            weeklyHours: v.weeklyHours,
            extensionAssessed: v.extensionAssessed,
            ruleOverrides: warnings.current.map((rule) => ({
              rule: rule as LegalRuleCode,
              reason: v.reasons[rule].trim(),
            })),
            idempotencyKey,
          },
        });
      } catch (error) {
        // A refusal by the rules (RULE_BLOCKS, RULE_WARNING_NOT_OVERRIDDEN) is said at the top;
        // the checks are read again, as they may have changed since they were shown.
        void checks.refetch();
        throw error;
      }
      await refresh();
      toast(t('propose.sent', { title: slot.title, name: citizenName }));
      onDone();
    },
  });
  const [startValue, endValue, hoursValue, extensionAssessed] = form.watch([
    'start',
    'end',
    'weeklyHours',
    'extensionAssessed',
  ]);
  const hours = parseHours(hoursValue);
  // The checks are asked for once the period and hours make sense, and have settled.
  const planned = useSettled<ProposalRuleChecksInput | null>(
    ISO_DATE.test(startValue) &&
      ISO_DATE.test(endValue) &&
      endValue >= startValue &&
      hours >= 0.5 &&
      hours <= 48
      ? {
          citizenId,
          placementId: slot.id,
          start: startValue,
          end: endValue,
          weeklyHours: hours,
          extensionAssessed,
        }
      : null,
    300,
  );
  const checks = useQuery({
    queryKey: ['proposals', 'ruleChecks', 'planned', planned],
    queryFn: () => request(PlannedRuleChecksDocument, { input: planned! }),
    enabled: planned !== null,
    placeholderData: keepPreviousData,
  });
  const shown: RuleCheck[] = planned && checks.data ? checks.data.proposalRuleChecks : [];
  warnings.current = shown.filter(needsReason).map((c) => c.rule);
  const blocked = shown.some(isBlocking);
  const showExtension = extensionAssessed || shown.some((c) => c.rule === 'INTERNSHIP_DURATION');
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>{t('propose.intro')}</p>
      <p className="form-hint">
        {slot.company.name} ·{' '}
        {t('propose.slotHours', {
          min: formatHours(slot.weeklyHoursMin),
          max: formatHours(slot.weeklyHoursMax),
        })}{' '}
        {t('propose.slotStart', { date: formatDate(slot.startEarliest) })}
      </p>
      <div className="d-flex flex-wrap">
        <div className="mr-6">
          <TextField type="date" label={t('propose.start')} {...form.field('start')} />
        </div>
        <div>
          <TextField type="date" label={t('propose.end')} {...form.field('end')} />
        </div>
      </div>
      <TextField
        label={t('propose.hours')}
        hint={t('propose.hoursHint')}
        inputMode="decimal"
        width="xs"
        {...form.field('weeklyHours')}
      />
      <section className="propose-rules" aria-labelledby="propose-rules-heading">
        <h3 id="propose-rules-heading" className="h4 mt-0">
          {t('rules.heading')}
        </h3>
        <PlannedChecks
          planned={planned !== null}
          checks={checks}
          shown={shown}
          title={slot.title}
          reasonField={(rule) => (
            <TextArea
              label={t('rules.reasonLabel')}
              hint={t('rules.reasonHint')}
              rows={2}
              {...form.field(`reasons.${rule}`)}
            />
          )}
        />
        {showExtension && (
          <Checkbox
            label={t('rules.extension')}
            hint={t('rules.extensionHint')}
            id="propose-extension"
            {...form.register('extensionAssessed')}
          />
        )}
      </section>
      {blocked && (
        <p id="propose-blocked" className="propose-blocked">
          {t('rules.blocked')}
        </p>
      )}
      <div className="mt-6">
        <button
          type="submit"
          className="button button-primary mr-4"
          disabled={form.submitting || blocked}
          aria-describedby={blocked ? 'propose-blocked' : undefined}
        >
          {form.submitting ? tc('state.saving') : t('propose.submit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The checks of the planned period: a hint until it is filled in, then the list. */
function PlannedChecks({
  planned,
  checks,
  shown,
  title,
  reasonField,
}: {
  planned: boolean;
  checks: {
    isPending: boolean;
    isError: boolean;
    isPlaceholderData: boolean;
    isFetching: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  shown: RuleCheck[];
  title: string;
  reasonField: (rule: string) => React.ReactNode;
}) {
  const { t } = useTranslation('proposals');
  const summary = useChecksSummary();
  const status = !planned
    ? t('rules.fillIn')
    : checks.isPending
      ? t('rules.loading')
      : checks.isPlaceholderData && checks.isFetching
        ? t('rules.updating')
        : checks.isError
          ? ''
          : shown.length === 0
            ? t('rules.none')
            : summary(shown);
  return (
    <div aria-busy={planned && checks.isFetching}>
      <p role="status" className="rule-checks-summary">
        {status}
      </p>
      {planned && checks.isError && (
        <ErrorMessage error={checks.error} onRetry={() => void checks.refetch()} />
      )}
      {planned && shown.length > 0 && (
        <RuleCheckList
          checks={shown}
          label={t('rules.listLabel', { title })}
          warningExtra={(c) => (needsReason(c) ? reasonField(c.rule) : null)}
        />
      )}
    </div>
  );
}
