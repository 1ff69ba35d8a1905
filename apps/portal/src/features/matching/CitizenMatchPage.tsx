import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import {
  CheckboxItem,
  ChoiceGroup,
  ErrorSummary,
  type SummaryItem,
  PageTitle,
  QueryState,
  Select,
  TextField,
} from '@/components';
import { graphql } from '@/gql';
import type { Accommodation, PlacementSearchFilter, PlacementType } from '@/gql/graphql';
import { municipalityOptions } from './municipalities';
import { type ChosenOccupation, OccupationFilter } from './OccupationFilter';
import { ProposeButton } from '@/features/proposals/ProposeButton';
import { formatDate } from '@/i18n/format';
import { ExplainButton, FactorTable, formatKm, Score, useCatalogues } from './shared';
import './matching.css';

const CitizenDocument = graphql(`
  query MatchingCitizen($id: ID!) {
    citizen(id: $id) {
      id
      firstName
      lastName
      postalCode
    }
  }
`);

const HomeDocument = graphql(`
  query MatchingHome($code: String!) {
    postalCode(code: $code) {
      code
      latitude
      longitude
    }
  }
`);

const MatchDocument = graphql(`
  query MatchingPlacementsForCitizen($citizenId: ID!, $filter: PlacementSearchFilter) {
    matchPlacementsForCitizen(citizenId: $citizenId, filter: $filter, first: 20) {
      placementId
      title
      score
      freeSeats
      previousProposal {
        id
        at
        statusLabel
        reasonLabel
      }
      factors {
        factor
        value
        weight
        reason
      }
    }
  }
`);

/**
 * The slots the consultant may see, nearest the citizen's home first: the distance of each match,
 * and the other slots to ask "why not?" about (as many as the API's cost limit allows at once).
 */
const NearbyDocument = graphql(`
  query MatchingNearbySlots($near: GeoPointInput) {
    searchPlacements(near: $near, sort: DISTANCE, first: 75) {
      edges {
        distanceKm
        node {
          id
          title
          type
          company {
            name
          }
        }
      }
    }
  }
`);

interface FilterValues {
  types: PlacementType[];
  accommodations: Accommodation[];
  hours: string;
  startBy: string;
  municipalityCode: string;
}

const EMPTY: FilterValues = {
  types: [],
  accommodations: [],
  hours: '',
  startBy: '',
  municipalityCode: '',
};

/** "Find praktikpladser" for one citizen: the explained match list, filters and "why not?". */
export function CitizenMatchPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('matching');
  const { t: tc } = useTranslation();
  const { t: tp } = useTranslation('proposals');
  const catalogues = useCatalogues();

  const [form, setForm] = useState<FilterValues>(EMPTY);
  const [occupation, setOccupation] = useState<ChosenOccupation | null>(null);
  const [applied, setApplied] = useState<PlacementSearchFilter | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const schema = useMemo(
    () =>
      z.object({
        hours: z
          .string()
          .trim()
          .refine(
            (v) => v === '' || !Number.isNaN(Number(v.replace(',', '.'))),
            tc('form.notANumber'),
          )
          .refine(
            (v) => {
              const n = Number(v.replace(',', '.'));
              return v === '' || (n >= 1 && n <= 48);
            },
            tc('form.numberRange', { min: 1, max: 48 }),
          ),
        startBy: z
          .string()
          .trim()
          .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), tc('form.invalidDate')),
        municipalityCode: z
          .string()
          .trim()
          .refine(
            (v) => v === '' || (/^\d{3}$/.test(v) && Number(v) >= 100),
            tc('form.numberRange', { min: 100, max: 999 }),
          ),
      }),
    [tc],
  );

  const citizen = useQuery({
    queryKey: ['matching', 'citizen', id],
    queryFn: () => request(CitizenDocument, { id }),
  });
  const postal = citizen.data?.citizen.postalCode;
  const home = useQuery({
    queryKey: ['matching', 'home', postal],
    enabled: !!postal,
    queryFn: () => request(HomeDocument, { code: postal! }),
  });
  const near = home.data?.postalCode
    ? { latitude: home.data.postalCode.latitude, longitude: home.data.postalCode.longitude }
    : undefined;
  const matches = useQuery({
    queryKey: ['matching', 'forCitizen', id, applied, i18n.language],
    queryFn: () => request(MatchDocument, { citizenId: id, filter: applied }),
  });
  const nearby = useQuery({
    queryKey: ['matching', 'nearby', near, i18n.language],
    enabled: home.isFetched,
    queryFn: () => request(NearbyDocument, { near }),
  });

  const slots = new Map(nearby.data?.searchPlacements.edges.map((e) => [e.node.id, e]) ?? []);
  const name = citizen.data
    ? `${citizen.data.citizen.firstName} ${citizen.data.citizen.lastName}`
    : '';
  const title = name ? t('match.title', { name }) : t('match.titleShort');

  const toggle = <K extends 'types' | 'accommodations'>(key: K, value: FilterValues[K][number]) =>
    setForm((f) => {
      const list = f[key] as string[];
      return {
        ...f,
        [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value],
      };
    });

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = schema.safeParse(form);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    const filter: PlacementSearchFilter = {};
    if (form.types.length) filter.types = form.types;
    if (form.accommodations.length) filter.accommodations = form.accommodations;
    if (form.hours.trim()) filter.hours = Number(form.hours.trim().replace(',', '.'));
    if (form.startBy.trim()) filter.startBy = form.startBy.trim();
    if (form.municipalityCode.trim()) filter.municipalityCode = Number(form.municipalityCode);
    if (occupation) filter.iscoCode = occupation.iscoCode;
    setApplied(Object.keys(filter).length ? filter : undefined);
  };
  const summary: SummaryItem[] = Object.entries(errors).map(([field, message]) => ({
    fieldId: `match-${field}`,
    message,
  }));

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {citizen.isError ? (
        <QueryState query={citizen}>{() => null}</QueryState>
      ) : (
        <>
          <p className="font-lead">{t('match.intro')}</p>
          <p>
            <Link to={`/borgere/${id}`}>{t('match.backToCitizen')}</Link>
          </p>

          <div className="row">
            <div className="col-12 col-lg-4">
              <section aria-labelledby="match-filters-heading" className="match-filters">
                <h2 id="match-filters-heading" className="h3">
                  {t('match.filtersHeading')}
                </h2>
                <ErrorSummary items={summary} />
                <form onSubmit={apply} noValidate>
                  <OccupationFilter value={occupation} onChange={setOccupation} />
                  {catalogues.data && (
                    <>
                      <ChoiceGroup legend={t('match.types')}>
                        {catalogues.data.types.map((type) => (
                          <CheckboxItem
                            key={type.code}
                            label={type.label}
                            checked={form.types.includes(type.code)}
                            onChange={() => toggle('types', type.code)}
                          />
                        ))}
                      </ChoiceGroup>
                      <ChoiceGroup legend={t('match.accommodations')}>
                        {catalogues.data.accommodations.map((a) => (
                          <CheckboxItem
                            key={a.code}
                            label={a.label}
                            checked={form.accommodations.includes(a.code)}
                            onChange={() => toggle('accommodations', a.code)}
                          />
                        ))}
                      </ChoiceGroup>
                    </>
                  )}
                  <TextField
                    id="match-hours"
                    label={t('match.hours')}
                    hint={t('match.hoursHint')}
                    inputMode="decimal"
                    width="xs"
                    optional
                    value={form.hours}
                    error={errors.hours}
                    onChange={(e) => setForm({ ...form, hours: e.target.value })}
                  />
                  <TextField
                    id="match-startBy"
                    label={t('match.startBy')}
                    type="date"
                    optional
                    value={form.startBy}
                    error={errors.startBy}
                    onChange={(e) => setForm({ ...form, startBy: e.target.value })}
                  />
                  <Select
                    id="match-municipalityCode"
                    label={t('match.municipality')}
                    optional
                    value={form.municipalityCode}
                    error={errors.municipalityCode}
                    onChange={(e) => setForm({ ...form, municipalityCode: e.target.value })}
                    placeholder={t('match.anyMunicipality')}
                    options={municipalityOptions().map((m) => ({
                      value: String(m.code),
                      label: m.name,
                    }))}
                  />
                  <div className="d-flex flex-wrap">
                    <button type="submit" className="button button-primary mr-4">
                      {t('match.apply')}
                    </button>
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => {
                        setForm(EMPTY);
                        setOccupation(null);
                        setErrors({});
                        setApplied(undefined);
                      }}
                    >
                      {t('match.reset')}
                    </button>
                  </div>
                </form>
              </section>
            </div>

            <div className="col-12 col-lg-8">
              <section aria-labelledby="match-results-heading">
                <h2 id="match-results-heading">{t('match.resultsHeading')}</h2>
                <p role="status" className="match-count">
                  {matches.data
                    ? t('match.resultCount', {
                        count: matches.data.matchPlacementsForCitizen.length,
                      })
                    : ''}
                </p>
                <QueryState
                  query={matches}
                  isEmpty={(d) => d.matchPlacementsForCitizen.length === 0}
                  empty={t('match.empty')}
                >
                  {(d) => (
                    <ol className="match-list nobullet-list">
                      {d.matchPlacementsForCitizen.map((m, i) => {
                        const slot = slots.get(m.placementId);
                        return (
                          <li key={m.placementId} className="match-result">
                            <article aria-labelledby={`match-${m.placementId}`}>
                              <h3 id={`match-${m.placementId}`} className="h4 mb-2">
                                <span className="sr-only">
                                  {t('match.rank', { rank: i + 1 })}:{' '}
                                </span>
                                <Link to={`/pladser/${m.placementId}`}>{m.title}</Link>
                              </h3>
                              <p className="match-meta">
                                <Score score={m.score} />{' '}
                                <span>
                                  {t('common.distance')}:{' '}
                                  {slot?.distanceKm != null
                                    ? t('common.km', { km: formatKm(slot.distanceKm) })
                                    : t('common.distanceUnknown')}
                                </span>
                                {slot && (
                                  <>
                                    {' · '}
                                    <span>{slot.node.company.name}</span>
                                    {' · '}
                                    <span>{catalogues.data?.typeLabel(slot.node.type)}</span>
                                  </>
                                )}
                                {' · '}
                                <span>{tp('propose.freeSeats', { count: m.freeSeats })}</span>
                              </p>
                              {m.previousProposal && (
                                <p className="match-proposal">
                                  {m.previousProposal.reasonLabel
                                    ? tp('propose.previousWithReason', {
                                        status: m.previousProposal.statusLabel,
                                        reason: m.previousProposal.reasonLabel,
                                      })
                                    : tp('propose.previous', {
                                        status: m.previousProposal.statusLabel,
                                      })}{' '}
                                  <Link to={`/forslag/${m.previousProposal.id}`}>
                                    {tp('propose.previousLink', {
                                      date: formatDate(m.previousProposal.at),
                                    })}
                                  </Link>
                                </p>
                              )}
                              <div className="match-proposal">
                                <ProposeButton
                                  citizenId={id}
                                  citizenName={name}
                                  placementId={m.placementId}
                                  title={m.title}
                                />
                              </div>
                              <FactorTable
                                factors={m.factors}
                                caption={`${t('factorTable.caption')}: ${m.title}`}
                              />
                              <ExplainButton
                                kind="explain"
                                citizenId={id}
                                placementId={m.placementId}
                                title={m.title}
                              />
                            </article>
                          </li>
                        );
                      })}
                    </ol>
                  )}
                </QueryState>
              </section>

              <section aria-labelledby="match-others-heading" className="mt-8">
                <h2 id="match-others-heading">{t('match.othersHeading')}</h2>
                <p>{t('match.othersIntro')}</p>
                <QueryState
                  query={nearby}
                  isEmpty={(d) =>
                    d.searchPlacements.edges.every((e) =>
                      matches.data?.matchPlacementsForCitizen.some(
                        (m) => m.placementId === e.node.id,
                      ),
                    )
                  }
                  empty={t('match.othersEmpty')}
                >
                  {(d) => (
                    <ul className="nobullet-list other-slots">
                      {d.searchPlacements.edges
                        .filter(
                          (e) =>
                            !matches.data?.matchPlacementsForCitizen.some(
                              (m) => m.placementId === e.node.id,
                            ),
                        )
                        .map((e) => (
                          <li key={e.node.id} className="other-slot">
                            <ExplainButton
                              kind="whyNot"
                              citizenId={id}
                              placementId={e.node.id}
                              title={e.node.title}
                              info={
                                <div>
                                  <Link to={`/pladser/${e.node.id}`}>{e.node.title}</Link>
                                  <span className="d-block">
                                    {e.node.company.name}
                                    {e.distanceKm != null &&
                                      ` · ${t('common.km', { km: formatKm(e.distanceKm) })}`}
                                  </span>
                                </div>
                              }
                            />
                          </li>
                        ))}
                    </ul>
                  )}
                </QueryState>
              </section>
            </div>
          </div>
        </>
      )}
    </>
  );
}
