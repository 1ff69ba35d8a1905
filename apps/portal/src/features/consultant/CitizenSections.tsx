import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorMessage, Loading, Tag } from '@/components';
import type { ConsultantCitizenSensitiveQuery } from '@/gql/graphql';
import { formatDate, formatNumber } from '@/i18n/format';
import type { CitizenData } from './CitizenPage';
import { StatusTag } from './StatusTag';

/** Name, contact, contact preference and the target group with its dates. */
export function OverviewSection({ citizen: c }: { citizen: CitizenData }) {
  const { t } = useTranslation('consultant');
  const dash = t('overview.notRecorded');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h2>{t('overview.heading')}</h2>
      <dl className="citizen-facts">
        <dt>{t('overview.status')}</dt>
        <dd>
          <StatusTag status={c.status} />
        </dd>
        <dt>{t('overview.email')}</dt>
        <dd>{c.email ?? dash}</dd>
        <dt>{t('overview.phone')}</dt>
        <dd>{c.phone ?? dash}</dd>
        <dt>{t('overview.postalCode')}</dt>
        <dd>{c.postalCode}</dd>
        <dt>{t('overview.birthDate')}</dt>
        <dd>{c.birthDate ? formatDate(c.birthDate) : dash}</dd>
        <dt>{t('overview.contactPreference')}</dt>
        <dd>{c.contactPreference ? t(`overview.contact.${c.contactPreference}`) : dash}</dd>
        <dt>{t('overview.login')}</dt>
        <dd>{c.hasLogin ? t('overview.hasLogin') : t('overview.noLogin')}</dd>
      </dl>
      <h3>{t('overview.targetGroups')}</h3>
      {c.targetGroups.length === 0 ? (
        <EmptyState>{t('overview.noTargetGroup')}</EmptyState>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('overview.targetGroup')}</th>
              <th scope="col">{t('overview.from')}</th>
              <th scope="col">{t('overview.to')}</th>
            </tr>
          </thead>
          <tbody>
            {c.targetGroups.map((g) => {
              const current = g.validFrom <= today && (!g.validTo || g.validTo >= today);
              return (
                <tr key={`${g.targetGroup}-${g.validFrom}`}>
                  <td>
                    {g.label} {current && <Tag kind="info">{t('overview.current')}</Tag>}
                  </td>
                  <td>{formatDate(g.validFrom)}</td>
                  <td>{g.validTo ? formatDate(g.validTo) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The job goals, in the citizen's own words first. */
export function GoalsSection({ citizen: c }: { citizen: CitizenData }) {
  const { t } = useTranslation('consultant');
  const goals = [...c.jobGoals].sort((a, b) => a.priority - b.priority);
  return (
    <>
      <h2>{t('goals.heading')}</h2>
      {goals.length === 0 ? (
        <EmptyState>{t('goals.empty')}</EmptyState>
      ) : (
        <ol className="goal-list">
          {goals.map((g) => (
            <li key={g.id} className="mb-6">
              <blockquote className="citizen-words">{g.ownWords}</blockquote>
              <dl className="citizen-facts">
                {g.hoursNow != null && (
                  <>
                    <dt>{t('goals.hoursNow')}</dt>
                    <dd>{formatNumber(g.hoursNow, 1)}</dd>
                  </>
                )}
                {g.hoursLater != null && (
                  <>
                    <dt>{t('goals.hoursLater')}</dt>
                    <dd>{formatNumber(g.hoursLater, 1)}</dd>
                  </>
                )}
                {g.maxCommuteKm != null && (
                  <>
                    <dt>{t('goals.commute')}</dt>
                    <dd>{t('goals.commuteKm', { km: formatNumber(g.maxCommuteKm) })}</dd>
                  </>
                )}
                {g.earliestStart && (
                  <>
                    <dt>{t('goals.earliestStart')}</dt>
                    <dd>{formatDate(g.earliestStart)}</dd>
                  </>
                )}
                {g.conditions && (
                  <>
                    <dt>{t('goals.conditions')}</dt>
                    <dd>{g.conditions}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Accommodations with their catalogue labels, and (for the team) the special-category notes. */
export function NeedsSection({
  citizen: c,
  catalogue,
  sensitive,
}: {
  citizen: CitizenData;
  catalogue?: { code: string; label: string }[];
  sensitive?: UseQueryResult<ConsultantCitizenSensitiveQuery>;
}) {
  const { t } = useTranslation('consultant');
  const label = (code: string) => catalogue?.find((a) => a.code === code)?.label;
  const needs = sensitive?.data?.citizen.needs;
  return (
    <>
      <h2>{t('needs.heading')}</h2>
      {!c.needs ? (
        <EmptyState>{t('needs.notRecorded')}</EmptyState>
      ) : (
        <>
          <h3>{t('needs.accommodations')}</h3>
          {c.needs.accommodations.length === 0 ? (
            <EmptyState>{t('needs.noAccommodations')}</EmptyState>
          ) : !catalogue ? (
            <Loading />
          ) : (
            <ul>
              {c.needs.accommodations.map((code) => (
                <li key={code}>{label(code) ?? t('needs.none')}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {sensitive && (
        <section aria-labelledby="sensitive-needs-heading" className="mt-6">
          <h3 id="sensitive-needs-heading">{t('needs.sensitive')}</h3>
          {sensitive.isPending ? (
            <Loading />
          ) : sensitive.isError ? (
            <ErrorMessage error={sensitive.error} onRetry={() => void sensitive.refetch()} />
          ) : (
            <dl className="citizen-facts">
              <dt>{t('needs.accommodationNotes')}</dt>
              <dd>{needs?.accommodationNotes || t('needs.none')}</dd>
              <dt>{t('needs.functionalLimits')}</dt>
              <dd>{needs?.functionalLimits || t('needs.none')}</dd>
              <dt>{t('needs.supportNeeds')}</dt>
              <dd>{needs?.supportNeeds || t('needs.none')}</dd>
            </dl>
          )}
        </section>
      )}
    </>
  );
}

/** What the citizen agreed to share, read-only (only the citizen grants and withdraws). */
export function ConsentsSection({ citizen: c }: { citizen: CitizenData }) {
  const { t } = useTranslation('consultant');
  return (
    <>
      <h2>{t('consents.heading')}</h2>
      <p>{t('consents.intro')}</p>
      {c.consents.length === 0 ? (
        <EmptyState>{t('consents.empty')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('consents.company')}</th>
              <th scope="col">{t('consents.purpose')}</th>
              <th scope="col">{t('consents.scopes')}</th>
              <th scope="col">{t('consents.granted')}</th>
              <th scope="col">{t('consents.state')}</th>
            </tr>
          </thead>
          <tbody>
            {c.consents.map((consent) => (
              <tr key={consent.id}>
                <td>{consent.companyName}</td>
                <td>{consent.purpose}</td>
                <td>
                  <ul className="nobullet-list">
                    {consent.scopes.map((s) => (
                      <li key={s}>{t(`scope.${s}`)}</li>
                    ))}
                  </ul>
                </td>
                <td>{formatDate(consent.grantedAt)}</td>
                <td>
                  {consent.withdrawnAt ? (
                    <Tag>{t('consents.withdrawn', { date: formatDate(consent.withdrawnAt) })}</Tag>
                  ) : (
                    <Tag kind="success">{t('consents.active')}</Tag>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Who does what around the citizen. */
export function TeamSection({ citizen: c, userId }: { citizen: CitizenData; userId: string }) {
  const { t } = useTranslation('consultant');
  return (
    <>
      <h2>{t('team.heading')}</h2>
      <p>{t('team.intro')}</p>
      {c.team.length === 0 ? (
        <EmptyState>{t('team.empty')}</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('team.name')}</th>
              <th scope="col">{t('team.role')}</th>
              <th scope="col">{t('team.email')}</th>
            </tr>
          </thead>
          <tbody>
            {c.team.map((m) => (
              <tr key={`${m.userId}-${m.role}`}>
                <td>
                  {m.displayName} {m.userId === userId && t('team.you')}
                </td>
                <td>{t(`assignmentRole.${m.role}`)}</td>
                <td>
                  <a href={`mailto:${m.email}`}>{m.email}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
