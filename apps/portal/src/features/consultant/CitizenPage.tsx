import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { downloadFile, request } from '@/api/client';
import { useUser } from '@/auth/AuthProvider';
import { Alert, ErrorMessage, Loading, PageTitle, Tabs, useErrorText } from '@/components';
import { CitizenProposalsTab } from '@/features/proposals/StaffPages';
import type { ConsultantCitizenQuery } from '@/gql/graphql';
import { CataloguesDocument, CitizenDocument, CitizenSensitiveDocument } from './api';
import { AssessmentsTab } from './AssessmentsTab';
import {
  ConsentsSection,
  GoalsSection,
  NeedsSection,
  OverviewSection,
  TeamSection,
} from './CitizenSections';
import { MeetingsTab } from './MeetingsTab';
import { PlanTab } from './PlanTab';
import { WorkProfileTab } from './WorkProfileTab';
import './consultant.css';

export type CitizenData = ConsultantCitizenQuery['citizen'];

export const citizenQueryKey = (id: string) => ['consultant', 'citizen', id] as const;

/** `/borgere/:id`: one citizen's case in tabs, as much as the API lets the reader see. */
export function CitizenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('consultant');
  const { t: tp } = useTranslation('proposals');
  const user = useUser();
  const citizen = useQuery({
    queryKey: citizenQueryKey(id),
    queryFn: () => request(CitizenDocument, { id }),
  });
  const onTeam = citizen.data?.citizen.team.some((m) => m.userId === user.id) ?? false;
  // Health and social data: only the team may read it (anyone else is refused, and audited).
  const sensitive = useQuery({
    queryKey: [...citizenQueryKey(id), 'sensitive'],
    queryFn: () => request(CitizenSensitiveDocument, { id }),
    enabled: onTeam,
  });
  const catalogues = useQuery({
    queryKey: ['consultant', 'catalogues'],
    queryFn: () => request(CataloguesDocument),
    staleTime: 10 * 60_000,
  });

  if (citizen.isPending) return <Loading />;
  if (citizen.isError)
    return (
      <>
        <PageTitle>{t('caseload.title')}</PageTitle>
        <ErrorMessage error={citizen.error} onRetry={() => void citizen.refetch()} />
        <p>
          <Link to="/borgere">{t('citizen.back')}</Link>
        </p>
      </>
    );

  const c = citizen.data.citizen;
  // A social-support (CTI) worker reads the case but does not change it (the API refuses).
  const canEdit = user.role !== 'SOCIAL_SUPPORT_WORKER';
  const name = `${c.firstName} ${c.lastName}`;
  return (
    <>
      <p className="d-print-none">
        <Link to="/borgere">{t('citizen.back')}</Link>
      </p>
      <PageTitle>{name}</PageTitle>
      <div className="d-flex flex-wrap align-items-center mb-6">
        {canEdit && (
          <Link to={`/borgere/${c.id}/match`} className="button button-primary mr-4 mb-2">
            {t('citizen.findPlacements')}
          </Link>
        )}
        <PlanDownload citizenId={c.id} name={name} />
      </div>
      {c.specialCategoryHidden && <Alert kind="info">{t('citizen.hiddenNotice')}</Alert>}
      <Tabs
        label={t('citizen.tabs')}
        items={[
          {
            key: 'overview',
            label: t('citizen.tab.overview'),
            content: <OverviewSection citizen={c} />,
          },
          { key: 'goals', label: t('citizen.tab.goals'), content: <GoalsSection citizen={c} /> },
          {
            key: 'needs',
            label: t('citizen.tab.needs'),
            content: (
              <NeedsSection
                citizen={c}
                catalogue={catalogues.data?.accommodationCatalogue}
                sensitive={onTeam ? sensitive : undefined}
              />
            ),
          },
          {
            key: 'workProfile',
            label: t('citizen.tab.workProfile'),
            content: (
              <WorkProfileTab
                citizen={c}
                canEdit={canEdit}
                catalogue={catalogues.data?.requirementCatalogue}
              />
            ),
          },
          {
            key: 'plan',
            label: t('citizen.tab.plan'),
            content: <PlanTab citizen={c} canEdit={canEdit} />,
          },
          // Proposals are the job centre's staff's (a CTI worker is not offered them).
          ...(canEdit
            ? [
                {
                  key: 'proposals',
                  label: tp('staff.tab'),
                  content: <CitizenProposalsTab citizenId={c.id} />,
                },
              ]
            : []),
          {
            key: 'meetings',
            label: t('citizen.tab.meetings'),
            content: (
              <MeetingsTab
                citizen={c}
                canEdit={canEdit}
                sensitiveMeetings={onTeam ? sensitive.data?.citizen.meetings : undefined}
              />
            ),
          },
          {
            key: 'assessments',
            label: t('citizen.tab.assessments'),
            content: (
              <AssessmentsTab citizen={c} dimensions={catalogues.data?.assessmentDimensions} />
            ),
          },
          {
            key: 'consents',
            label: t('citizen.tab.consents'),
            content: <ConsentsSection citizen={c} />,
          },
          {
            key: 'team',
            label: t('citizen.tab.team'),
            content: <TeamSection citizen={c} userId={user.id} />,
          },
        ]}
      />
    </>
  );
}

/** The plan as the PDF the API renders (the same the citizen can take home). */
function PlanDownload({ citizenId, name }: { citizenId: string; name: string }) {
  const { t } = useTranslation('consultant');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fileName = `handleplan-${name.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-')}.pdf`;
  return (
    <>
      <button
        type="button"
        className="button button-secondary mb-2"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          downloadFile(`/citizens/${citizenId}/plan.pdf`, fileName)
            .catch((e: unknown) => setError(`${t('citizen.downloadFailed')} ${errorText(e)}`))
            .finally(() => setBusy(false));
        }}
      >
        {t('citizen.downloadPlan')}
      </button>
      {error && (
        <div className="w-percent-100">
          <Alert kind="error">{error}</Alert>
        </div>
      )}
    </>
  );
}
