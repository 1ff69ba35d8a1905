import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
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
  RecordQualificationDocument,
  RemoveQualificationDocument,
  SetAvailabilityDocument,
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
        <h3 id="employments-heading">{t('workProfile.employments')}</h3>
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

function Employments({ citizen: c, canEdit }: { citizen: CitizenData; canEdit: boolean }) {
  const { t } = useTranslation('consultant');
  const { t: tc } = useTranslation();
  const toast = useToast();
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
      await request(RecordEmploymentDocument, {
        input: {
          citizenId: c.id,
          ...(v.kind === 'partner'
            ? { companyId: v.companyId }
            : { employerName: v.employerName, cvr: v.cvr || null }),
          startedOn: v.startedOn,
          endedOn: v.endedOn || null,
        },
      });
      await refresh();
      form.reset(empty);
      toast(t('workProfile.employmentSaved'));
    },
  });
  const kind = form.watch('kind');
  return (
    <>
      <p>{t('workProfile.employmentsIntro')}</p>
      {c.employments.length === 0 ? (
        <EmptyState>{t('workProfile.noEmployments')}</EmptyState>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={form.submit} noValidate className="mt-5" aria-labelledby="add-employment">
          <h4 id="add-employment" className="h5">
            {t('workProfile.addEmployment')}
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
          <button type="submit" className="button button-primary" disabled={form.submitting}>
            {form.submitting ? tc('state.saving') : t('workProfile.saveEmployment')}
          </button>
        </form>
      )}
    </>
  );
}
