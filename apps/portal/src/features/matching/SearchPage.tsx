import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { request } from '@/api/client';
import {
  CheckboxItem,
  ChoiceGroup,
  ErrorMessage,
  ErrorSummary,
  Loading,
  PageTitle,
  Radio,
  Select,
  type SummaryItem,
  TextField,
} from '@/components';
import { graphql } from '@/gql';
import type {
  Accommodation,
  PlacementSearchFilter,
  PlacementSearchSort,
  PlacementType,
} from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { OccupationFilter } from './OccupationFilter';
import { capitalize, formatKm, useCatalogues, useHoursText, useMunicipalityName } from './shared';
import './matching.css';

const SearchDocument = graphql(`
  query MatchingSearchPlacements(
    $query: String
    $filter: PlacementSearchFilter
    $near: GeoPointInput
    $radiusKm: Float
    $sort: PlacementSearchSort!
    $after: String
  ) {
    searchPlacements(
      query: $query
      filter: $filter
      near: $near
      radiusKm: $radiusKm
      sort: $sort
      after: $after
      first: 20
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        types {
          value
          label
          count
        }
        accommodations {
          value
          label
          count
        }
        municipalities {
          value
          count
        }
      }
      edges {
        distanceKm
        node {
          id
          title
          type
          weeklyHoursMin
          weeklyHoursMax
          startEarliest
          company {
            name
          }
          occupation {
            label
          }
          site {
            municipalityCode
          }
        }
      }
    }
  }
`);

const PostalDocument = graphql(`
  query MatchingPostalCode($code: String!) {
    postalCode(code: $code) {
      code
      placeName
      latitude
      longitude
    }
  }
`);

const RADII = ['5', '10', '20', '30', '50', '100'];

/** Free-text placement search with typo tolerance, filters with facet counts, and distance. */
export function SearchPage() {
  const { t, i18n } = useTranslation('matching');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const catalogues = useCatalogues();
  const municipality = useMunicipalityName();
  const hoursText = useHoursText();
  const queryClient = useQueryClient();

  const q = params.get('q') ?? '';
  const types = params.getAll('type') as PlacementType[];
  const accommodations = params.getAll('skaanehensyn') as Accommodation[];
  const kommune = params.get('kommune') ?? '';
  const naer = params.get('naer') ?? '';
  const km = params.get('km') ?? '';
  const sort: PlacementSearchSort =
    params.get('sortering') === 'afstand' ? 'DISTANCE' : 'RELEVANCE';
  const timer = params.get('timer') ?? '';
  const fag = params.get('fag') ?? '';
  const fagnavn = params.get('fagnavn') ?? fag;

  // The text fields are edited here and applied by "Søg"; the checkboxes apply at once.
  const [text, setText] = useState(q);
  const [postal, setPostal] = useState(naer);
  const [radius, setRadius] = useState(km);
  const [sortChoice, setSortChoice] = useState(sort);
  const [hours, setHours] = useState(timer);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setText(q), [q]);

  const home = useQuery({
    queryKey: ['matching', 'postal', naer],
    enabled: /^\d{4}$/.test(naer),
    queryFn: () => request(PostalDocument, { code: naer }),
  });
  const near = home.data?.postalCode
    ? { latitude: home.data.postalCode.latitude, longitude: home.data.postalCode.longitude }
    : undefined;

  const filter: PlacementSearchFilter = {};
  if (types.length) filter.types = types;
  if (accommodations.length) filter.accommodations = accommodations;
  if (kommune) filter.municipalityCode = Number(kommune);
  if (timer) filter.hours = Number(timer);
  if (fag) filter.iscoCode = fag;
  const variables = {
    query: q || undefined,
    filter: Object.keys(filter).length ? filter : undefined,
    near,
    radiusKm: near && km ? Number(km) : undefined,
    sort: near ? sort : ('RELEVANCE' as const),
  };
  const waitingForHome = /^\d{4}$/.test(naer) && home.isPending;
  const search = useInfiniteQuery({
    queryKey: ['matching', 'search', variables, i18n.language],
    enabled: !waitingForHome,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => request(SearchDocument, { ...variables, after: pageParam }),
    getNextPageParam: (last) =>
      last.searchPlacements.pageInfo.hasNextPage
        ? (last.searchPlacements.pageInfo.endCursor ?? undefined)
        : undefined,
  });
  const first = search.data?.pages[0]?.searchPlacements;
  const hits = search.data?.pages.flatMap((p) => p.searchPlacements.edges) ?? [];

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { replace: false });
  };
  const toggleMulti = (key: string, value: string) =>
    update((next) => {
      const values = next.getAll(key);
      next.delete(key);
      for (const v of values.includes(value)
        ? values.filter((x) => x !== value)
        : [...values, value])
        next.append(key, v);
    });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const code = postal.trim();
    if (code && !/^\d{4}$/.test(code)) found.postal = t('search.postalCodeFormat');
    else if (code) {
      const known = await queryClient
        .fetchQuery({
          queryKey: ['matching', 'postal', code],
          queryFn: () => request(PostalDocument, { code }),
        })
        .catch(() => null);
      if (!known?.postalCode) found.postal = t('search.unknownPostalCode');
    }
    if (radius && !code) found.postal = t('search.radiusNeedsNear');
    const h = hours.trim().replace(',', '.');
    if (h && Number.isNaN(Number(h))) found.hours = tc('form.notANumber');
    else if (h && (Number(h) < 1 || Number(h) > 48))
      found.hours = tc('form.numberRange', { min: 1, max: 48 });
    setErrors(found);
    if (Object.keys(found).length) return;
    update((next) => {
      const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
      set('q', text.trim());
      set('naer', code);
      set('km', code ? radius : '');
      set('sortering', code && sortChoice === 'DISTANCE' ? 'afstand' : '');
      set('timer', h);
    });
  };
  const summary: SummaryItem[] = Object.entries(errors).map(([field, message]) => ({
    fieldId: `search-${field}`,
    message,
  }));

  const count = first?.totalCount;
  const typeFacets = catalogues.data?.types.map((type) => ({
    value: type.code,
    label: type.label,
    count: first?.facets.types.find((f) => f.value === type.code)?.count ?? 0,
  }));
  const accommodationFacets = [
    ...(first?.facets.accommodations ?? []),
    ...accommodations
      .filter((a) => !first?.facets.accommodations.some((f) => f.value === a))
      .map((a) => ({ value: a, label: catalogues.data?.accommodationLabel(a) ?? '', count: 0 })),
  ];
  const municipalityFacets = [
    ...(first?.facets.municipalities ?? []),
    ...(kommune && !first?.facets.municipalities.some((f) => f.value === kommune)
      ? [{ value: kommune, count: 0 }]
      : []),
  ];

  return (
    <>
      <PageTitle>{t('search.title')}</PageTitle>
      <p className="font-lead">{t('search.intro')}</p>
      <ErrorSummary items={summary} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="d-flex flex-wrap align-items-end">
          <div className="mr-4">
            <TextField
              id="search-query"
              label={t('search.query')}
              hint={t('search.queryHint')}
              type="search"
              width="xl"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="form-group">
            <button type="submit" className="button button-primary">
              {t('search.submit')}
            </button>
          </div>
        </div>

        <div className="row">
          <div className="col-12 col-lg-4">
            <h2 className="h3">{t('search.filtersHeading')}</h2>
            <OccupationFilter
              value={fag ? { iscoCode: fag, label: fagnavn } : null}
              onChange={(o) =>
                update((next) => {
                  if (o) {
                    next.set('fag', o.iscoCode);
                    next.set('fagnavn', o.label);
                  } else {
                    next.delete('fag');
                    next.delete('fagnavn');
                  }
                })
              }
            />
            {typeFacets && (
              <ChoiceGroup legend={t('search.types')}>
                {typeFacets.map((f) => (
                  <CheckboxItem
                    key={f.value}
                    label={t('search.facetLabel', { label: capitalize(f.label), count: f.count })}
                    checked={types.includes(f.value)}
                    onChange={() => toggleMulti('type', f.value)}
                  />
                ))}
              </ChoiceGroup>
            )}
            {accommodationFacets.length > 0 && (
              <ChoiceGroup legend={t('search.accommodations')}>
                {accommodationFacets.map((f) => (
                  <CheckboxItem
                    key={f.value}
                    label={t('search.facetLabel', { label: capitalize(f.label), count: f.count })}
                    checked={accommodations.includes(f.value)}
                    onChange={() => toggleMulti('skaanehensyn', f.value)}
                  />
                ))}
              </ChoiceGroup>
            )}
            {municipalityFacets.length > 0 && (
              <ChoiceGroup legend={t('search.municipalities')}>
                <Radio
                  name="kommune"
                  label={t('search.allMunicipalities')}
                  checked={!kommune}
                  onChange={() => update((next) => next.delete('kommune'))}
                />
                {municipalityFacets.map((f) => (
                  <Radio
                    key={f.value}
                    name="kommune"
                    label={t('search.facetLabel', { label: municipality(f.value), count: f.count })}
                    checked={kommune === f.value}
                    onChange={() => update((next) => next.set('kommune', f.value))}
                  />
                ))}
              </ChoiceGroup>
            )}
            <TextField
              id="search-postal"
              label={t('search.near')}
              hint={t('search.nearHint')}
              inputMode="numeric"
              autoComplete="postal-code"
              width="xs"
              optional
              value={postal}
              error={errors.postal}
              onChange={(e) => setPostal(e.target.value)}
            />
            <Select
              id="search-radius"
              label={t('search.radius')}
              value={radius}
              onChange={(e) => setRadius(e.target.value)}
              options={[
                { value: '', label: t('search.radiusAny') },
                ...RADII.map((r) => ({ value: r, label: t('common.km', { km: r }) })),
              ]}
            />
            <Select
              id="search-sort"
              label={t('search.sort')}
              value={sortChoice}
              onChange={(e) => setSortChoice(e.target.value as PlacementSearchSort)}
              options={[
                { value: 'RELEVANCE', label: t('search.sortRelevance') },
                { value: 'DISTANCE', label: t('search.sortDistance') },
              ]}
            />
            <TextField
              id="search-hours"
              label={t('search.hours')}
              inputMode="decimal"
              width="xs"
              optional
              value={hours}
              error={errors.hours}
              onChange={(e) => setHours(e.target.value)}
            />
            <div className="d-flex flex-wrap">
              <button type="submit" className="button button-secondary mr-4">
                {t('search.applyFilters')}
              </button>
              {params.size > 0 && (
                <Link to="/pladser" className="button button-tertiary">
                  {t('search.clear')}
                </Link>
              )}
            </div>
          </div>

          <div className="col-12 col-lg-8">
            <section aria-labelledby="search-results-heading">
              <h2 id="search-results-heading" className="h3">
                {t('search.resultsHeading')}
              </h2>
              <p role="status" aria-live="polite" className="search-count">
                {count !== undefined ? t('search.resultCount', { count }) : ''}
              </p>
              {search.isPending || waitingForHome ? (
                <Loading />
              ) : search.isError ? (
                <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />
              ) : hits.length === 0 ? (
                <p className="empty-state">{t('search.empty')}</p>
              ) : (
                <>
                  <ul className="nobullet-list search-results">
                    {hits.map((h) => (
                      <li key={h.node.id} className="search-hit">
                        <h3 className="h4 mb-2">
                          <Link to={`/pladser/${h.node.id}`}>{h.node.title}</Link>
                        </h3>
                        <p className="mt-0 mb-0">
                          {h.node.company.name} · {catalogues.data?.typeLabel(h.node.type)} ·{' '}
                          {h.node.occupation.label}
                        </p>
                        <p className="mt-0 mb-0">
                          {hoursText(h.node.weeklyHoursMin, h.node.weeklyHoursMax)} ·{' '}
                          {t('common.startFrom', { date: formatDate(h.node.startEarliest) })}
                          {h.node.site && ` · ${municipality(h.node.site.municipalityCode)}`}
                          {h.distanceKm != null &&
                            ` · ${t('common.km', { km: formatKm(h.distanceKm) })}`}
                        </p>
                      </li>
                    ))}
                  </ul>
                  {search.hasNextPage && (
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={search.isFetchingNextPage}
                      onClick={() => void search.fetchNextPage()}
                    >
                      {t('search.more')}
                    </button>
                  )}
                </>
              )}
            </section>
          </div>
        </div>
      </form>
    </>
  );
}
