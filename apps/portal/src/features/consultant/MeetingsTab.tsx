import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Checkbox,
  CheckboxItem,
  ChoiceGroup,
  EmptyState,
  ErrorSummary,
  Modal,
  Select,
  Tag,
  TextArea,
  TextField,
  useToast,
} from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import type { ConsultantCitizenSensitiveQuery, MeetingKind } from '@/gql/graphql';
import { formatDate, formatDateTime } from '@/i18n/format';
import { CancelMeetingDocument, RescheduleMeetingDocument, ScheduleMeetingDocument } from './api';
import { citizenQueryKey, type CitizenData } from './CitizenPage';

type Scheduled = CitizenData['scheduledMeetings'][number];
const KINDS: MeetingKind[] = ['START', 'FOLLOW_UP', 'NETWORK', 'STATUS'];
const HOUR = 3_600_000;
/** The API's rules for a planned meeting's time (it checks them again). */
const LATEST_START_MS = 2 * 366 * 24 * HOUR;
const LONGEST_MS = 12 * HOUR;

/** "2026-12-03" and "10:00" in the browser's time zone (Danish time here) as an instant. */
export function toInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}`);
}

/** Date, time and place of a meeting. */
function timeFields(t: TFunction<'consultant'>) {
  return z.object({
    date: z.string().min(1, t('meetings.dateRequired')),
    startTime: z.string().regex(/^\d{2}:\d{2}$/, t('meetings.timeRequired')),
    endTime: z.string().regex(/^\d{2}:\d{2}$/, t('meetings.timeRequired')),
    location: z.string().trim().max(300, t('meetings.locationTooLong')),
  });
}

/** The time checked as the API checks it: in the future, at most two years ahead, 12 hours long. */
function checkTime(t: TFunction<'consultant'>) {
  return (v: { date: string; startTime: string; endTime: string }, ctx: z.RefinementCtx): void => {
    if (!v.date || !/^\d{2}:\d{2}$/.test(v.startTime)) return;
    const start = toInstant(v.date, v.startTime).getTime();
    const now = Date.now();
    if (Number.isNaN(start)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: t('meetings.dateRequired') });
      return;
    }
    if (start <= now)
      ctx.addIssue({ code: 'custom', path: ['startTime'], message: t('meetings.startInPast') });
    else if (start > now + LATEST_START_MS)
      ctx.addIssue({ code: 'custom', path: ['date'], message: t('meetings.startTooFar') });
    if (!/^\d{2}:\d{2}$/.test(v.endTime)) return;
    const end = toInstant(v.date, v.endTime).getTime();
    if (end <= start)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: t('meetings.endBeforeStart') });
    else if (end - start > LONGEST_MS)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: t('meetings.tooLong') });
  };
}

/** The API's field names for the time, on the form's fields. */
const TIME_FIELDS = { startsAt: 'startTime', endsAt: 'endTime' };

function localParts(instant: string): { date: string; time: string } {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** Planned meetings (schedule, move, cancel) and the meetings held. */
export function MeetingsTab({
  citizen,
  canEdit,
  sensitiveMeetings,
}: {
  citizen: CitizenData;
  canEdit: boolean;
  sensitiveMeetings?: ConsultantCitizenSensitiveQuery['citizen']['meetings'];
}) {
  const { t } = useTranslation('consultant');
  const [dialog, setDialog] = useState<
    { kind: 'schedule' } | { kind: 'reschedule' | 'cancel'; meeting: Scheduled } | null
  >(null);
  const close = () => setDialog(null);
  const notesOf = (id: string) => sensitiveMeetings?.find((m) => m.id === id);
  const timeText = (m: Scheduled) =>
    `${formatDateTime(m.startsAt)}–${localParts(m.endsAt).time.replace(':', '.')}`;

  return (
    <>
      <h2>{t('meetings.heading')}</h2>
      <h3>{t('meetings.planned')}</h3>
      {citizen.scheduledMeetings.length === 0 ? (
        <EmptyState>{t('meetings.noPlanned')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('meetings.when')}</th>
              <th scope="col">{t('meetings.kindLabel')}</th>
              <th scope="col">{t('meetings.location')}</th>
              <th scope="col">{t('meetings.participants')}</th>
              <th scope="col">
                <span className="sr-only">{t('actions.edit', { ns: 'common' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {citizen.scheduledMeetings.map((m) => (
              <tr key={m.id}>
                <td>
                  {timeText(m)}
                  {m.cancelled && (
                    <>
                      {' '}
                      <Tag kind="warning">{t('meetings.cancelledTag')}</Tag>
                    </>
                  )}
                </td>
                <td>{t(`meetingKind.${m.kind}`)}</td>
                <td>{m.location ?? ''}</td>
                <td>
                  <ul className="nobullet-list">
                    {m.participants.map((p) => (
                      <li key={p.userId}>{p.displayName}</li>
                    ))}
                    {m.includeCitizen && <li>{t('meetings.citizenIncluded')}</li>}
                  </ul>
                  {m.cancelled && m.cancelReason && (
                    <p className="form-hint">
                      {t('meetings.cancelledBecause', { reason: m.cancelReason })}
                    </p>
                  )}
                </td>
                <td>
                  {!m.cancelled && canEdit && (
                    <div className="d-flex flex-wrap">
                      <button
                        type="button"
                        className="button button-secondary mr-2 mb-2"
                        onClick={() => setDialog({ kind: 'reschedule', meeting: m })}
                      >
                        {t('meetings.reschedule')}
                        <span className="sr-only"> {timeText(m)}</span>
                      </button>
                      <button
                        type="button"
                        className="button button-tertiary mb-2"
                        onClick={() => setDialog({ kind: 'cancel', meeting: m })}
                      >
                        {t('meetings.cancel')}
                        <span className="sr-only"> {timeText(m)}</span>
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <button
          type="button"
          className="button button-primary mt-4"
          onClick={() => setDialog({ kind: 'schedule' })}
        >
          {t('meetings.schedule')}
        </button>
      )}

      <h3 className="mt-8">{t('meetings.held')}</h3>
      {citizen.meetings.length === 0 ? (
        <EmptyState>{t('meetings.noHeld')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('meetings.heldOn')}</th>
              <th scope="col">{t('meetings.kindLabel')}</th>
              <th scope="col">{t('meetings.participants')}</th>
              <th scope="col">{t('meetings.nextFollowUp')}</th>
              {sensitiveMeetings && <th scope="col">{t('meetings.decisions')}</th>}
            </tr>
          </thead>
          <tbody>
            {[...citizen.meetings]
              .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
              .map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.heldOn)}</td>
                  <td>{t(`meetingKind.${m.kind}`)}</td>
                  <td>
                    {m.participants
                      .map((p) => `${p.name} (${t(`participantRole.${p.role}`)})`)
                      .join(', ')}
                  </td>
                  <td>{m.nextFollowUpOn ? formatDate(m.nextFollowUpOn) : ''}</td>
                  {sensitiveMeetings && (
                    <td>
                      {notesOf(m.id)?.decisions ?? ''}
                      {notesOf(m.id)?.notes && (
                        <p className="form-hint">
                          {t('meetings.notes')}: {notesOf(m.id)?.notes}
                        </p>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      )}

      <Modal
        open={dialog !== null}
        onClose={close}
        title={
          dialog?.kind === 'schedule'
            ? t('meetings.schedule')
            : dialog?.kind === 'reschedule'
              ? t('meetings.rescheduleTitle')
              : t('meetings.cancelTitle')
        }
      >
        {dialog?.kind === 'schedule' && <ScheduleForm citizen={citizen} onDone={close} />}
        {dialog?.kind === 'reschedule' && (
          <RescheduleForm citizenId={citizen.id} meeting={dialog.meeting} onDone={close} />
        )}
        {dialog?.kind === 'cancel' && (
          <CancelForm citizenId={citizen.id} meeting={dialog.meeting} onDone={close} />
        )}
      </Modal>
    </>
  );
}

function TimeFields({
  field,
}: {
  field: (name: 'date' | 'startTime' | 'endTime' | 'location') => object;
}) {
  const { t } = useTranslation('consultant');
  return (
    <>
      <TextField type="date" label={t('meetings.date')} {...field('date')} />
      <div className="d-flex flex-wrap">
        <div className="mr-6">
          <TextField
            type="time"
            label={t('meetings.start')}
            hint={t('meetings.timeHint')}
            {...field('startTime')}
          />
        </div>
        <div>
          <TextField
            type="time"
            label={t('meetings.end')}
            hint={t('meetings.timeHint')}
            {...field('endTime')}
          />
        </div>
      </div>
      <TextField label={t('meetings.location')} optional {...field('location')} />
    </>
  );
}

function useMeetingSaved(citizenId: string, onDone: () => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: citizenQueryKey(citizenId) });
    toast(message);
    onDone();
  };
}

function ScheduleForm({ citizen, onDone }: { citizen: CitizenData; onDone: () => void }) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const saved = useMeetingSaved(citizen.id, onDone);
  const schema = useMemo(
    () =>
      timeFields(t)
        .extend({
          kind: z.enum(['START', 'FOLLOW_UP', 'NETWORK', 'STATUS']),
          participantUserIds: z.array(z.string()).max(20),
          includeCitizen: z.boolean(),
        })
        .superRefine(checkTime(t)),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      kind: 'FOLLOW_UP',
      date: '',
      startTime: '',
      endTime: '',
      location: '',
      participantUserIds: [],
      includeCitizen: true,
    },
    fieldMap: { ...TIME_FIELDS, participantUserIds: 'participantUserIds' },
    onSubmit: async (v) => {
      await request(ScheduleMeetingDocument, {
        input: {
          citizenId: citizen.id,
          kind: v.kind,
          startsAt: toInstant(v.date, v.startTime).toISOString(),
          endsAt: toInstant(v.date, v.endTime).toISOString(),
          location: v.location.trim() || null,
          participantUserIds: v.participantUserIds,
          includeCitizen: v.includeCitizen,
        },
      });
      await saved(t('meetings.scheduled'));
    },
  });
  const chosen = form.watch('participantUserIds') ?? [];
  // One person can be on the team in two roles: invite them once.
  const team = [...new Map(citizen.team.map((m) => [m.userId, m])).values()];
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <Select
        label={t('meetings.kindLabel')}
        options={KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
        {...form.field('kind')}
      />
      <TimeFields field={form.field} />
      {team.length > 0 && (
        <ChoiceGroup
          legend={t('meetings.invitees')}
          hint={t('meetings.inviteesHint')}
          id={fieldId('participantUserIds')}
          error={form.formState.errors.participantUserIds?.message}
        >
          {team.map((m) => (
            <CheckboxItem
              key={m.userId}
              label={`${m.displayName} (${t(`assignmentRole.${m.role}`)})`}
              checked={chosen.includes(m.userId)}
              onChange={(e) =>
                form.setValue(
                  'participantUserIds',
                  e.target.checked ? [...chosen, m.userId] : chosen.filter((id) => id !== m.userId),
                )
              }
            />
          ))}
        </ChoiceGroup>
      )}
      <Checkbox
        label={t('meetings.includeCitizen')}
        hint={t('meetings.includeCitizenHint')}
        {...form.register('includeCitizen')}
      />
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('meetings.submitSchedule')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function RescheduleForm({
  citizenId,
  meeting,
  onDone,
}: {
  citizenId: string;
  meeting: Scheduled;
  onDone: () => void;
}) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const saved = useMeetingSaved(citizenId, onDone);
  const schema = useMemo(() => timeFields(t).superRefine(checkTime(t)), [t]);
  const start = localParts(meeting.startsAt);
  const form = useApiForm({
    schema,
    defaultValues: {
      date: start.date,
      startTime: start.time,
      endTime: localParts(meeting.endsAt).time,
      location: meeting.location ?? '',
    },
    fieldMap: TIME_FIELDS,
    onSubmit: async (v) => {
      await request(RescheduleMeetingDocument, {
        input: {
          id: meeting.id,
          startsAt: toInstant(v.date, v.startTime).toISOString(),
          endsAt: toInstant(v.date, v.endTime).toISOString(),
          location: v.location.trim() || null,
        },
      });
      await saved(t('meetings.rescheduled'));
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>{t(`meetingKind.${meeting.kind}`)}</p>
      <TimeFields field={form.field} />
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('meetings.submitReschedule')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function CancelForm({
  citizenId,
  meeting,
  onDone,
}: {
  citizenId: string;
  meeting: Scheduled;
  onDone: () => void;
}) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const saved = useMeetingSaved(citizenId, onDone);
  const schema = useMemo(
    () => z.object({ reason: z.string().trim().max(500, t('meetings.reasonTooLong')) }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { reason: '' },
    onSubmit: async (v) => {
      await request(CancelMeetingDocument, {
        input: { id: meeting.id, reason: v.reason.trim() || null },
      });
      await saved(t('meetings.cancelled'));
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary {...form.summary} />
      <p>
        {t(`meetingKind.${meeting.kind}`)}: {formatDateTime(meeting.startsAt)}
      </p>
      <TextArea
        label={t('meetings.cancelReason')}
        hint={t('meetings.cancelReasonHint')}
        optional
        rows={3}
        {...form.field('reason')}
      />
      <div className="mt-6">
        <button type="submit" className="button button-warning mr-4" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('meetings.confirmCancel')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {t('meetings.keep')}
        </button>
      </div>
    </form>
  );
}
