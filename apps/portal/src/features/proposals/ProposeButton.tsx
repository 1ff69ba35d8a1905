import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { ErrorMessage, ErrorSummary, Loading, Modal, TextField, useToast } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { ProposeSlotQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { ProposePlacementDocument, ProposeSlotDocument } from './api';
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
        })
        .superRefine((v, ctx) => {
          if (v.start && v.end && v.end < v.start)
            ctx.addIssue({ code: 'custom', path: ['end'], message: t('propose.endBeforeStart') });
        }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      start,
      end: addDays(start, slot.durationWeeks * 7 - 1),
      weeklyHours: formatHours(slot.weeklyHoursMax),
    },
    onSubmit: async (v) => {
      await request(ProposePlacementDocument, {
        input: {
          citizenId,
          placementId: slot.id,
          start: v.start,
          end: v.end,
          weeklyHours: v.weeklyHours,
          idempotencyKey,
        },
      });
      await refresh();
      toast(t('propose.sent', { title: slot.title, name: citizenName }));
      onDone();
    },
  });
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
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('propose.submit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
