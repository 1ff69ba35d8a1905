import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { Alert, ErrorSummary, TextField, useToast } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import { RegisterCompanyDocument, RegistrationInviteDocument } from './api';
import { isValidCvr, normalizeCvr, numberInRange } from './shared';

/** A new employer registers their company with its CVR number and becomes its admin. */
export function RegisterCompanyForm() {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const invite = useQuery({
    queryKey: ['employer', 'registrationInvite'],
    queryFn: () => request(RegistrationInviteDocument),
  });
  const schema = useMemo(
    () =>
      z.object({
        cvr: z.string().transform(normalizeCvr).refine(isValidCvr, t('register.cvrInvalid')),
        name: z
          .string()
          .trim()
          .min(1, t('company.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        industry: z
          .string()
          .trim()
          .max(200, tc('form.tooLong', { max: 200 })),
        ordinaryEmployees: numberInRange(tc, t, 0, 100000),
      }),
    [t, tc],
  );
  const suggested = invite.data?.companyRegistrationInvite;
  const form = useApiForm({
    schema,
    defaultValues: { cvr: '', name: '', industry: '', ordinaryEmployees: '' },
    onSubmit: async (v) => {
      await request(RegisterCompanyDocument, {
        input: {
          cvr: v.cvr,
          name: v.name,
          ordinaryEmployees: v.ordinaryEmployees,
          ...(v.industry ? { industry: v.industry } : {}),
        },
      });
      toast(t('register.done'));
      await queryClient.invalidateQueries({ queryKey: ['employer'] });
    },
  });
  // The CVR the job centre suggested, filled in (the person may change it).
  const suggestedCvr = suggested?.cvr;
  useEffect(() => {
    if (suggestedCvr && form.getValues('cvr') === '') form.setValue('cvr', suggestedCvr);
  }, [suggestedCvr, form]);
  return (
    <section aria-labelledby="register-company">
      <h2 id="register-company">{t('register.title')}</h2>
      <p>{t('register.intro')}</p>
      {suggested && (
        <Alert kind="info">{t('register.invited', { jobCentre: suggested.jobCentreName })}</Alert>
      )}
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField
          label={t('register.cvr')}
          hint={t('register.cvrHint')}
          inputMode="numeric"
          width="s"
          {...form.field('cvr')}
        />
        <TextField
          label={t('company.name')}
          autoComplete="organization"
          width="xl"
          {...form.field('name')}
        />
        <TextField label={t('company.industry')} optional width="l" {...form.field('industry')} />
        <TextField
          label={t('company.ordinaryEmployees')}
          hint={t('company.ordinaryEmployeesHint')}
          inputMode="decimal"
          width="s"
          {...form.field('ordinaryEmployees')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {t('register.submit')}
        </button>
      </form>
    </section>
  );
}
