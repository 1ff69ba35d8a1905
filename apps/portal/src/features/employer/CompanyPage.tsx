import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { Loading, PageTitle, QueryState } from '@/components';
import { CompanyDocument } from './api';
import { AdminsSection, CompanyDetails, PartnershipsSection } from './CompanySections';
import { MentorsSection } from './MentorsSection';
import { RegisterCompanyForm } from './RegisterCompanyForm';
import { useMyCompany } from './shared';
import { SitesSection } from './SitesSection';

/**
 * `/virksomhed`: the company, its sites, mentors and administrators; a new employer without a
 * company registers it here first.
 */
export function CompanyPage() {
  const { t } = useTranslation('employer');
  const { query: companies, company: mine } = useMyCompany();
  const company = useQuery({
    queryKey: ['employer', 'company', mine?.id],
    queryFn: () => request(CompanyDocument, { id: mine!.id }),
    enabled: mine !== undefined,
  });
  return (
    <>
      <PageTitle>{mine?.name ?? t('company.title')}</PageTitle>
      {companies.isError ? (
        <QueryState query={companies}>{() => null}</QueryState>
      ) : companies.data && !mine ? (
        <RegisterCompanyForm />
      ) : !mine ? (
        <Loading />
      ) : (
        <QueryState query={company}>
          {({ company: c }) => (
            <div className="stack">
              <CompanyDetails company={c} />
              <SitesSection company={c} />
              <MentorsSection company={c} />
              <AdminsSection company={c} />
              <PartnershipsSection company={c} />
            </div>
          )}
        </QueryState>
      )}
    </>
  );
}
