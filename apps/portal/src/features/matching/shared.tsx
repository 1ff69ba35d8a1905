import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { Alert, ErrorMessage, Loading, Tag } from '@/components';
import { graphql } from '@/gql';
import type { Accommodation, PlacementRequirement, PlacementType } from '@/gql/graphql';
import { formatNumber, formatPercent } from '@/i18n/format';
import { municipalityName } from './municipalities';

const CataloguesDocument = graphql(`
  query MatchingCatalogues {
    placementTypeCatalogue {
      code
      label
    }
    accommodationCatalogue {
      code
      label
    }
    requirementCatalogue {
      code
      label
    }
  }
`);

export interface Catalogues {
  types: { code: PlacementType; label: string }[];
  accommodations: { code: Accommodation; label: string }[];
  requirements: { code: PlacementRequirement; label: string }[];
  typeLabel: (code: PlacementType) => string;
  accommodationLabel: (code: Accommodation) => string;
  requirementLabel: (code: PlacementRequirement) => string;
}

/** The catalogues' labels in the reader's language: a code is never shown as it is. */
export function useCatalogues() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['matching', 'catalogues', i18n.language],
    staleTime: 60 * 60_000,
    queryFn: async (): Promise<Catalogues> => {
      const data = await request(CataloguesDocument);
      const cap = <C extends string>(items: { code: C; label: string }[]) =>
        items.map((i) => ({ code: i.code, label: capitalize(i.label) }));
      data.placementTypeCatalogue = cap(data.placementTypeCatalogue);
      data.accommodationCatalogue = cap(data.accommodationCatalogue);
      data.requirementCatalogue = cap(data.requirementCatalogue);
      const lookup = <C extends string>(items: { code: C; label: string }[]) => {
        const map = new Map(items.map((i) => [i.code, i.label]));
        return (code: C) => map.get(code) ?? code;
      };
      return {
        types: data.placementTypeCatalogue,
        accommodations: data.accommodationCatalogue,
        requirements: data.requirementCatalogue,
        typeLabel: lookup(data.placementTypeCatalogue),
        accommodationLabel: lookup(data.accommodationCatalogue),
        requirementLabel: lookup(data.requirementCatalogue),
      };
    },
  });
}

/** A catalogue label standing on its own ("virksomhedspraktik" → "Virksomhedspraktik"). */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function useMunicipalityName(): (code: number | string) => string {
  const { t } = useTranslation('matching');
  return (code) => municipalityName(Number(code)) ?? t('common.municipality', { code });
}

/** A score 0..100 in the reader's number format, as a tag with text (never colour alone). */
export function Score({ score }: { score: number }) {
  const { t } = useTranslation('matching');
  const kind = score >= 70 ? 'success' : score >= 40 ? 'info' : 'warning';
  return (
    <Tag kind={kind}>
      {t('common.score')} {t('common.scoreOf', { score: formatNumber(score, 1) })}
    </Tag>
  );
}

export function formatKm(km: number): string {
  return formatNumber(km, km < 10 ? 1 : 0);
}

export interface Factor {
  factor: string;
  value: number;
  weight: number;
  reason: string;
}

/** Each factor of a score with its weight, how well it is met and the API's reason. */
export function FactorTable({ factors, caption }: { factors: Factor[]; caption?: string }) {
  const { t } = useTranslation('matching');
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact factor-table">
        <caption className="sr-only">{caption ?? t('factorTable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('factorTable.factor')}</th>
            <th scope="col" className="align-text-right">
              {t('factorTable.weight')}
            </th>
            <th scope="col" className="align-text-right">
              {t('factorTable.value')}
            </th>
            <th scope="col">{t('factorTable.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {factors.map((f) => (
            <tr key={f.factor}>
              <th scope="row">{t(`factors.${f.factor}`, { defaultValue: f.factor })}</th>
              <td className="align-text-right">{formatNumber(f.weight, 1)}</td>
              <td className="align-text-right">{formatPercent(f.value)}</td>
              <td>{f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ExplainDocument = graphql(`
  query MatchingExplain($citizenId: ID!, $placementId: ID!) {
    explainMatch(citizenId: $citizenId, placementId: $placementId) {
      citizenId
      placementId
      eligible
      score
      hardFilters {
        filter
        passed
        reason
      }
      failedFilters {
        filter
        reason
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

/** Every hard filter of a citizen and a slot, pass or fail, naming the failed ones first. */
function Explanation({
  citizenId,
  placementId,
  withFactors,
  Sub,
}: {
  citizenId: string;
  placementId: string;
  withFactors: boolean;
  Sub: 'h4' | 'h5';
}) {
  const { t, i18n } = useTranslation('matching');
  const query = useQuery({
    queryKey: ['matching', 'explain', citizenId, placementId, i18n.language],
    queryFn: () => request(ExplainDocument, { citizenId, placementId }),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const x = query.data.explainMatch;
  const filterLabel = (f: string) => t(`filters.${f}`, { defaultValue: f });
  return (
    <>
      {x.eligible ? (
        <Alert kind="success">
          <p>{t('explain.eligible', { score: formatNumber(x.score, 1) })}</p>
        </Alert>
      ) : (
        <Alert kind="warning" heading={t('explain.excluded')}>
          <ul className="failed-filters">
            {x.failedFilters.map((f) => (
              <li key={f.filter}>
                <strong>{filterLabel(f.filter)}:</strong> {f.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Sub className="h5">{t('explain.hardHeading')}</Sub>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <caption className="sr-only">{t('explain.hardHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explain.filter')}</th>
              <th scope="col">{t('explain.result')}</th>
              <th scope="col">{t('explain.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {x.hardFilters.map((f) => (
              <tr key={f.filter}>
                <th scope="row">{filterLabel(f.filter)}</th>
                <td>
                  <Tag kind={f.passed ? 'success' : 'error'}>
                    {f.passed ? t('explain.passed') : t('explain.failed')}
                  </Tag>
                </td>
                <td>{f.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withFactors && (
        <>
          <Sub className="h5">{t('explain.factorsHeading')}</Sub>
          <FactorTable factors={x.factors} caption={t('explain.factorsHeading')} />
        </>
      )}
    </>
  );
}

/**
 * A disclosure button that shows the full explanation of a citizen and a slot (`explainMatch`)
 * right below it: "Hvorfor ikke?" for a slot not on the list, "Forklar" for one that is. `info`
 * is shown beside the button (the slot's name and company in the list of other slots).
 */
export function ExplainButton({
  citizenId,
  placementId,
  title,
  kind,
  info,
}: {
  citizenId: string;
  placementId: string;
  title: string;
  kind: 'whyNot' | 'explain';
  info?: ReactNode;
}) {
  // Under a slot's own heading (h3) in the match list; straight under the section's h2 otherwise.
  const Heading = kind === 'whyNot' ? 'h3' : 'h4';
  const Sub = kind === 'whyNot' ? 'h4' : 'h5';
  const { t } = useTranslation('matching');
  const [open, setOpen] = useState(false);
  const panelId = `explain-${placementId}-${kind}`;
  const heading =
    kind === 'whyNot' ? t('explain.title', { title }) : t('explain.titleEligible', { title });
  return (
    <>
      <div className="explain-row">
        {info}
        <button
          type="button"
          className={`button ${kind === 'whyNot' ? 'button-secondary' : 'button-tertiary'}`}
          aria-label={
            kind === 'whyNot'
              ? t('match.whyNotLabel', { title })
              : t('match.explainLabel', { title })
          }
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {kind === 'whyNot' ? t('match.whyNot') : t('match.explain')}
        </button>
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <section className="explain-panel" aria-labelledby={`${panelId}-heading`}>
            <Heading id={`${panelId}-heading`} className="h4 mt-0">
              {heading}
            </Heading>
            <Explanation
              citizenId={citizenId}
              placementId={placementId}
              withFactors={kind === 'whyNot'}
              Sub={Sub}
            />
          </section>
        )}
      </div>
    </>
  );
}

/** A slot's hours as "10–25 timer om ugen" in the reader's number format. */
export function useHoursText(): (min: number, max: number) => string {
  const { t } = useTranslation('matching');
  return (min, max) =>
    t('common.weeklyHours', { min: formatNumber(min, 1), max: formatNumber(max, 1) });
}
