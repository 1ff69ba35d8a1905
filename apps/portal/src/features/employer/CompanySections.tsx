import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { useAuth } from '@/auth/AuthProvider';
import { EmptyState, ErrorSummary, Modal, Tag, TextField, useToast } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { EmployerCompanyQuery } from '@/gql/graphql';
import { currentLanguage } from '@/i18n';
import { formatDate, formatNumber } from '@/i18n/format';
import { AddCompanyAdminDocument, RemoveCompanyAdminDocument, UpdateCompanyDocument } from './api';
import { ConfirmModal } from './ConfirmModal';
import { numberInRange, numberText } from './shared';
import { useRefreshCompany } from './useCompanyMutation';

type Company = EmployerCompanyQuery['company'];
type Admin = Company['admins'][number];

/** Name, CVR, industry and size; everything but the CVR can be changed. */
export function CompanyDetails({ company }: { company: Company }) {
  const { t } = useTranslation('employer');
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshCompany();
  const toast = useToast();
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('company.details')}</h2>
      <dl>
        <dt>{t('company.name')}</dt>
        <dd>{company.name}</dd>
        <dt>{t('company.cvr')}</dt>
        <dd>{company.cvr}</dd>
        <dt>{t('company.industry')}</dt>
        <dd>{company.industry ?? '–'}</dd>
        <dt>{t('company.ordinaryEmployees')}</dt>
        <dd>{formatNumber(company.ordinaryEmployees, 1)}</dd>
      </dl>
      <p className="mt-4">
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          {t('company.edit')}
        </button>
      </p>
      <Modal open={editing} title={t('company.editTitle')} onClose={() => setEditing(false)}>
        {editing && (
          <CompanyForm
            company={company}
            onSaved={async () => {
              await refresh();
              toast(t('company.saved'));
              setEditing(false);
            }}
          />
        )}
      </Modal>
    </section>
  );
}

function CompanyForm({ company, onSaved }: { company: Company; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const schema = useMemo(
    () =>
      z.object({
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
  const form = useApiForm({
    schema,
    defaultValues: {
      name: company.name,
      industry: company.industry ?? '',
      ordinaryEmployees: numberText(company.ordinaryEmployees),
    },
    onSubmit: async (v) => {
      await request(UpdateCompanyDocument, {
        input: {
          id: company.id,
          name: v.name,
          industry: v.industry || null,
          ordinaryEmployees: v.ordinaryEmployees,
        },
      });
      await onSaved();
    },
  });
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField label={t('company.name')} {...form.field('name')} />
        <TextField label={t('company.industry')} optional {...form.field('industry')} />
        <TextField
          label={t('company.ordinaryEmployees')}
          hint={t('company.ordinaryEmployeesHint')}
          inputMode="decimal"
          width="s"
          {...form.field('ordinaryEmployees')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {tc('actions.save')}
        </button>
      </form>
    </>
  );
}

/** Who administers the company; invite another, remove one (never the last). */
export function AdminsSection({ company }: { company: Company }) {
  const { t } = useTranslation('employer');
  const { user } = useAuth();
  const refresh = useRefreshCompany();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Admin | null>(null);
  return (
    <section aria-labelledby="admins-heading">
      <h2 id="admins-heading">{t('admins.title')}</h2>
      <div className="table--responsive-scroll">
        <table className="table table--zebra">
          <caption className="sr-only">{t('admins.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admins.name')}</th>
              <th scope="col">{t('admins.email')}</th>
              <th scope="col">{t('slots.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {company.admins.map((a) => (
              <tr key={a.userId}>
                <th scope="row">
                  {a.displayName} {a.userId === user?.id && t('admins.you')}
                </th>
                <td>{a.email}</td>
                <td>
                  {company.admins.length > 1 && (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('admins.removeFor', { name: a.displayName })}
                      onClick={() => setRemoving(a)}
                    >
                      {t('admins.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-4">
        <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
          {t('admins.add')}
        </button>
      </p>
      <Modal open={adding} title={t('admins.addTitle')} onClose={() => setAdding(false)}>
        {adding && (
          <AdminForm
            companyId={company.id}
            onSaved={async () => {
              await refresh();
              toast(t('admins.invited'));
              setAdding(false);
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        open={removing !== null}
        title={t('admins.removeTitle', { name: removing?.displayName ?? '' })}
        text={t('admins.removeText')}
        confirmLabel={t('admins.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const admin = removing!;
          await request(RemoveCompanyAdminDocument, {
            companyId: company.id,
            userId: admin.userId,
          });
          await refresh();
          toast(t('admins.removedToast', { name: admin.displayName }));
        }}
      />
    </section>
  );
}

function AdminForm({ companyId, onSaved }: { companyId: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, t('admins.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        email: z.string().trim().email(tc('form.invalidEmail')).max(254),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: { displayName: '', email: '' },
    onSubmit: async (v) => {
      await request(AddCompanyAdminDocument, {
        input: { companyId, ...v, language: currentLanguage() },
      });
      await onSaved();
    },
  });
  return (
    <>
      <p>{t('admins.addHint')}</p>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField label={t('admins.name')} autoComplete="off" {...form.field('displayName')} />
        <TextField
          label={t('admins.email')}
          type="email"
          autoComplete="off"
          {...form.field('email')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {t('admins.add')}
        </button>
      </form>
    </>
  );
}

/** The company's partnerships with job centres (read here; the job centre proposes them). */
export function PartnershipsSection({ company }: { company: Company }) {
  const { t } = useTranslation('employer');
  return (
    <section aria-labelledby="partnerships-heading">
      <h2 id="partnerships-heading">{t('company.partnerships')}</h2>
      {company.partnerships.length === 0 ? (
        <EmptyState>{t('company.noPartnerships')}</EmptyState>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{t('company.partnerships')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('company.colJobCentre')}</th>
                <th scope="col">{t('company.colStatus')}</th>
                <th scope="col">{t('company.colPeriod')}</th>
              </tr>
            </thead>
            <tbody>
              {company.partnerships.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.jobCentre.name}</th>
                  <td>
                    <Tag kind={p.status === 'ACTIVE' ? 'success' : 'neutral'}>
                      {t(`partnershipStatus.${p.status}`)}
                    </Tag>
                  </td>
                  <td>
                    {formatDate(p.startsOn)}
                    {p.endsOn ? ` – ${formatDate(p.endsOn)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
