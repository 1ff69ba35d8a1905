import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { Loading } from '@/components';
import { graphql } from '@/gql';

const OccupationsDocument = graphql(`
  query MatchingOccupations($search: String!) {
    occupations(search: $search, first: 8) {
      id
      label
      iscoCode
      iscoGroup {
        code
        label
      }
    }
  }
`);

export interface ChosenOccupation {
  iscoCode: string;
  label: string;
}

/**
 * An occupation filter: search the occupations (typo-tolerant, in the reader's language), then
 * choose one occupation or its whole occupational group; the filter is its ISCO-08 code.
 */
export function OccupationFilter({
  value,
  onChange,
}: {
  value: ChosenOccupation | null;
  onChange: (value: ChosenOccupation | null) => void;
}) {
  const { t, i18n } = useTranslation('matching');
  const { t: tc } = useTranslation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const id = useId().replace(/:/g, '');
  const query = useQuery({
    queryKey: ['matching', 'occupations', search, i18n.language],
    enabled: search.length >= 2,
    queryFn: () => request(OccupationsDocument, { search }),
  });
  const options: ChosenOccupation[] = [];
  for (const o of query.data?.occupations ?? []) {
    if (!options.some((x) => x.iscoCode === o.iscoCode && x.label === o.label))
      options.push({ iscoCode: o.iscoCode, label: o.label });
    const group = {
      iscoCode: o.iscoGroup.code,
      label: `${o.iscoGroup.label} (${t('occupation.group')})`,
    };
    if (!options.some((x) => x.iscoCode === group.iscoCode && x.label === group.label))
      options.push(group);
  }
  return (
    <div className="form-group">
      <fieldset>
        <legend className="form-label">{t('match.occupation')}</legend>
        {value && (
          <p>
            {t('occupation.chosen', { label: value.label })}{' '}
            <button type="button" className="button button-tertiary" onClick={() => onChange(null)}>
              {t('occupation.clear')}
            </button>
          </p>
        )}
        <label className="form-label" htmlFor={`${id}-search`}>
          {t('occupation.search')}
        </label>
        <span className="form-hint" id={`${id}-hint`}>
          {t('occupation.hint')}
        </span>
        <div className="d-flex flex-wrap align-items-end">
          <input
            id={`${id}-search`}
            className="form-input input-width-l mr-4"
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setSearch(text.trim());
              }
            }}
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSearch(text.trim())}
          >
            {t('occupation.find')}
          </button>
        </div>
        {search.length >= 2 && query.isPending && <Loading />}
        {query.data && (
          <div role="group" aria-label={t('occupation.results')} className="mt-4">
            {options.length === 0 ? (
              <p>{t('occupation.none')}</p>
            ) : (
              <ul className="nobullet-list">
                {options.map((o) => (
                  <li key={`${o.iscoCode}-${o.label}`}>
                    <button
                      type="button"
                      className="function-link"
                      onClick={() => {
                        onChange(o);
                        setSearch('');
                        setText('');
                      }}
                    >
                      {tc('actions.choose')}: {o.label}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>
    </div>
  );
}
