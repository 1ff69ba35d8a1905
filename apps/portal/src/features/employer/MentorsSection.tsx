import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  CheckboxItem,
  ChoiceGroup,
  EmptyState,
  ErrorSummary,
  Modal,
  Select,
  Tag,
  TextField,
  useToast,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import type { EmployerCompanyQuery } from '@/gql/graphql';
import { currentLanguage } from '@/i18n';
import {
  AddMentorDocument,
  DeactivateMentorDocument,
  InviteMentorDocument,
  UpdateMentorDocument,
} from './api';
import { ConfirmModal } from './ConfirmModal';
import { numberInRange, numberText } from './shared';
import { useRefreshCompany } from './useCompanyMutation';

type Company = EmployerCompanyQuery['company'];
type Mentor = Company['mentors'][number];

/** The company's mentors: add, edit, invite to Jobbro, deactivate. */
export function MentorsSection({ company }: { company: Company }) {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const refresh = useRefreshCompany();
  const toast = useToast();
  const [editing, setEditing] = useState<Mentor | 'new' | null>(null);
  const [inviting, setInviting] = useState<Mentor | null>(null);
  const [deactivating, setDeactivating] = useState<Mentor | null>(null);
  const siteName = (id: string | null | undefined) =>
    company.sites.find((s) => s.id === id)?.name ?? t('mentors.anySite');
  return (
    <section aria-labelledby="mentors-heading">
      <h2 id="mentors-heading">{t('mentors.title')}</h2>
      {company.mentors.length === 0 ? (
        <EmptyState>{t('mentors.empty')}</EmptyState>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{t('mentors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mentors.name')}</th>
                <th scope="col">{t('mentors.email')}</th>
                <th scope="col">{t('mentors.phone')}</th>
                <th scope="col">{t('mentors.site')}</th>
                <th scope="col">{t('mentors.capacity')}</th>
                <th scope="col">{t('mentors.login')}</th>
                <th scope="col">{t('slots.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {company.mentors.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>{m.phone ?? ''}</td>
                  <td>{siteName(m.siteId)}</td>
                  <td>{m.capacity}</td>
                  <td>
                    {m.deactivatedAt ? (
                      <Tag kind="warning">{t('mentors.deactivated')}</Tag>
                    ) : m.hasLogin ? (
                      <Tag kind="success">{t('mentors.hasLogin')}</Tag>
                    ) : (
                      <Tag>{t('mentors.noLogin')}</Tag>
                    )}
                  </td>
                  <td>
                    {!m.deactivatedAt && (
                      <ul className="nobullet-list">
                        <li className="mb-2">
                          <button
                            type="button"
                            className="button button-secondary"
                            aria-label={t('mentors.editFor', { name: m.name })}
                            onClick={() => setEditing(m)}
                          >
                            {tc('actions.edit')}
                          </button>
                        </li>
                        {!m.hasLogin && (
                          <li className="mb-2">
                            <button
                              type="button"
                              className="button button-secondary"
                              aria-label={t('mentors.inviteFor', { name: m.name })}
                              onClick={() => setInviting(m)}
                            >
                              {t('mentors.invite')}
                            </button>
                          </li>
                        )}
                        <li>
                          <button
                            type="button"
                            className="button button-secondary"
                            aria-label={t('mentors.deactivateFor', { name: m.name })}
                            onClick={() => setDeactivating(m)}
                          >
                            {t('mentors.deactivate')}
                          </button>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4">
        <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
          {t('mentors.add')}
        </button>
      </p>
      <Modal
        open={editing !== null}
        title={
          editing === 'new' || editing === null
            ? t('mentors.addTitle')
            : t('mentors.editTitle', { name: editing.name })
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <MentorForm
            company={company}
            mentor={editing === 'new' ? undefined : editing}
            onSaved={async () => {
              await refresh();
              toast(t('mentors.saved'));
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        open={inviting !== null}
        title={t('mentors.inviteFor', { name: inviting?.name ?? '' })}
        text={inviting?.email}
        confirmLabel={t('mentors.invite')}
        onClose={() => setInviting(null)}
        onConfirm={async () => {
          const { inviteMentor } = await request(InviteMentorDocument, { mentorId: inviting!.id });
          await refresh();
          toast(t('mentors.invited', { email: inviteMentor.email }));
        }}
      />
      <ConfirmModal
        open={deactivating !== null}
        title={t('mentors.deactivateTitle', { name: deactivating?.name ?? '' })}
        text={t('mentors.deactivateText')}
        confirmLabel={t('mentors.deactivate')}
        onClose={() => setDeactivating(null)}
        onConfirm={async () => {
          const mentor = deactivating!;
          await request(DeactivateMentorDocument, { id: mentor.id });
          await refresh();
          toast(t('mentors.deactivatedToast', { name: mentor.name }));
        }}
      />
    </section>
  );
}

function MentorForm({
  company,
  mentor,
  onSaved,
}: {
  company: Company;
  mentor?: Mentor;
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
          .min(1, t('mentors.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        email: z.string().trim().email(tc('form.invalidEmail')).max(254),
        phone: z
          .string()
          .trim()
          .refine((p) => p === '' || /^\+?[0-9 ()-]{6,30}$/.test(p), t('mentors.phoneInvalid')),
        siteId: z.string(),
        capacity: numberInRange(tc, t, 1, 50, { integer: true }),
        invite: z.boolean(),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      name: mentor?.name ?? '',
      email: mentor?.email ?? '',
      phone: mentor?.phone ?? '',
      siteId: mentor?.siteId ?? '',
      capacity: numberText(mentor?.capacity ?? 1),
      invite: false,
    },
    onSubmit: async (v) => {
      if (mentor)
        await request(UpdateMentorDocument, {
          input: {
            id: mentor.id,
            name: v.name,
            email: v.email,
            phone: v.phone || null,
            siteId: v.siteId || null,
            capacity: v.capacity,
          },
        });
      else
        await request(AddMentorDocument, {
          input: {
            companyId: company.id,
            name: v.name,
            email: v.email,
            capacity: v.capacity,
            invite: v.invite,
            language: currentLanguage(),
            ...(v.phone ? { phone: v.phone } : {}),
            ...(v.siteId ? { siteId: v.siteId } : {}),
          },
        });
      await onSaved();
    },
  });
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <TextField label={t('mentors.name')} autoComplete="off" {...form.field('name')} />
        <TextField
          label={t('mentors.email')}
          type="email"
          autoComplete="off"
          {...form.field('email')}
        />
        <TextField
          label={t('mentors.phone')}
          type="tel"
          optional
          width="m"
          {...form.field('phone')}
        />
        <Select
          label={t('mentors.site')}
          placeholder={t('mentors.anySite')}
          options={company.sites
            .filter((s) => !s.removedAt)
            .map((s) => ({ value: s.id, label: s.name }))}
          {...form.field('siteId')}
        />
        <TextField
          label={t('mentors.capacity')}
          hint={t('mentors.capacityHint')}
          inputMode="numeric"
          width="xs"
          {...form.field('capacity')}
        />
        {!mentor && (
          <ChoiceGroup legend={t('mentors.login')}>
            <CheckboxItem label={t('mentors.inviteNow')} {...form.register('invite')} />
          </ChoiceGroup>
        )}
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {tc('actions.save')}
        </button>
      </form>
    </>
  );
}
