import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  CheckboxItem,
  ChoiceGroup,
  ErrorMessage,
  ErrorSummary,
  Modal,
  PageTitle,
  QueryState,
  Select,
  TextArea,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { ConsentScope, MyConsentsQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { GrantMyConsentDocument, MyConsentsDocument, WithdrawMyConsentDocument } from './queries';

type Consent = MyConsentsQuery['myProfile']['consents'][number];

/** The scopes in the order a person reads them: the least sensitive first. */
export const SCOPES = [
  'PROFILE',
  'JOB_GOALS',
  'PLAN',
  'ASSESSMENTS',
  'NEEDS',
] as const satisfies readonly ConsentScope[];

const QUERY_KEY = ['citizen', 'consents'];

/**
 * `/mit-forloeb/samtykker`: what the citizen shares with which company, each part explained; a
 * consent is withdrawn after a confirmation, and given again to a company they shared with before.
 */
export function ConsentsPage() {
  const { t } = useTranslation('citizen');
  const consents = useQuery({ queryKey: QUERY_KEY, queryFn: () => request(MyConsentsDocument) });
  const activeHeading = useRef<HTMLHeadingElement>(null);

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('consents.title')}</PageTitle>
        <p className="font-lead">{t('consents.intro')}</p>
        <QueryState query={consents}>
          {(d) => {
            const active = d.myProfile.consents.filter((c) => !c.withdrawnAt);
            const withdrawn = d.myProfile.consents.filter((c) => c.withdrawnAt);
            return (
              <>
                <section aria-labelledby="active-heading" className="mt-7">
                  <h2 id="active-heading" ref={activeHeading} tabIndex={-1}>
                    {t('consents.activeHeading')}
                  </h2>
                  {active.length === 0 ? (
                    <p className="empty-state">{t('consents.activeEmpty')}</p>
                  ) : (
                    <ul className="nobullet-list">
                      {active.map((c) => (
                        <ConsentCard
                          key={c.id}
                          consent={c}
                          onWithdrawn={() => activeHeading.current?.focus()}
                        />
                      ))}
                    </ul>
                  )}
                </section>
                <GrantForm citizenId={d.myProfile.id} consents={d.myProfile.consents} />
                {withdrawn.length > 0 && (
                  <section aria-labelledby="withdrawn-heading" className="mt-7">
                    <h2 id="withdrawn-heading">{t('consents.withdrawnHeading')}</h2>
                    <ul className="nobullet-list">
                      {withdrawn.map((c) => (
                        <ConsentCard key={c.id} consent={c} />
                      ))}
                    </ul>
                  </section>
                )}
              </>
            );
          }}
        </QueryState>
      </div>
    </div>
  );
}

function ScopeList({ scopes }: { scopes: readonly ConsentScope[] }) {
  const { t } = useTranslation('citizen');
  return (
    <ul>
      {SCOPES.filter((s) => scopes.includes(s)).map((s) => (
        <li key={s}>
          <strong>{t(`scope.${s}`)}</strong>: {t(`scopeExplain.${s}`)}
        </li>
      ))}
    </ul>
  );
}

function ConsentCard({ consent, onWithdrawn }: { consent: Consent; onWithdrawn?: () => void }) {
  const { t } = useTranslation('citizen');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => request(WithdrawMyConsentDocument, { id: consent.id }),
    onSuccess: async () => {
      setConfirming(false);
      toast(t('consents.withdrawn', { company: consent.companyName }));
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
      onWithdrawn?.();
    },
  });
  const headingId = `consent-${consent.id}`;
  return (
    <li className="card mb-5">
      <div className="card-content">
        <h3 className="h4 mt-0 mb-2" id={headingId}>
          {consent.companyName}
        </h3>
        <p className="mt-0 mb-2">
          {t('consents.grantedOn', { date: formatDate(consent.grantedAt) })}
          {consent.withdrawnAt && (
            <>
              {' · '}
              {t('consents.withdrawnOn', { date: formatDate(consent.withdrawnAt) })}
            </>
          )}
        </p>
        <p className="mt-0 mb-2">{t('consents.purpose', { purpose: consent.purpose })}</p>
        <p className="mt-0 mb-0">{t('consents.shares')}</p>
        <ScopeList scopes={consent.scopes} />
        {!consent.withdrawnAt && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              withdraw.reset();
              setConfirming(true);
            }}
          >
            {t('consents.withdraw')}
            <span className="sr-only"> – {consent.companyName}</span>
          </button>
        )}
      </div>
      <Modal
        open={confirming}
        title={t('consents.confirmTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              {t('consents.confirmYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(false)}
            >
              {tc('actions.cancel')}
            </button>
          </>
        }
      >
        {withdraw.isError && <ErrorMessage error={withdraw.error} />}
        <p>{t('consents.confirmText', { company: consent.companyName })}</p>
        <ScopeList scopes={consent.scopes} />
      </Modal>
    </li>
  );
}

/** A consent to a company the citizen knows from an earlier consent (the API knows no other). */
function GrantForm({ citizenId, consents }: { citizenId: string; consents: Consent[] }) {
  const { t } = useTranslation('citizen');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const companies = useMemo(() => {
    const byId = new Map<string, string>();
    for (const c of consents) byId.set(c.companyId, c.companyName);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [consents]);
  const schema = useMemo(
    () =>
      z.object({
        companyId: z.string().min(1, t('consents.companyRequired')),
        scopes: z
          .array(z.enum(SCOPES), { error: t('consents.scopesRequired') })
          .min(1, t('consents.scopesRequired')),
        purpose: z
          .string()
          .trim()
          .min(1, t('consents.purposeRequired'))
          .max(500, tc('form.tooLong', { max: 500 })),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: { companyId: companies[0]?.value ?? '', scopes: [], purpose: '' },
    onSubmit: async (values) => {
      const { grantConsent } = await request(GrantMyConsentDocument, {
        input: { citizenId, ...values },
      });
      toast(t('consents.granted', { company: grantConsent.companyName }));
      form.reset({ companyId: values.companyId, scopes: [], purpose: '' });
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  const scopesError = form.formState.errors.scopes?.message;
  return (
    <section aria-labelledby="grant-heading" className="mt-7">
      <h2 id="grant-heading">{t('consents.grantHeading')}</h2>
      {companies.length === 0 ? (
        <p>{t('consents.grantNone')}</p>
      ) : (
        <>
          <p>{t('consents.grantIntro')}</p>
          <ErrorSummary {...form.summary} />
          <form onSubmit={form.submit} noValidate>
            <Select
              label={t('consents.company')}
              options={companies}
              {...form.field('companyId')}
            />
            <ChoiceGroup
              legend={t('consents.scopesLegend')}
              hint={t('consents.scopesHint')}
              error={typeof scopesError === 'string' ? scopesError : undefined}
              id="field-scopes"
            >
              {SCOPES.map((s) => (
                <CheckboxItem
                  key={s}
                  value={s}
                  label={t(`scope.${s}`)}
                  hint={t(`scopeExplain.${s}`)}
                  {...form.register('scopes')}
                />
              ))}
            </ChoiceGroup>
            <TextArea
              label={t('consents.purposeLabel')}
              hint={t('consents.purposeHint')}
              rows={3}
              {...form.field('purpose')}
            />
            <button type="submit" className="button button-primary" disabled={form.submitting}>
              {t('consents.grant')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
