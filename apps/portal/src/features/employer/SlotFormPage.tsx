import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Alert,
  CheckboxItem,
  ChoiceGroup,
  ErrorMessage,
  ErrorSummary,
  Loading,
  PageTitle,
  Radio,
  Select,
  Tag,
  TextArea,
  TextField,
  useToast,
} from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import {
  toWorkingTimesInput,
  workingTimesDefaults,
  workingTimesSchema,
  WorkingTimesFields,
} from '@/forms/workingTimes';
import type {
  Accommodation,
  EmployerCataloguesQuery,
  EmployerCompanyQuery,
  EmployerSlotQuery,
  PlacementRequirement,
  PlacementType,
} from '@/gql/graphql';
import {
  CataloguesDocument,
  CompanyDocument,
  CreateSlotDocument,
  SlotDocument,
  UpdateSlotDocument,
} from './api';
import { OccupationPicker } from './OccupationPicker';
import { numberInRange, numberText, STATUS_TAG, useMyCompany } from './shared';

type Slot = EmployerSlotQuery['placement'];
type Company = EmployerCompanyQuery['company'];
type Catalogues = EmployerCataloguesQuery;

/** A date `days` from today as YYYY-MM-DD (local calendar). */
function isoDateIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `/virksomhed/pladser/ny` and `/virksomhed/pladser/:id`: create or edit a slot. */
export function SlotFormPage() {
  const { id } = useParams();
  const isNew = id === undefined || id === 'ny';
  const { t } = useTranslation('employer');
  const { query: companiesQuery, company: myCompany } = useMyCompany();
  const slotQuery = useQuery({
    queryKey: ['employer', 'slot', id],
    queryFn: () => request(SlotDocument, { id: id! }),
    enabled: !isNew,
  });
  const companyId = isNew ? myCompany?.id : slotQuery.data?.placement.company.id;
  const companyQuery = useQuery({
    queryKey: ['employer', 'company', companyId],
    queryFn: () => request(CompanyDocument, { id: companyId! }),
    enabled: companyId !== undefined,
  });
  const catalogues = useQuery({
    queryKey: ['employer', 'catalogues'],
    queryFn: () => request(CataloguesDocument),
    staleTime: 60 * 60_000,
  });

  const title = isNew ? t('form.newTitle') : t('form.editTitle');
  const waiting = [companiesQuery, catalogues, ...(isNew ? [] : [slotQuery])];
  const failed = waiting.find((q) => q.isError);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {failed ? (
        <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} />
      ) : isNew && companiesQuery.data && !myCompany ? (
        <Alert kind="info">
          <p>{t('slots.noCompany')}</p>
          <p>
            <Link to="/virksomhed">{t('slots.toCompany')}</Link>
          </p>
        </Alert>
      ) : companyQuery.isError ? (
        <ErrorMessage error={companyQuery.error} onRetry={() => void companyQuery.refetch()} />
      ) : companyQuery.data && catalogues.data && (isNew || slotQuery.data) ? (
        <SlotForm
          slot={slotQuery.data?.placement}
          company={companyQuery.data.company}
          catalogues={catalogues.data}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}

function SlotForm({
  slot,
  company,
  catalogues,
}: {
  slot?: Slot;
  company: Company;
  catalogues: Catalogues;
}) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();

  const schema = useMemo(
    () =>
      z
        .object({
          type: z.string().min(1, t('form.typeRequired')),
          title: z
            .string()
            .trim()
            .min(1, t('form.titleRequired'))
            .max(200, tc('form.tooLong', { max: 200 })),
          occupation: z
            .object({ id: z.string(), label: z.string() })
            .nullable()
            .refine((o) => o !== null, t('form.occupationRequired')),
          description: z.string().max(5000, tc('form.tooLong', { max: 5000 })),
          tasks: z
            .string()
            .transform((s) =>
              s
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
            )
            .refine((list) => list.length <= 30, tc('form.tooLong', { max: 30 }))
            .refine((list) => list.every((x) => x.length <= 300), tc('form.tooLong', { max: 300 })),
          weeklyHoursMin: numberInRange(tc, t, 0.5, 48),
          weeklyHoursMax: numberInRange(tc, t, 0.5, 48),
          scheduleNotes: z.string().max(1000, tc('form.tooLong', { max: 1000 })),
          workingTimes: workingTimesSchema(tc),
          startEarliest: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t('form.startRequired')),
          startLatest: z
            .string()
            .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), tc('form.invalidDate')),
          durationWeeks: numberInRange(tc, t, 1, 104, { integer: true }),
          capacity: numberInRange(tc, t, 1, 100, { integer: true }),
          accommodations: z.array(z.string()).max(20),
          accommodationNotes: z.string().max(1000, tc('form.tooLong', { max: 1000 })),
          requirements: z.array(z.string()).max(20),
          requirementNotes: z.string().max(1000, tc('form.tooLong', { max: 1000 })),
          siteId: z.string(),
          mentorId: z.string(),
          ordinaryHoursPath: z.object({
            possible: z.boolean(),
            afterWeeks: numberInRange(tc, t, 0, 104, { integer: true, optional: true }),
            hoursPerWeek: numberInRange(tc, t, 0.5, 48, { optional: true }),
          }),
        })
        .superRefine((v, ctx) => {
          // The API's consistency rules between fields (placement-rules), said at the field.
          if (v.weeklyHoursMin > v.weeklyHoursMax)
            ctx.addIssue({
              code: 'custom',
              path: ['weeklyHoursMin'],
              message: t('form.hoursRange'),
            });
          if (v.startLatest && v.startLatest < v.startEarliest)
            ctx.addIssue({
              code: 'custom',
              path: ['startLatest'],
              message: t('form.startWindow'),
            });
          const path = v.ordinaryHoursPath;
          if (path.possible) {
            if (path.afterWeeks === undefined)
              ctx.addIssue({
                code: 'custom',
                path: ['ordinaryHoursPath', 'afterWeeks'],
                message: t('form.afterWeeksRequired'),
              });
            else if (path.afterWeeks > v.durationWeeks)
              ctx.addIssue({
                code: 'custom',
                path: ['ordinaryHoursPath', 'afterWeeks'],
                message: t('form.ordinaryAfterEnd'),
              });
            if (path.hoursPerWeek === undefined)
              ctx.addIssue({
                code: 'custom',
                path: ['ordinaryHoursPath', 'hoursPerWeek'],
                message: t('form.hoursPerWeekRequired'),
              });
            else if (path.hoursPerWeek > v.weeklyHoursMax)
              ctx.addIssue({
                code: 'custom',
                path: ['ordinaryHoursPath', 'hoursPerWeek'],
                message: t('form.ordinaryOverWeekly'),
              });
          }
        }),
    [t, tc],
  );

  const form = useApiForm({
    schema,
    fieldMap: { occupationId: 'occupation', ordinaryHoursPath: 'ordinaryHoursPath.afterWeeks' },
    defaultValues: {
      type: slot?.type ?? 'INTERNSHIP',
      title: slot?.title ?? '',
      occupation: slot ? { id: slot.occupation.id, label: slot.occupation.label } : null,
      description: slot?.description ?? '',
      tasks: slot?.tasks.join('\n') ?? '',
      weeklyHoursMin: numberText(slot?.weeklyHoursMin),
      weeklyHoursMax: numberText(slot?.weeklyHoursMax),
      scheduleNotes: slot?.scheduleNotes ?? '',
      workingTimes: workingTimesDefaults(slot?.workingTimes),
      startEarliest: slot?.startEarliest ?? isoDateIn(14),
      startLatest: slot?.startLatest ?? '',
      durationWeeks: numberText(slot?.durationWeeks),
      capacity: numberText(slot?.capacity ?? 1),
      accommodations: slot?.accommodations ?? [],
      accommodationNotes: slot?.accommodationNotes ?? '',
      requirements: slot?.requirements ?? [],
      requirementNotes: slot?.requirementNotes ?? '',
      siteId: slot?.site?.id ?? '',
      mentorId: slot?.mentor?.id ?? '',
      ordinaryHoursPath: {
        possible: slot?.ordinaryHoursPath.possible ?? false,
        afterWeeks: numberText(slot?.ordinaryHoursPath.afterWeeks),
        hoursPerWeek: numberText(slot?.ordinaryHoursPath.hoursPerWeek),
      },
    },
    onSubmit: async (v) => {
      const fields = {
        type: v.type as PlacementType,
        title: v.title,
        occupationId: v.occupation.id,
        description: v.description,
        tasks: v.tasks,
        weeklyHoursMin: v.weeklyHoursMin,
        weeklyHoursMax: v.weeklyHoursMax,
        scheduleNotes: v.scheduleNotes.trim() || null,
        workingTimes: toWorkingTimesInput(v.workingTimes),
        startEarliest: v.startEarliest,
        startLatest: v.startLatest || null,
        durationWeeks: v.durationWeeks,
        capacity: v.capacity,
        accommodations: v.accommodations as Accommodation[],
        accommodationNotes: v.accommodationNotes.trim() || null,
        requirements: v.requirements as PlacementRequirement[],
        requirementNotes: v.requirementNotes.trim() || null,
        ordinaryHoursPath: v.ordinaryHoursPath.possible
          ? {
              possible: true,
              afterWeeks: v.ordinaryHoursPath.afterWeeks ?? null,
              hoursPerWeek: v.ordinaryHoursPath.hoursPerWeek ?? null,
            }
          : { possible: false },
      };
      let saved: { id: string; title: string };
      if (slot) {
        saved = (
          await request(UpdateSlotDocument, {
            input: {
              ...fields,
              id: slot.id,
              expectedVersion: slot.version,
              siteId: v.siteId || null,
              mentorId: v.mentorId || null,
            },
          })
        ).updatePlacement;
      } else {
        saved = (
          await request(CreateSlotDocument, {
            input: {
              ...fields,
              companyId: company.id,
              ...(v.siteId ? { siteId: v.siteId } : {}),
              ...(v.mentorId ? { mentorId: v.mentorId } : {}),
            },
          })
        ).createPlacement;
      }
      await queryClient.invalidateQueries({ queryKey: ['employer', 'slots'] });
      queryClient.removeQueries({ queryKey: ['employer', 'slot', saved.id] });
      toast(t('form.saved', { title: saved.title }));
      await navigate('/virksomhed/pladser');
    },
  });

  const closed = slot?.status === 'CLOSED';
  const possible = form.watch('ordinaryHoursPath.possible');
  // A removed site or deactivated mentor the slot still names stays listed, so nothing changes
  // by itself; new choices are only the ones in use.
  const sites = company.sites.filter((s) => !s.removedAt || s.id === slot?.site?.id);
  const mentors = company.mentors.filter((m) => !m.deactivatedAt || m.id === slot?.mentor?.id);
  const typeError = form.field('type').error;

  return (
    <>
      {slot && (
        <p>
          <Tag kind={STATUS_TAG[slot.status]}>
            {t('form.statusNow', { status: t(`status.${slot.status}`) })}
          </Tag>
        </p>
      )}
      <p className="font-lead">{t('form.intro')}</p>
      {closed && <Alert kind="info">{t('form.closed')}</Alert>}
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <fieldset disabled={closed}>
          <h2>{t('form.basics')}</h2>
          <ChoiceGroup legend={t('form.type')} error={typeError} id={fieldId('type')}>
            {catalogues.placementTypeCatalogue.map((item) => (
              <Radio
                key={item.code}
                label={item.label}
                value={item.code}
                {...form.register('type')}
              />
            ))}
          </ChoiceGroup>
          <TextField
            label={t('form.titleLabel')}
            hint={t('form.titleHint')}
            width="xl"
            {...form.field('title')}
          />
          <Controller
            control={form.control}
            name="occupation"
            render={({ field, fieldState }) => (
              <OccupationPicker
                id={fieldId('occupation')}
                label={t('form.occupation')}
                hint={t('form.occupationHint')}
                error={fieldState.error?.message}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
              />
            )}
          />
          <TextArea
            label={t('form.description')}
            optional
            rows={4}
            {...form.field('description')}
          />
          <TextArea
            label={t('form.tasks')}
            hint={t('form.tasksHint')}
            rows={4}
            {...form.field('tasks')}
          />

          <h2>{t('form.time')}</h2>
          <TextField
            label={t('form.weeklyHoursMin')}
            hint={t('form.hoursHint')}
            inputMode="decimal"
            width="xs"
            {...form.field('weeklyHoursMin')}
          />
          <TextField
            label={t('form.weeklyHoursMax')}
            hint={t('form.hoursHint')}
            inputMode="decimal"
            width="xs"
            {...form.field('weeklyHoursMax')}
          />
          <WorkingTimesFields
            form={form}
            name="workingTimes"
            legend={t('form.workingTimesLegend')}
            hint={t('form.workingTimesHint')}
          />
          <TextArea
            label={t('form.scheduleNotes')}
            hint={t('form.scheduleNotesHint')}
            optional
            rows={2}
            {...form.field('scheduleNotes')}
          />
          <TextField label={t('form.startEarliest')} type="date" {...form.field('startEarliest')} />
          <TextField
            label={t('form.startLatest')}
            type="date"
            optional
            {...form.field('startLatest')}
          />
          <TextField
            label={t('form.durationWeeks')}
            hint={t('form.durationHint')}
            inputMode="numeric"
            width="xs"
            {...form.field('durationWeeks')}
          />
          <TextField
            label={t('form.capacity')}
            hint={t('form.capacityHint')}
            inputMode="numeric"
            width="xs"
            {...form.field('capacity')}
          />
          <ChoiceGroup legend={t('form.ordinaryHours')} id={fieldId('ordinaryHoursPath')}>
            <CheckboxItem
              label={t('form.ordinaryPossible')}
              {...form.register('ordinaryHoursPath.possible')}
            />
          </ChoiceGroup>
          {possible && (
            <>
              <TextField
                label={t('form.ordinaryAfterWeeks')}
                inputMode="numeric"
                width="xs"
                {...form.field('ordinaryHoursPath.afterWeeks')}
              />
              <TextField
                label={t('form.ordinaryHoursPerWeek')}
                inputMode="decimal"
                width="xs"
                {...form.field('ordinaryHoursPath.hoursPerWeek')}
              />
            </>
          )}

          <h2>{t('form.conditions')}</h2>
          <ChoiceGroup
            legend={t('form.accommodations')}
            hint={t('form.accommodationsHint')}
            id={fieldId('accommodations')}
            error={form.field('accommodations').error}
          >
            {catalogues.accommodationCatalogue.map((item) => (
              <CheckboxItem
                key={item.code}
                label={item.label}
                value={item.code}
                {...form.register('accommodations')}
              />
            ))}
          </ChoiceGroup>
          <TextArea
            label={t('form.accommodationNotes')}
            optional
            rows={2}
            {...form.field('accommodationNotes')}
          />
          <ChoiceGroup
            legend={t('form.requirements')}
            hint={t('form.requirementsHint')}
            id={fieldId('requirements')}
            error={form.field('requirements').error}
          >
            {catalogues.requirementCatalogue.map((item) => (
              <CheckboxItem
                key={item.code}
                label={item.label}
                value={item.code}
                {...form.register('requirements')}
              />
            ))}
          </ChoiceGroup>
          <TextArea
            label={t('form.requirementNotes')}
            optional
            rows={2}
            {...form.field('requirementNotes')}
          />

          <h2>{t('form.people')}</h2>
          {sites.length === 0 && <Alert kind="info">{t('form.noSites')}</Alert>}
          <Select
            label={t('form.site')}
            placeholder={t('form.none')}
            options={sites.map((s) => ({
              value: s.id,
              label: `${s.name}, ${s.streetAddress}, ${s.postalCode}`,
            }))}
            {...form.field('siteId')}
          />
          <Select
            label={t('form.mentor')}
            placeholder={t('form.none')}
            options={mentors.map((m) => ({ value: m.id, label: m.name }))}
            {...form.field('mentorId')}
          />
          <div className="mt-6">
            <button type="submit" className="button button-primary" disabled={form.submitting}>
              {form.submitting ? tc('state.saving') : t('form.save')}
            </button>
          </div>
        </fieldset>
      </form>
      <p className="mt-6">
        <Link to="/virksomhed/pladser">{t('form.cancel')}</Link>
      </p>
    </>
  );
}
