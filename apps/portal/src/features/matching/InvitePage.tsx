import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import { useUser } from '@/auth/AuthProvider';
import {
  Alert,
  ChoiceGroup,
  ErrorSummary,
  PageTitle,
  QueryState,
  Radio,
  Select,
  TextField,
} from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import { graphql } from '@/gql';
import { formatDateTime } from '@/i18n/format';

const PartnerCompaniesDocument = graphql(`
  query MatchingInvitablePartners {
    jobCentrePartnerships {
      id
      status
      company {
        id
        name
        cvr
        admins {
          userId
        }
      }
    }
  }
`);

const InviteEmployerDocument = graphql(`
  mutation MatchingInviteEmployer($input: InviteCompanyUserInput!) {
    inviteCompanyUser(input: $input) {
      id
      displayName
      email
      expiresAt
    }
  }
`);

const CaseloadDocument = graphql(`
  query MatchingCaseload {
    citizens(filter: { assignedToMe: true, status: ACTIVE }, first: 100) {
      edges {
        node {
          id
          firstName
          lastName
          postalCode
        }
      }
    }
  }
`);

const InviteCitizenDocument = graphql(`
  mutation MatchingInviteCitizen($input: InviteCitizenInput!) {
    inviteCitizen(input: $input) {
      id
      displayName
      email
      expiresAt
    }
  }
`);

/** The Danish CVR number's modulus-11 check (as the API's). */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  return [...cvr].reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % 11 === 0;
}

interface Sent {
  displayName: string;
  email: string;
  expiresAt: string;
}

function EmployerInvite() {
  const { t } = useTranslation('matching');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const preset = params.get('virksomhed') ?? '';
  const [sent, setSent] = useState<Sent>();
  const partners = useQuery({
    queryKey: ['matching', 'invitablePartners'],
    queryFn: () => request(PartnerCompaniesDocument),
  });
  const companies = (partners.data?.jobCentrePartnerships ?? []).flatMap((p) =>
    p.status === 'ACTIVE' && p.company && p.company.admins.length === 0 ? [p.company] : [],
  );
  const schema = useMemo(
    () =>
      z
        .object({
          which: z.enum(['new', 'partner']),
          companyId: z.string(),
          companyCvr: z
            .string()
            .transform((v) => v.replace(/^\s*DK/i, '').replace(/[\s-]/g, ''))
            .refine((v) => v === '' || isValidCvr(v), t('invite.cvrInvalid')),
          displayName: z
            .string()
            .trim()
            .min(1, t('invite.nameRequired'))
            .max(200, tc('form.tooLong', { max: 200 })),
          email: z
            .string()
            .trim()
            .email(tc('form.invalidEmail'))
            .max(254, tc('form.tooLong', { max: 254 })),
          language: z.enum(['da', 'en']),
        })
        .refine((v) => v.which === 'new' || v.companyId !== '', {
          path: ['companyId'],
          message: t('invite.companyRequired'),
        }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: {
      which: preset ? 'partner' : 'new',
      companyId: preset,
      companyCvr: '',
      displayName: '',
      email: '',
      language: 'da',
    },
    onSubmit: async (v) => {
      const { inviteCompanyUser } = await request(InviteEmployerDocument, {
        input: {
          role: 'COMPANY_ADMIN',
          displayName: v.displayName,
          email: v.email,
          language: v.language,
          ...(v.which === 'partner'
            ? { companyId: v.companyId }
            : v.companyCvr
              ? { companyCvr: v.companyCvr }
              : {}),
        },
      });
      setSent(inviteCompanyUser);
    },
  });
  const which = form.watch('which');

  if (sent)
    return (
      <>
        <Alert kind="success">
          <p>
            {t('invite.employerSent', {
              name: sent.displayName,
              email: sent.email,
              expires: formatDateTime(sent.expiresAt),
            })}
          </p>
        </Alert>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            form.reset();
            setSent(undefined);
          }}
        >
          {t('invite.another')}
        </button>
      </>
    );
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form onSubmit={form.submit} noValidate>
        <ChoiceGroup legend={t('invite.which')}>
          <Radio label={t('invite.newCompany')} value="new" {...form.register('which')} />
          <Radio label={t('invite.partnerCompany')} value="partner" {...form.register('which')} />
        </ChoiceGroup>
        {which === 'partner' ? (
          companies.length === 0 && !partners.isPending ? (
            <p>{t('invite.noPartnerCompanies')}</p>
          ) : (
            <Select
              label={t('invite.company')}
              placeholder={t('invite.chooseCompany')}
              options={companies.map((c) => ({ value: c.id, label: `${c.name} (CVR ${c.cvr})` }))}
              {...form.field('companyId')}
            />
          )
        ) : (
          <TextField
            label={t('invite.cvr')}
            hint={t('invite.cvrHint')}
            inputMode="numeric"
            width="s"
            optional
            {...form.field('companyCvr')}
          />
        )}
        <TextField
          label={t('invite.displayName')}
          autoComplete="off"
          {...form.field('displayName')}
        />
        <TextField
          label={t('invite.email')}
          type="email"
          autoComplete="off"
          {...form.field('email')}
        />
        <Select
          label={t('invite.language')}
          options={[
            { value: 'da', label: t('invite.danish') },
            { value: 'en', label: t('invite.english') },
          ]}
          {...form.field('language')}
        />
        <button type="submit" className="button button-primary" disabled={form.submitting}>
          {t('invite.sendEmployer')}
        </button>
      </form>
    </>
  );
}

function CitizenInvite() {
  const { t } = useTranslation('matching');
  const [sent, setSent] = useState<Sent>();
  const caseload = useQuery({
    queryKey: ['matching', 'caseload'],
    queryFn: () => request(CaseloadDocument),
  });
  const schema = useMemo(
    () => z.object({ citizenId: z.string().min(1, t('invite.citizenRequired')) }),
    [t],
  );
  const form = useApiForm({
    schema,
    defaultValues: { citizenId: '' },
    onSubmit: async ({ citizenId }) => {
      const { inviteCitizen } = await request(InviteCitizenDocument, { input: { citizenId } });
      setSent(inviteCitizen);
    },
  });
  if (sent)
    return (
      <>
        <Alert kind="success">
          <p>
            {t('invite.citizenSent', {
              name: sent.displayName,
              email: sent.email,
              expires: formatDateTime(sent.expiresAt),
            })}
          </p>
        </Alert>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            form.reset();
            setSent(undefined);
          }}
        >
          {t('invite.another')}
        </button>
      </>
    );
  return (
    <QueryState
      query={caseload}
      isEmpty={(d) => d.citizens.edges.length === 0}
      empty={t('invite.noCitizens')}
    >
      {(d) => (
        <>
          <ErrorSummary {...form.summary} />
          <form onSubmit={form.submit} noValidate>
            <Select
              label={t('invite.citizen')}
              placeholder={t('invite.chooseCitizen')}
              options={d.citizens.edges.map(({ node: c }) => ({
                value: c.id,
                label: `${c.firstName} ${c.lastName} (${c.postalCode})`,
              }))}
              {...form.field('citizenId')}
            />
            <button type="submit" className="button button-primary" disabled={form.submitting}>
              {t('invite.sendCitizen')}
            </button>
          </form>
        </>
      )}
    </QueryState>
  );
}

/** Invite an employer (a new or partner company's administrator) or a citizen of my caseload. */
export function InvitePage() {
  const { t } = useTranslation('matching');
  const user = useUser();
  const employers = user.role === 'JOB_CONSULTANT' || user.role === 'ADMINISTRATOR';
  const citizens = user.role === 'JOB_CONSULTANT' || user.role === 'CASEWORKER';
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('invite.title')}</PageTitle>
        <p className="font-lead">{t('invite.intro')}</p>
        <section aria-labelledby="invite-employer-heading" className="mt-7">
          <h2 id="invite-employer-heading">{t('invite.employerHeading')}</h2>
          {employers ? (
            <>
              <p>{t('invite.employerIntro')}</p>
              <EmployerInvite />
            </>
          ) : (
            <p>{t('invite.employerNotForRole')}</p>
          )}
        </section>
        <section aria-labelledby="invite-citizen-heading" className="mt-8">
          <h2 id="invite-citizen-heading">{t('invite.citizenHeading')}</h2>
          {citizens ? (
            <>
              <p>{t('invite.citizenIntro')}</p>
              <CitizenInvite />
            </>
          ) : (
            <p>{t('invite.citizenNotForRole')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
