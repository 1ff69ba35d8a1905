import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Select } from '@/components';
import type { AssessorRole } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { AssessmentChart, type ChartSeries } from './AssessmentChart';
import type { CitizenData } from './CitizenPage';

type Assessment = CitizenData['assessments'][number];
const ROLES: AssessorRole[] = ['CITIZEN', 'CONSULTANT', 'MENTOR'];

const latest = (list: Assessment[]): Assessment | undefined =>
  [...list].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];

/** The citizen's and the professionals' assessments side by side, and one dimension over time. */
export function AssessmentsTab({
  citizen,
  dimensions,
}: {
  citizen: CitizenData;
  dimensions?: { code: string; label: string; scaleMax: number }[];
}) {
  const { t } = useTranslation('consultant');
  const all = citizen.assessments;
  // Dimensions in the catalogue's order, then any the catalogue does not list.
  const codes = [...new Set(all.map((a) => a.dimension))].sort((a, b) => {
    const ia = dimensions?.findIndex((d) => d.code === a) ?? -1;
    const ib = dimensions?.findIndex((d) => d.code === b) ?? -1;
    return (ia < 0 ? 1e6 : ia) - (ib < 0 ? 1e6 : ib);
  });
  const labelOf = (code: string) =>
    dimensions?.find((d) => d.code === code)?.label ??
    all.find((a) => a.dimension === code)?.label ??
    code;
  // The dimension with the most assessments shows first in the chart.
  const busiest = [...codes].sort(
    (a, b) =>
      all.filter((x) => x.dimension === b).length - all.filter((x) => x.dimension === a).length,
  )[0];
  const [chosen, setChosen] = useState<string | undefined>();
  const dimension = chosen && codes.includes(chosen) ? chosen : busiest;

  if (all.length === 0)
    return (
      <>
        <h2>{t('assessments.heading')}</h2>
        <EmptyState>{t('assessments.empty')}</EmptyState>
      </>
    );

  const score = (a: Assessment) =>
    t('assessments.scoreOn', { score: a.score, max: a.scaleMax, date: formatDate(a.assessedOn) });
  const inDimension = all.filter((a) => a.dimension === dimension);
  const scaleMax = Math.max(...inDimension.map((a) => a.scaleMax));
  const series: ChartSeries[] = ROLES.map((role) => ({
    key: role,
    label: t(`assessorRole.${role}`),
    points: inDimension
      .filter((a) => a.assessorRole === role)
      .map((a) => ({ date: a.assessedOn, score: a.score })),
  })).filter((s) => s.points.length > 0);
  const dimensionLabel = labelOf(dimension);

  return (
    <>
      <h2>{t('assessments.heading')}</h2>
      <p>{t('assessments.intro')}</p>
      <table className="table">
        <caption className="h3">{t('assessments.sideBySide')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.dimension')}</th>
            <th scope="col">{t('assessments.byCitizen')}</th>
            <th scope="col">{t('assessments.byProfessionals')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const here = all.filter((a) => a.dimension === code);
            const own = latest(here.filter((a) => a.assessorRole === 'CITIZEN'));
            const professionals = (['CONSULTANT', 'MENTOR'] as const)
              .map((role) => latest(here.filter((a) => a.assessorRole === role)))
              .filter((a): a is Assessment => a !== undefined);
            return (
              <tr key={code}>
                <th scope="row">{labelOf(code)}</th>
                <td>{own ? score(own) : t('assessments.none')}</td>
                <td>
                  {professionals.length === 0 ? (
                    t('assessments.none')
                  ) : (
                    <ul className="nobullet-list">
                      {professionals.map((a) => (
                        <li key={a.id}>
                          {t(`assessorRole.${a.assessorRole}`)}: {score(a)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 className="mt-8">{t('assessments.overTime')}</h3>
      {codes.length > 1 && (
        <Select
          label={t('assessments.chooseDimension')}
          id="assessment-dimension"
          value={dimension}
          options={codes.map((c) => ({ value: c, label: labelOf(c) }))}
          onChange={(e) => setChosen(e.target.value)}
        />
      )}
      {inDimension.length === 1 && <p className="form-hint">{t('assessments.onePoint')}</p>}
      <AssessmentChart
        title={t('assessments.chartTitle', { dimension: dimensionLabel })}
        description={t('assessments.chartDesc', { max: scaleMax })}
        series={series}
        scaleMax={scaleMax}
      />
      <table className="table table--compact mt-4">
        <caption>{t('assessments.tableCaption', { dimension: dimensionLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.date')}</th>
            <th scope="col">{t('assessments.assessor')}</th>
            <th scope="col">{t('assessments.score')}</th>
            <th scope="col">{t('assessments.note')}</th>
          </tr>
        </thead>
        <tbody>
          {[...inDimension]
            .sort(
              (a, b) =>
                a.assessedOn.localeCompare(b.assessedOn) ||
                ROLES.indexOf(a.assessorRole) - ROLES.indexOf(b.assessorRole),
            )
            .map((a) => (
              <tr key={a.id}>
                <td>{formatDate(a.assessedOn)}</td>
                <td>{t(`assessorRole.${a.assessorRole}`)}</td>
                <td>{t('assessments.scoreOf', { score: a.score, max: a.scaleMax })}</td>
                <td>{a.note ?? ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
