import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  Alert,
  EmptyState,
  ErrorSummary,
  Radio,
  ChoiceGroup,
  Select,
  TextField,
  useErrorText,
  useToast,
} from '@/components';
import { fieldId, useApiForm } from '@/forms/useApiForm';
import {
  toWorkingTimesInput,
  useFormatWorkingTimes,
  workingTimesDefaults,
  workingTimesSchema,
  WorkingTimesFields,
} from '@/forms/workingTimes';
import type { PlacementRequirement } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import {
  PartnerCompaniesDocument,
  RecordEmploymentDocument,
  RecordNoEmploymentDocument,
  RecordQualificationDocument,
  RemoveEmploymentDocument,
  RemoveNoEmploymentDocument,
  RemoveQualificationDocument,
  SetAvailabilityDocument,
  UpdateEmploymentDocument,
} from './api';
import { type CitizenData, citizenQueryKey } from './CitizenPage';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-03" today, in the browser's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "12 34 56 78" or "DK12345678" as 8 digits. */
const normalizeCvr = (text: string) => text.replace(/^\s*DK/i, '').replace(/\s/g, '');

/** After a change: the citizen's page (and the match lists, which read the profile). */
function useRefreshCitizen(citizenId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: citizenQueryKey(citizenId) }),
      queryClient.invalidateQueries({ queryKey: ['matching'] }),
    ]);
  };
}

/**
 * "Arbejdsprofil": what the citizen can do and when, and where they have worked. Matching keeps
 * slots away whose requirements or working times the citizen does not meet, and the rules read
 * the most recent employer.
 */
export function WorkProfileTab({
  citizen: c,
  canEdit,
  catalogue,
}: {
  citizen: CitizenData;
  canEdit: boolean;
  catalogue?: { code: string; label: string }[];
}) {
  const { t } = useTranslation('consultant');
  return (
    <>
      <h2>{t('workProfile.heading')}</h2>
      <p>{t('workProfile.intro')}</p>
      <section aria-labelledby="qualifications-heading" className="mt-7">
        <h3 id="qualifications-heading">{t('workProfile.qualifications')}</h3>
        <Qualifications citizen={c} canEdit={canEdit} catalogue={catalogue} />
      </section>
      <section aria-labelledby="availability-heading" className="mt-8">
        <h3 id="availability-heading">{t('workProfile.availability')}</h3>
        <Availability citizen={c} canEdit={canEdit} />
      </section>
      <section aria-labelledby="employments-heading" className="mt-8">
        <h3 id="employments-heading" tabIndex={-1}>
          {t('workProfile.employments')}
        </h3>
        <Employments citizen={c} canEdit={canEdit} />
      </section>
    </>
  );
}

function Qualifications({
  citizen: c,
  canEdit,
  catalogue,
}: {
  citizen: CitizenData;
  canEdit: boolean;
  catalogue?: { code: string; label: string }[];
}) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const refresh = useRefreshCitizen(c.id);
  const remove = useMutation({
    mutationFn: (qualification: PlacementRequirement) =>
      request(RemoveQualificationDocument, { input: { citizenId: c.id, qualification } }),
    onSuccess: async () => {
      await refresh();
      toast(t('workProfile.qualificationRemoved'));
    },
  });
  const schema = useMemo(
    () =>
      z.object({
        qualification: z.string().min(1, t('workProfile.qualificationRequired')),
        confirmedOn: z
          .string()
          .refine((s) => s === '' || ISO_DATE.test(s), tc('form.invalidDate'))
          .refine((s) => s === '' || s <= today(), t('workProfile.notInFuture')),
        note: z
          .string()
          .trim()
          .max(500, tc('form.tooLong', { max: 500 })),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: { qualification: '', confirmedOn: today(), note: '' },
    onSubmit: async (v) => {
      await request(RecordQualificationDocument, {
        input: {
          citizenId: c.id,
          qualification: v.qualification as PlacementRequirement,
          confirmedOn: v.confirmedOn || null,
          note: v.note || null,
        },
      });
      await refresh();
      form.reset({ qualification: '', confirmedOn: today(), note: '' });
      toast(t('workProfile.qualificationSaved'));
    },
  });
  return (
    <>
      {remove.isError && <Alert kind="error">{errorText(remove.error)}</Alert>}
      {c.qualifications.length === 0 ? (
        <EmptyState>{t('workProfile.noQualifications')}</EmptyState>
      ) : (
        <table className="table table--compact">
          <caption className="sr-only">{t('workProfile.qualifications')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workProfile.qualification')}</th>
              <th scope="col">{t('workProfile.confirmedOn')}</th>
              <th scope="col">{t('workProfile.confirmedBy')}</th>
              <th scope="col">{t('workProfile.note')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="sr-only">{tc('actions.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {c.qualifications.map((q) => (
              <tr key={q.qualification}>
                <th scope="row" className="weight-normal">
                  {q.label}
                </th>
                <td>{formatDate(q.confirmedOn)}</td>
                <td>{q.confirmedBy ?? t('workProfile.unknownPerson')}</td>
                <td>{q.note ?? ''}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="function-link"
                      disabled={remove.isPending}
                      aria-label={t('workProfile.removeQualification', { label: q.label })}
                      onClick={() => remove.mutate(q.qualification)}
                    >
                      {tc('actions.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form
          onSubmit={form.submit}
          noValidate
          className="mt-5"
          aria-labelledby="add-qualification"
        >
          <h4 id="add-qualification" className="h5">
            {t('workProfile.addQualification')}
          </h4>
          <ErrorSummary {...form.summary} />
          <Select
            label={t('workProfile.qualification')}
            hint={t('workProfile.qualificationHint')}
            placeholder={tc('actions.choose')}
            options={(catalogue ?? []).map((r) => ({ value: r.code, label: r.label }))}
            {...form.field('qualification')}
          />
          <TextField
            type="date"
            label={t('workProfile.confirmedOn')}
            hint={t('workProfile.confirmedOnHint')}
            {...form.field('confirmedOn')}
          />
          <TextField
            label={t('workProfile.note')}
            hint={t('workProfile.noteHint')}
            optional
            width="xl"
            {...form.field('note')}
          />
          <button type="submit" className="button button-primary" disabled={form.submitting}>
            {form.submitting ? tc('state.saving') : t('workProfile.saveQualification')}
          </button>
        </form>
      )}
    </>
  );
}

function Availability({ citizen: c, canEdit }: { citizen: CitizenData; canEdit: boolean }) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const refresh = useRefreshCitizen(c.id);
  const format = useFormatWorkingTimes();
  const [editing, setEditing] = useState(false);
  const current = c.needs?.availability;
  const schema = useMemo(() => z.object({ availability: workingTimesSchema(tc) }), [tc]);
  const form = useApiForm({
    schema,
    defaultValues: { availability: workingTimesDefaults(current) },
    onSubmit: async (v) => {
      await request(SetAvailabilityDocument, {
        input: { citizenId: c.id, availability: toWorkingTimesInput(v.availability) },
      });
      await refresh();
      setEditing(false);
      toast(t('workProfile.availabilitySaved'));
    },
  });
  return (
    <>
      <p>{t('workProfile.availabilityIntro')}</p>
      <dl className="citizen-facts">
        <dt>{t('workProfile.canWork')}</dt>
        <dd>{format(current)}</dd>
      </dl>
      {canEdit && !editing && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            form.reset({ availability: workingTimesDefaults(current) });
            setEditing(true);
          }}
        >
          {t('workProfile.editAvailability')}
        </button>
      )}
      {canEdit && editing && (
        <form onSubmit={form.submit} noValidate className="mt-5">
          <ErrorSummary {...form.summary} />
          <WorkingTimesFields
            form={form}
            name="availability"
            legend={t('workProfile.weekdaysLegend')}
            hint={t('workProfile.weekdaysHint')}
          />
          <div className="mt-5">
            <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
              {form.submitting ? tc('state.saving') : t('workProfile.saveAvailability')}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setEditing(false)}
            >
              {tc('actions.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

type Employment = CitizenData['employments'][number];

function Employments({ citizen: c, canEdit }: { citizen: CitizenData; canEdit: boolean }) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const [editing, setEditing] = useState<Employment | null>(null);
  const errorText = useErrorText();
  const refresh = useRefreshCitizen(c.id);
  const partners = useQuery({
    queryKey: ['consultant', 'partnerCompanies'],
    queryFn: () => request(PartnerCompaniesDocument),
    enabled: canEdit,
    staleTime: 5 * 60_000,
  });
  const companies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of partners.data?.jobCentrePartnerships ?? [])
      if (p.company && p.status !== 'PROPOSED') seen.set(p.company.id, p.company.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [partners.data]);
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.enum(['partner', 'named']),
          companyId: z.string(),
          employerName: z
            .string()
            .trim()
            .max(200, tc('form.tooLong', { max: 200 })),
          cvr: z
            .string()
            .transform(normalizeCvr)
            .refine((s) => s === '' || /^\d{8}$/.test(s), t('workProfile.cvrInvalid')),
          startedOn: z.string().regex(ISO_DATE, t('workProfile.startedRequired')),
          endedOn: z.string().refine((s) => s === '' || ISO_DATE.test(s), tc('form.invalidDate')),
        })
        .superRefine((v, ctx) => {
          if (v.kind === 'partner' && !v.companyId)
            ctx.addIssue({
              code: 'custom',
              path: ['companyId'],
              message: t('workProfile.companyRequired'),
            });
          if (v.kind === 'named' && !v.employerName)
            ctx.addIssue({
              code: 'custom',
              path: ['employerName'],
              message: t('workProfile.employerRequired'),
            });
          if (v.endedOn && v.startedOn && v.endedOn < v.startedOn)
            ctx.addIssue({
              code: 'custom',
              path: ['endedOn'],
              message: t('workProfile.endBeforeStart'),
            });
        }),
    [t, tc],
  );
  const empty = {
    kind: 'named' as const,
    companyId: '',
    employerName: '',
    cvr: '',
    startedOn: '',
    endedOn: '',
  };
  const form = useApiForm({
    schema,
    defaultValues: empty,
    onSubmit: async (v) => {
      const fields = {
        ...(v.kind === 'partner'
          ? { companyId: v.companyId }
          : { employerName: v.employerName, cvr: v.cvr || null }),
        startedOn: v.startedOn,
        endedOn: v.endedOn || null,
      };
      if (editing)
        await request(UpdateEmploymentDocument, { input: { id: editing.id, ...fields } });
      else await request(RecordEmploymentDocument, { input: { citizenId: c.id, ...fields } });
      await refresh();
      toast(t(editing ? 'workProfile.employmentCorrected' : 'workProfile.employmentSaved'));
      if (editing) stopEditing();
      else form.reset(empty);
    },
  });
  const kind = form.watch('kind');
  const formHeading = useRef<HTMLHeadingElement>(null);
  const focusHeading = () =>
    setTimeout(() => document.getElementById('employments-heading')?.focus());
  const startEditing = (e: Employment) => {
    form.reset({
      kind: e.companyId ? 'partner' : 'named',
      companyId: e.companyId ?? '',
      employerName: e.companyId ? '' : e.employerName,
      cvr: e.companyId ? '' : (e.cvr ?? ''),
      startedOn: e.startedOn,
      endedOn: e.endedOn ?? '',
    });
    setEditing(e);
    setTimeout(() => formHeading.current?.focus());
  };
  const stopEditing = () => {
    form.reset(empty);
    setEditing(null);
    focusHeading();
  };
  const remove = useMutation({
    mutationFn: (id: string) => request(RemoveEmploymentDocument, { input: { id } }),
    onSuccess: async () => {
      await refresh();
      if (editing) stopEditing();
      else focusHeading();
      toast(t('workProfile.employmentRemoved'));
    },
  });
  return (
    <>
      <p>{t('workProfile.employmentsIntro')}</p>
      {remove.isError && <Alert kind="error">{errorText(remove.error)}</Alert>}
      {c.employments.length === 0 ? (
        <NoEmployment citizen={c} canEdit={canEdit} />
      ) : (
        <table className="table table--compact">
          <caption className="sr-only">{t('workProfile.employments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workProfile.employer')}</th>
              <th scope="col">{t('workProfile.cvr')}</th>
              <th scope="col">{t('workProfile.startedOn')}</th>
              <th scope="col">{t('workProfile.endedOn')}</th>
              <th scope="col">{t('workProfile.recordedBy')}</th>
              {canEdit && <th scope="col">{t('workProfile.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {c.employments.map((e) => (
              <tr key={e.id}>
                <th scope="row" className="weight-normal">
                  {e.employerName}
                  {e.companyId && (
                    <span className="d-block form-hint">{t('workProfile.partner')}</span>
                  )}
                </th>
                <td>{e.cvr ?? ''}</td>
                <td>{formatDate(e.startedOn)}</td>
                <td>{e.endedOn ? formatDate(e.endedOn) : t('workProfile.ongoing')}</td>
                <td>
                  {e.recordedBy ?? t('workProfile.unknownPerson')}
                  <span className="d-block form-hint">{formatDate(e.recordedAt)}</span>
                  {e.updatedAt && (
                    <span className="d-block form-hint">
                      {t('workProfile.correctedBy', {
                        name: e.updatedBy ?? t('workProfile.unknownPerson'),
                        date: formatDate(e.updatedAt),
                      })}
                    </span>
                  )}
                </td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="function-link mr-4"
                      aria-label={t('workProfile.editEmployment', { name: e.employerName })}
                      onClick={() => startEditing(e)}
                    >
                      {tc('actions.edit')}
                    </button>
                    <button
                      type="button"
                      className="function-link"
                      disabled={remove.isPending}
                      aria-label={t('workProfile.removeEmployment', { name: e.employerName })}
                      onClick={() => remove.mutate(e.id)}
                    >
                      {tc('actions.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={form.submit} noValidate className="mt-5" aria-labelledby="add-employment">
          <h4 id="add-employment" className="h5" tabIndex={-1} ref={formHeading}>
            {editing
              ? t('workProfile.editEmploymentHeading', { name: editing.employerName })
              : t('workProfile.addEmployment')}
          </h4>
          <ErrorSummary {...form.summary} />
          <ChoiceGroup legend={t('workProfile.kindLegend')} id={fieldId('kind')}>
            <Radio value="named" label={t('workProfile.kindNamed')} {...form.register('kind')} />
            <Radio
              value="partner"
              label={t('workProfile.kindPartner')}
              {...form.register('kind')}
            />
          </ChoiceGroup>
          {kind === 'partner' ? (
            <Select
              label={t('workProfile.company')}
              placeholder={tc('actions.choose')}
              hint={partners.isError ? errorText(partners.error) : undefined}
              options={companies}
              {...form.field('companyId')}
            />
          ) : (
            <>
              <TextField
                label={t('workProfile.employerName')}
                width="xl"
                {...form.field('employerName')}
              />
              <TextField
                label={t('workProfile.cvr')}
                hint={t('workProfile.cvrHint')}
                optional
                inputMode="numeric"
                width="s"
                {...form.field('cvr')}
              />
            </>
          )}
          <div className="d-flex flex-wrap mt-6">
            <div className="mr-6">
              <TextField
                type="date"
                label={t('workProfile.startedOn')}
                hint={t('workProfile.startedOnHint')}
                {...form.field('startedOn')}
              />
            </div>
            <div>
              <TextField
                type="date"
                label={t('workProfile.endedOn')}
                hint={t('workProfile.endedOnHint')}
                optional
                {...form.field('endedOn')}
              />
            </div>
          </div>
          <button type="submit" className="button button-primary mr-4" disabled={form.submitting}>
            {form.submitting
              ? tc('state.saving')
              : editing
                ? t('workProfile.saveCorrection')
                : t('workProfile.saveEmployment')}
          </button>
          {editing && (
            <button type="button" className="button button-tertiary" onClick={stopEditing}>
              {tc('actions.cancel')}
            </button>
          )}
        </form>
      )}
    </>
  );
}

/** No employment recorded: say whether the citizen has had none, or let the consultant say so. */
function NoEmployment({ citizen: c, canEdit }: { citizen: CitizenData; canEdit: boolean }) {
  const { t } = useTranslation('consultant');
  const toast = useToast();
  const errorText = useErrorText();
  const refresh = useRefreshCitizen(c.id);
  const done = (message: string) => async () => {
    await refresh();
    toast(message);
    setTimeout(() => document.getElementById('employments-heading')?.focus());
  };
  const record = useMutation({
    mutationFn: () =>
      request(RecordNoEmploymentDocument, { input: { citizenId: c.id, confirmedOn: today() } }),
    onSuccess: done(t('workProfile.noEmploymentSaved')),
  });
  const remove = useMutation({
    mutationFn: () => request(RemoveNoEmploymentDocument, { input: { citizenId: c.id } }),
    onSuccess: done(t('workProfile.noEmploymentRemoved')),
  });
  const failed = record.error ?? remove.error;
  return (
    <>
      {failed && <Alert kind="error">{errorText(failed)}</Alert>}
      {c.noEmployment ? (
        <>
          <p>
            {t('workProfile.noEmploymentRecorded', {
              date: formatDate(c.noEmployment.confirmedOn),
              name: c.noEmployment.confirmedBy ?? t('workProfile.unknownPerson'),
            })}
          </p>
          {canEdit && (
            <button
              type="button"
              className="button button-secondary"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('workProfile.removeNoEmployment')}
            </button>
          )}
        </>
      ) : (
        <>
          <EmptyState>{t('workProfile.noEmployments')}</EmptyState>
          {canEdit && (
            <>
              <button
                type="button"
                className="button button-secondary"
                aria-describedby="no-employment-hint"
                disabled={record.isPending}
                onClick={() => record.mutate()}
              >
                {t('workProfile.recordNoEmployment')}
              </button>
              <p id="no-employment-hint" className="form-hint mt-2">
                {t('workProfile.recordNoEmploymentHint')}
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}
