import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { PageTitle, QueryState, Tag, TextField } from '@/components';
import { formatDate } from '@/i18n/format';
import { LegalRulesDocument } from './api';
import { isoDate } from './shared';

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/regler`: the rules Jobbro checks when a consultant proposes or books, as they stand on a date
 * (today unless another is chosen): each rule with its rows per target group and sector, what
 * the row says, whether it blocks or warns, its source and the dates it is in force.
 */
export function RulesPage() {
  const { t, i18n } = useTranslation('proposals');
  const [on, setOn] = useState(() => isoDate(new Date()));
  const at = VALID_DATE.test(on) ? on : null;
  const query = useQuery({
    queryKey: ['legalRules', at, i18n.language],
    queryFn: () => request(LegalRulesDocument, { at }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle>{t('rulesPage.title')}</PageTitle>
      <p className="font-lead">{t('rulesPage.intro')}</p>
      <TextField
        id="rules-on"
        label={t('rulesPage.on')}
        hint={t('rulesPage.onHint')}
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      <QueryState
        query={query}
        isEmpty={(d) => d.legalRules.length === 0}
        empty={t('rulesPage.none')}
      >
        {(data) => {
          const groups = new Map(data.targetGroups.map((g) => [g.code, g.label]));
          const byRule = new Map<string, typeof data.legalRules>();
          for (const rule of data.legalRules)
            byRule.set(rule.code, [...(byRule.get(rule.code) ?? []), rule]);
          return (
            <>
              <p role="status">
                {t('rulesPage.count', {
                  count: byRule.size,
                  date: formatDate(at ?? isoDate(new Date())),
                })}
              </p>
              {[...byRule.entries()].map(([code, rows]) => (
                <section key={code} aria-labelledby={`rule-${code}`} className="mt-7">
                  <h2 id={`rule-${code}`}>{rows[0].name}</h2>
                  <div className="table--responsive-scroll">
                    <table className="table table--compact">
                      <caption className="sr-only">{rows[0].name}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('rulesPage.targetGroup')}</th>
                          <th scope="col">{t('rulesPage.sector')}</th>
                          <th scope="col">{t('rulesPage.says')}</th>
                          <th scope="col">{t('rulesPage.severity')}</th>
                          <th scope="col">{t('rulesPage.source')}</th>
                          <th scope="col">{t('rulesPage.valid')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((r) => (
                          <tr key={r.id}>
                            <td>
                              {r.targetGroup
                                ? (groups.get(r.targetGroup) ?? r.targetGroup)
                                : rows.some((o) => o.targetGroup)
                                  ? t('rulesPage.otherGroups')
                                  : t('rulesPage.allGroups')}
                            </td>
                            <td>
                              {r.sector
                                ? t(`rulesPage.sectors.${r.sector}`)
                                : t('rulesPage.bothSectors')}
                            </td>
                            <td>{r.summary}</td>
                            <td>
                              <Tag kind={r.severity === 'BLOCK' ? 'error' : 'warning'}>
                                {t(`rulesPage.severities.${r.severity}`)}
                              </Tag>
                            </td>
                            <td>{r.source}</td>
                            <td>
                              {r.validTo
                                ? t('common.period', {
                                    start: formatDate(r.validFrom),
                                    end: formatDate(r.validTo),
                                  })
                                : t('rulesPage.from', { start: formatDate(r.validFrom) })}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              ))}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
