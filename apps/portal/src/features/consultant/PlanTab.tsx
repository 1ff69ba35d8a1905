import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { ApiError } from '@/api/errors';
import {
  Alert,
  EmptyState,
  ErrorSummary,
  Select,
  Tag,
  TextArea,
  TextField,
  useToast,
} from '@/components';
import { formFieldOf, useApiForm } from '@/forms/useApiForm';
import type { MilestoneStatus } from '@/gql/graphql';
import { formatDate, formatDateTime } from '@/i18n/format';
import { UpdatePlanDocument } from './api';
import { citizenQueryKey, type CitizenData } from './CitizenPage';

type Plan = NonNullable<CitizenData['plan']>;
const STATUSES: MilestoneStatus[] = ['OPEN', 'REACHED', 'MISSED', 'DROPPED'];
const STATUS_KIND = {
  OPEN: 'info',
  REACHED: 'success',
  MISSED: 'warning',
  DROPPED: 'neutral',
} as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The plan: read it, or edit it under the API's optimistic lock (expectedVersion). */
export function PlanTab({ citizen, canEdit }: { citizen: CitizenData; canEdit: boolean }) {
  const { t } = useTranslation('consultant');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const plan = citizen.plan;
  const close = () => {
    setEditing(false);
    setTimeout(() => editButton.current?.focus());
  };
  return (
    <>
      <h2>{t('plan.heading')}</h2>
      {editing ? (
        <PlanEditor citizenId={citizen.id} plan={plan} latest={plan} onDone={close} />
      ) : (
        <>
          <PlanView plan={plan} />
          {canEdit && (
            <button
              ref={editButton}
              type="button"
              className="button button-primary mt-5"
              onClick={() => setEditing(true)}
            >
              {t('plan.edit')}
            </button>
          )}
        </>
      )}
      {plan && plan.revisions.length > 0 && <PlanHistory plan={plan} />}
    </>
  );
}

function PlanView({ plan }: { plan: Plan | null }) {
  const { t } = useTranslation('consultant');
  if (!plan || plan.version === 0) return <EmptyState>{t('plan.noPlan')}</EmptyState>;
  return (
    <>
      <p className="form-hint">
        {t('plan.version', {
          version: plan.version,
          when: plan.updatedAt ? formatDateTime(plan.updatedAt) : '',
        })}
      </p>
      <h3>{t('plan.longTermGoal')}</h3>
      <p className="plan-goal">{plan.longTermGoal || t('needs.none')}</p>
      <h3>{t('plan.milestones')}</h3>
      {plan.milestones.length === 0 ? (
        <EmptyState>{t('plan.noMilestones')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('plan.milestones')}</th>
              <th scope="col">{t('plan.deadlineShort')}</th>
              <th scope="col">{t('plan.statusShort')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.milestones.map((m) => (
              <tr key={m.id}>
                <td>{m.title}</td>
                <td>{m.deadline ? formatDate(m.deadline) : ''}</td>
                <td>
                  <Tag kind={STATUS_KIND[m.status]}>{t(`milestoneStatus.${m.status}`)}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.activities.length > 0 && (
        <>
          <h3>{t('plan.activities')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('plan.activities')}</th>
                <th scope="col">{t('plan.period')}</th>
                <th scope="col">{t('plan.responsible')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.activities.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>
                    {[a.startsOn, a.endsOn]
                      .filter(Boolean)
                      .map((d) => formatDate(d))
                      .join(' – ')}
                  </td>
                  <td>{a.responsible ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function PlanHistory({ plan }: { plan: Plan }) {
  const { t } = useTranslation('consultant');
  return (
    <details className="details mt-6">
      <summary className="details-summary">
        <span className="details-summary-text">{t('plan.history')}</span>
      </summary>
      <div className="details-text">
        <ul className="nobullet-list">
          {[...plan.revisions]
            .sort((a, b) => b.version - a.version)
            .map((r) => (
              <li key={r.version}>
                {formatDateTime(r.changedAt)}:{' '}
                {t('plan.changedBy', {
                  who: r.changedBy ?? t('plan.someone'),
                  fields: r.changedFields
                    .map((f) => t(`plan.fields.${f}`, { defaultValue: f }))
                    .join(', '),
                })}
              </li>
            ))}
        </ul>
      </div>
    </details>
  );
}

const blankMilestone = () => ({
  milestoneId: '',
  title: '',
  deadline: '',
  status: 'OPEN' as MilestoneStatus,
});

/**
 * The plan form. It remembers the version it started from and sends it as expectedVersion; when
 * someone else saved first the API answers CONFLICT: the message shows, everything typed stays in
 * the fields, and the newest version can be shown beside it and the typed text saved on top of it.
 */
function PlanEditor({
  citizenId,
  plan,
  latest,
  onDone,
}: {
  citizenId: string;
  plan: Plan | null;
  /** The newest plan the page knows (it changes when the page fetches the citizen again). */
  latest: Plan | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  // A ref, not state: "save on top" sets it in the same click that submits.
  const baseVersion = useRef(plan?.version ?? 0);
  // Milestones the saved plan holds: one someone else removed is sent as a new one.
  const knownIds = useRef(new Set(plan?.milestones.map((m) => m.id) ?? []));
  const [conflict, setConflict] = useState(false);
  const [showingLatest, setShowingLatest] = useState(false);

  const schema = useMemo(
    () =>
      z.object({
        longTermGoal: z.string().max(2000, t('plan.goalTooLong')),
        milestones: z
          .array(
            z.object({
              milestoneId: z.string(),
              title: z
                .string()
                .trim()
                .min(1, t('plan.titleRequired'))
                .max(300, t('plan.titleTooLong')),
              deadline: z
                .string()
                .refine((v) => v === '' || ISO_DATE.test(v), tc('form.invalidDate')),
              status: z.enum(['OPEN', 'REACHED', 'MISSED', 'DROPPED']),
            }),
          )
          .max(50, t('plan.tooMany')),
      }),
    [t, tc],
  );

  const form = useApiForm({
    schema,
    defaultValues: {
      longTermGoal: plan?.longTermGoal ?? '',
      milestones: (plan?.milestones ?? []).map((m) => ({
        milestoneId: m.id,
        title: m.title,
        deadline: m.deadline ?? '',
        status: m.status,
      })),
    },
    onSubmit: async (values) => {
      try {
        await request(UpdatePlanDocument, {
          input: {
            citizenId,
            expectedVersion: baseVersion.current,
            longTermGoal: values.longTermGoal.trim(),
            milestones: values.milestones.map((m) => ({
              ...(m.milestoneId && knownIds.current.has(m.milestoneId)
                ? { id: m.milestoneId }
                : {}),
              title: m.title,
              deadline: m.deadline || null,
              status: m.status,
            })),
          },
        });
      } catch (error) {
        if (error instanceof ApiError && error.isConflict) {
          setConflict(true);
          setShowingLatest(false);
        }
        // A milestone's field errors belong on that milestone's field, not on the whole list.
        if (error instanceof ApiError && error.fields.length > 0) {
          let unplaced = 0;
          for (const f of error.fields) {
            const name = formFieldOf(f.field);
            if (/^milestones\.\d+\.(title|deadline|status)$/.test(name) || name === 'longTermGoal')
              form.setError(name as 'longTermGoal', { type: 'server', message: f.message });
            else unplaced += 1;
          }
          if (unplaced === 0) return;
        }
        throw error;
      }
      setConflict(false);
      await queryClient.invalidateQueries({ queryKey: citizenQueryKey(citizenId) });
      toast(t('plan.saved'));
      onDone();
    },
  });
  const milestones = useFieldArray({ control: form.control, name: 'milestones' });

  const showLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: citizenQueryKey(citizenId) });
    setShowingLatest(true);
  };

  return (
    <form onSubmit={form.submit} noValidate aria-labelledby="plan-editor-heading">
      <h3 id="plan-editor-heading" className="sr-only">
        {t('plan.edit')}
      </h3>
      <ErrorSummary {...form.summary} />
      {conflict && (
        <Alert kind="warning">
          <p>{t('plan.conflictKept')}</p>
          {!showingLatest && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void showLatest()}
            >
              {t('plan.loadLatest')}
            </button>
          )}
        </Alert>
      )}
      {conflict && showingLatest && latest && (
        <section className="plan-latest mb-6" aria-labelledby="plan-latest-heading">
          <h3 id="plan-latest-heading">{t('plan.theirVersion', { version: latest.version })}</h3>
          <PlanView plan={latest} />
          <button
            type="submit"
            className="button button-secondary mt-4"
            disabled={form.submitting}
            onClick={() => {
              baseVersion.current = latest.version;
              knownIds.current = new Set(latest.milestones.map((m) => m.id));
            }}
          >
            {t('plan.saveOnTop')}
          </button>
        </section>
      )}
      <TextArea
        label={t('plan.longTermGoal')}
        hint={t('plan.longTermGoalHint')}
        rows={3}
        {...form.field('longTermGoal')}
      />
      <fieldset className="mt-6">
        <legend className="h3">{t('plan.milestones')}</legend>
        {milestones.fields.length === 0 && <EmptyState>{t('plan.noMilestones')}</EmptyState>}
        <ol className="nobullet-list">
          {milestones.fields.map((m, i) => (
            <li key={m.id} className="milestone-item">
              <TextField
                label={t('plan.milestoneTitle', { n: i + 1 })}
                {...form.field(`milestones.${i}.title`)}
              />
              <div className="d-flex flex-wrap align-items-end">
                <div className="mr-6">
                  <TextField
                    type="date"
                    label={t('plan.deadline', { n: i + 1 })}
                    optional
                    {...form.field(`milestones.${i}.deadline`)}
                  />
                </div>
                <div className="mr-6">
                  <Select
                    label={t('plan.milestoneStatus', { n: i + 1 })}
                    options={STATUSES.map((s) => ({ value: s, label: t(`milestoneStatus.${s}`) }))}
                    {...form.field(`milestones.${i}.status`)}
                  />
                </div>
                <div className="form-group">
                  <button
                    type="button"
                    className="button button-tertiary"
                    onClick={() => milestones.remove(i)}
                  >
                    {t('plan.removeMilestone', { n: i + 1 })}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-secondary"
          disabled={milestones.fields.length >= 50}
          onClick={() => milestones.append(blankMilestone(), { shouldFocus: true })}
        >
          {t('plan.addMilestone')}
        </button>
      </fieldset>
      <div className="mt-6">
        <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
          {form.submitting ? tc('state.saving') : t('plan.save')}
        </button>
        <button type="button" className="button button-tertiary" onClick={onDone}>
          {t('plan.cancel')}
        </button>
      </div>
    </form>
  );
}
