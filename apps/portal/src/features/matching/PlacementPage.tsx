import { useQuery } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '@/api/client';
import { PageTitle, QueryState, Tag } from '@/components';
import { useFormatWorkingTimes } from '@/forms/workingTimes';
import { graphql } from '@/gql';
import { formatDate, formatNumber } from '@/i18n/format';
import { FactorTable, Score, useCatalogues, useHoursText, useMunicipalityName } from './shared';
import './matching.css';

const PlacementDocument = graphql(`
  query MatchingPlacement($id: ID!) {
    placement(id: $id) {
      id
      title
      status
      type
      description
      tasks
      weeklyHoursMin
      weeklyHoursMax
      scheduleNotes
      workingTimes {
        weekdays
        from
        until
      }
      startEarliest
      startLatest
      durationWeeks
      capacity
      accommodations
      accommodationNotes
      requirements
      requirementNotes
      ordinaryHoursPath {
        possible
        afterWeeks
        hoursPerWeek
      }
      occupation {
        id
        label
      }
      company {
        id
        name
      }
      site {
        id
        name
        streetAddress
        postalCode
        municipalityCode
      }
      mentor {
        id
        name
      }
    }
  }
`);

const CitizensDocument = graphql(`
  query MatchingCitizensForPlacement($placementId: ID!) {
    matchCitizensForPlacement(placementId: $placementId, first: 20) {
      citizenId
      firstName
      lastName
      score
      factors {
        factor
        value
        weight
        reason
      }
    }
  }
`);

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A slot's page for the job centre: its details in words and the citizens who fit it. */
export function PlacementPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('matching');
  const formatWorkingTimes = useFormatWorkingTimes();
  const catalogues = useCatalogues();
  const municipality = useMunicipalityName();
  const hoursText = useHoursText();
  const placement = useQuery({
    queryKey: ['matching', 'placement', id, i18n.language],
    queryFn: () => request(PlacementDocument, { id }),
  });
  const citizens = useQuery({
    queryKey: ['matching', 'citizensFor', id, i18n.language],
    queryFn: () => request(CitizensDocument, { placementId: id }),
  });
  const title = placement.data?.placement.title ?? t('slot.details');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/pladser">{t('slot.back')}</Link>
      </p>
      <QueryState query={placement}>
        {({ placement: p }) => (
          <>
            <p className="font-lead">
              {p.company.name} · {catalogues.data?.typeLabel(p.type)}{' '}
              <Tag kind={p.status === 'PUBLISHED' ? 'success' : 'neutral'}>
                {t(`placementStatus.${p.status}`)}
              </Tag>
            </p>
            <div className="row">
              <section className="col-12 col-lg-6" aria-labelledby="slot-details-heading">
                <h2 id="slot-details-heading">{t('slot.details')}</h2>
                <dl className="slot-facts">
                  <Fact term={t('slot.occupation')}>{p.occupation.label}</Fact>
                  <Fact term={t('slot.company')}>{p.company.name}</Fact>
                  {p.site && (
                    <Fact term={t('slot.site')}>
                      {p.site.name}, {p.site.streetAddress}, {p.site.postalCode} (
                      {municipality(p.site.municipalityCode)})
                    </Fact>
                  )}
                  {p.mentor && <Fact term={t('slot.mentor')}>{p.mentor.name}</Fact>}
                  <Fact term={t('slot.hours')}>
                    {hoursText(p.weeklyHoursMin, p.weeklyHoursMax)}
                  </Fact>
                  {p.workingTimes && (
                    <Fact term={t('slot.workingTimes')}>{formatWorkingTimes(p.workingTimes)}</Fact>
                  )}
                  {p.scheduleNotes && <Fact term={t('slot.schedule')}>{p.scheduleNotes}</Fact>}
                  <Fact term={t('slot.start')}>
                    {p.startLatest
                      ? t('slot.startWindow', {
                          from: formatDate(p.startEarliest),
                          to: formatDate(p.startLatest),
                        })
                      : t('slot.startFromOnly', { from: formatDate(p.startEarliest) })}
                  </Fact>
                  <Fact term={t('slot.duration')}>
                    {t('common.weeks', { count: p.durationWeeks })}
                  </Fact>
                  <Fact term={t('slot.capacity')}>{formatNumber(p.capacity)}</Fact>
                  <Fact term={t('slot.ordinaryHours')}>
                    {!p.ordinaryHoursPath.possible
                      ? t('slot.ordinaryNot')
                      : p.ordinaryHoursPath.afterWeeks != null &&
                          p.ordinaryHoursPath.hoursPerWeek != null
                        ? t('slot.ordinaryPossible', {
                            weeks: p.ordinaryHoursPath.afterWeeks,
                            hours: formatNumber(p.ordinaryHoursPath.hoursPerWeek, 1),
                          })
                        : t('slot.ordinaryPossibleOpen')}
                  </Fact>
                  <Fact term={t('slot.accommodations')}>
                    {p.accommodations.length
                      ? p.accommodations
                          .map((a) => catalogues.data?.accommodationLabel(a))
                          .join(', ')
                      : t('slot.none')}
                  </Fact>
                  {p.accommodationNotes && (
                    <Fact term={t('slot.accommodationNotes')}>{p.accommodationNotes}</Fact>
                  )}
                  <Fact term={t('slot.requirements')}>
                    {p.requirements.length
                      ? p.requirements.map((r) => catalogues.data?.requirementLabel(r)).join(', ')
                      : t('slot.none')}
                  </Fact>
                  {p.requirementNotes && (
                    <Fact term={t('slot.requirementNotes')}>{p.requirementNotes}</Fact>
                  )}
                </dl>
              </section>
              <section className="col-12 col-lg-6" aria-labelledby="slot-text-heading">
                <h2 id="slot-text-heading">{t('slot.description')}</h2>
                <p>{p.description}</p>
                <h3>{t('slot.tasks')}</h3>
                <ul>
                  {p.tasks.map((task) => (
                    <li key={task}>{task}</li>
                  ))}
                </ul>
              </section>
            </div>
          </>
        )}
      </QueryState>

      <section aria-labelledby="slot-citizens-heading" className="mt-8">
        <h2 id="slot-citizens-heading">{t('slot.citizensHeading')}</h2>
        <p>{t('slot.citizensIntro')}</p>
        <QueryState
          query={citizens}
          isEmpty={(d) => d.matchCitizensForPlacement.length === 0}
          empty={t('slot.citizensEmpty')}
        >
          {(d) => (
            <ol className="nobullet-list">
              {d.matchCitizensForPlacement.map((c) => {
                const name = `${c.firstName} ${c.lastName}`;
                return (
                  <li key={c.citizenId} className="match-result">
                    <h3 className="h4 mb-2">
                      <Link to={`/borgere/${c.citizenId}`}>{name}</Link>
                    </h3>
                    <p className="match-meta">
                      <Score score={c.score} />
                    </p>
                    <details className="details">
                      <summary className="details-summary">
                        <span className="details-summary-text">{t('slot.why', { name })}</span>
                      </summary>
                      <div className="details-text">
                        <FactorTable
                          factors={c.factors}
                          caption={`${t('factorTable.caption')}: ${name}`}
                        />
                      </div>
                    </details>
                  </li>
                );
              })}
            </ol>
          )}
        </QueryState>
      </section>
    </>
  );
}
