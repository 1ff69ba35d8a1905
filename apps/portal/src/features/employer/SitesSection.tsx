import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { EmptyState, ErrorSummary, Modal, Tag, TextField, useToast } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { EmployerCompanyQuery } from '@/gql/graphql';
import { CreateSiteDocument, RemoveSiteDocument, UpdateSiteDocument } from './api';
import { ConfirmModal } from './ConfirmModal';
import { useRefreshCompany } from './useCompanyMutation';

type Company = EmployerCompanyQuery['company'];
type Site = Company['sites'][number];

/** The company's workplaces: add, edit and remove (the API says why when it refuses). */
export function SitesSection({ company }: { company: Company }) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const refresh = useRefreshCompany();
  const toast = useToast();
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [removing, setRemoving] = useState<Site | null>(null);
  const sites = company.sites.filter((s) => !s.removedAt);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.title')}</h2>
      {sites.length === 0 ? (
        <EmptyState>{t('sites.empty')}</EmptyState>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{t('sites.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.name')}</th>
                <th scope="col">{t('sites.streetAddress')}</th>
                <th scope="col">{t('sites.pNumber')}</th>
                <th scope="col">{t('slots.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">{site.name}</th>
                  <td>
                    {site.streetAddress}, {site.postalCode}
                  </td>
                  <td>{site.pNumber ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary mr-4"
                      aria-label={t('sites.editFor', { name: site.name })}
                      onClick={() => setEditing(site)}
                    >
                      {tc('actions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('sites.removeFor', { name: site.name })}
                      onClick={() => setRemoving(site)}
                    >
                      {t('sites.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {company.sites.some((s) => s.removedAt) && (
        <p className="form-hint">
          <Tag>{t('sites.removed')}</Tag>{' '}
          {company.sites
            .filter((s) => s.removedAt)
            .map((s) => s.name)
            .join(', ')}
        </p>
      )}
      <p className="mt-4">
        <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
          {t('sites.add')}
        </button>
      </p>
      <Modal
        open={editing !== null}
        title={
          editing === 'new' || editing === null
            ? t('sites.addTitle')
            : t('sites.editTitle', { name: editing.name })
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <SiteForm
            companyId={company.id}
            site={editing === 'new' ? undefined : editing}
            onSaved={async () => {
              await refresh();
              toast(t('sites.saved'));
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        open={removing !== null}
        title={t('sites.removeTitle', { name: removing?.name ?? '' })}
        text={t('sites.removeText')}
        confirmLabel={t('sites.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const site = removing!;
          await request(RemoveSiteDocument, { id: site.id });
          await refresh();
          toast(t('sites.removedToast', { name: site.name }));
        }}
      />
    </section>
  );
}

function SiteForm({
  companyId,
  site,
  onSaved,
}: {
  companyId: string;
  site?: Site;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const schema = useMemo(
    () =>
      z.object({
        name: z
          .string()
          .trim()
          .min(1, t('sites.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        streetAddress: z
          .string()
          .trim()
          .min(1, t('sites.addressRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        postalCode: z
          .string()
          .trim()
          .regex(/^\d{4}$/, t('sites.postalInvalid')),
        pNumber: z
          .string()
          .trim()
          .refine((p) => p === '' || /^\d{10}$/.test(p), t('sites.pNumberInvalid')),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      name: site?.name ?? '',
      streetAddress: site?.streetAddress ?? '',
      postalCode: site?.postalCode ?? '',
      pNumber: site?.pNumber ?? '',
    },
    onSubmit: async (v) => {
      if (site)
        await request(UpdateSiteDocument, {
          input: { id: site.id, ...v, pNumber: v.pNumber || null },
        });
      else
        await request(CreateSiteDocument, {
          input: {
            companyId,
            name: v.name,
            streetAddress: v.streetAddress,
            postalCode: v.postalCode,
            ...(v.pNumber ? { pNumber: v.pNumber } : {}),
          },
        });
      await onSaved();
    },
  });
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField label={t('sites.name')} hint={t('sites.nameHint')} {...form.field('name')} />
        <TextField
          label={t('sites.streetAddress')}
          autoComplete="street-address"
          {...form.field('streetAddress')}
        />
        <TextField
          label={t('sites.postalCode')}
          hint={t('sites.postalCodeHint')}
          inputMode="numeric"
          autoComplete="postal-code"
          width="xs"
          {...form.field('postalCode')}
        />
        <TextField
          label={t('sites.pNumber')}
          hint={t('sites.pNumberHint')}
          inputMode="numeric"
          optional
          width="m"
          {...form.field('pNumber')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {tc('actions.save')}
        </button>
      </form>
    </>
  );
}
