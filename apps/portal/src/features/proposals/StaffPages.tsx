import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '@/api/client';
import { ErrorMessage, Loading, PageTitle, QueryState } from '@/components';
import { formatDate } from '@/i18n/format';
import { CitizenProposalsDocument, OpenProposalsDocument, StaffProposalDocument } from './api';
import { MoreButton, PAGE_SIZE, ProposalStatusTag, usePagedProposals, usePeriod } from './shared';
import { StaffProposalBody, type StaffProposalData } from './StaffProposal';

/** The "Forslag" tab of a citizen's page: every proposal to them, newest first. */
export function CitizenProposalsTab({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation('proposals');
  const { query, nodes } = usePagedProposals(
    ['proposals', 'citizen', citizenId],
    (after) => request(CitizenProposalsDocument, { citizenId, first: PAGE_SIZE, after }),
    (page) => page.proposals,
  );
  return (
    <>
      <h2>{t('staff.tabHeading')}</h2>
      <p>{t('staff.tabIntro')}</p>
      <QueryState query={query} isEmpty={() => nodes.length === 0} empty={t('staff.tabEmpty')}>
        {() => (
          <>
            <ul className="nobullet-list">
              {nodes.map((node) => (
                <li key={node.id}>
                  <ProposalCard proposal={node} />
                </li>
              ))}
            </ul>
            <MoreButton query={query} label={t('staff.more')} />
          </>
        )}
      </QueryState>
    </>
  );
}

function ProposalCard({ proposal: p }: { proposal: StaffProposalData }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `proposal-${p.id}`;
  return (
    <article className="proposal-card" aria-labelledby={id}>
      <h3 id={id} ref={heading} tabIndex={-1} className="h4 mt-0 mb-2">
        <Link to={`/forslag/${p.id}`}>{p.placement.title}</Link>
      </h3>
      <p className="mt-0 mb-2">
        {p.placement.companyName} · {p.placement.typeLabel}
      </p>
      <StaffProposalBody proposal={p} level={4} focusAfter={() => heading.current} />
    </article>
  );
}

/** `/forslag`: the job centre's open proposals and bookings, the longest waiting first. */
export function ProposalsPage() {
  const { t } = useTranslation('proposals');
  const period = usePeriod();
  const {
    query: proposals,
    nodes,
    total,
  } = usePagedProposals(
    ['proposals', 'open'],
    (after) => request(OpenProposalsDocument, { first: PAGE_SIZE, after }),
    (page) => page.proposals,
  );
  const rows = [...nodes].sort((a, b) => b.ageDays - a.ageDays);
  return (
    <>
      <PageTitle>{t('staff.listTitle')}</PageTitle>
      <p className="font-lead">{t('staff.listIntro')}</p>
      <p role="status">{proposals.data ? t('staff.listCount', { count: total }) : ''}</p>
      {proposals.isPending ? (
        <Loading />
      ) : proposals.isError ? (
        <ErrorMessage error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : rows.length === 0 ? (
        <p className="empty-state">{t('staff.listEmpty')}</p>
      ) : (
        <>
          <div className="table--responsive-scroll">
            <table className="table">
              <caption className="sr-only">{t('staff.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.citizen')}</th>
                  <th scope="col">{t('staff.slot')}</th>
                  <th scope="col">{t('common.statusLabel')}</th>
                  <th scope="col" className="align-text-right">
                    {t('common.ageLabel')}
                  </th>
                  <th scope="col">{t('common.periodLabel')}</th>
                  <th scope="col">{t('common.dueLabel')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('staff.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => {
                  const name = p.citizen ? `${p.citizen.firstName} ${p.citizen.lastName}` : '';
                  return (
                    <tr key={p.id}>
                      <td>
                        {p.citizen ? <Link to={`/borgere/${p.citizen.id}`}>{name}</Link> : '–'}
                      </td>
                      <td>
                        {p.placement.title}
                        <span className="d-block form-hint">{p.placement.companyName}</span>
                      </td>
                      <td>
                        <ProposalStatusTag status={p.status} label={p.statusLabel} />
                      </td>
                      <td className="align-text-right">
                        {p.ageDays === 0
                          ? t('common.ageToday')
                          : t('common.age', { count: p.ageDays })}
                      </td>
                      <td>{period(p.start, p.end)}</td>
                      <td>{p.answerDueAt ? formatDate(p.answerDueAt) : '–'}</td>
                      <td>
                        <Link
                          to={`/forslag/${p.id}`}
                          aria-label={t('staff.openLabel', {
                            citizen: name,
                            title: p.placement.title,
                          })}
                        >
                          {t('staff.open')}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <MoreButton query={proposals} label={t('staff.more')} />
        </>
      )}
    </>
  );
}

/** `/forslag/:id` (mails link here): one proposal with its history and what to do next. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('proposals');
  const proposal = useQuery({
    queryKey: ['proposals', 'one', id],
    queryFn: () => request(StaffProposalDocument, { id }),
  });
  if (proposal.isPending) return <Loading />;
  if (proposal.isError)
    return (
      <>
        <PageTitle>{t('staff.proposalTitleShort')}</PageTitle>
        <ErrorMessage error={proposal.error} onRetry={() => void proposal.refetch()} />
        <p>
          <Link to="/forslag">{t('staff.back')}</Link>
        </p>
      </>
    );
  const p = proposal.data.proposal;
  const name = p.citizen ? `${p.citizen.firstName} ${p.citizen.lastName}` : '';
  return (
    <>
      <p>
        <Link to="/forslag">{t('staff.back')}</Link>
      </p>
      <PageTitle>{t('staff.proposalTitle', { title: p.placement.title, name })}</PageTitle>
      <p className="font-lead">
        {p.placement.companyName} · {p.placement.typeLabel}
      </p>
      {p.citizen && (
        <p>
          <Link to={`/borgere/${p.citizen.id}`}>{t('staff.toCitizen', { name })}</Link>
        </p>
      )}
      <div className="row">
        <div className="col-12 col-lg-8">
          <StaffProposalBody
            proposal={p}
            level={2}
            focusAfter={() => document.querySelector<HTMLElement>('main h1')}
          />
        </div>
      </div>
    </>
  );
}
