import { codeLabels, labelList } from './catalogues';
import { longDate, targetGroupInForce, validityPeriod } from './target-groups';

const labels = codeLabels({ ressourceforloeb: { da: 'Ressourceforløb', en: 'Resource course' } });

describe('the label lookup', () => {
  it.each<[Parameters<typeof labels>[0], string, string, string]>([
    ['accommodation', 'no_heavy_lifting', 'Ingen tunge løft', 'No heavy lifting'],
    ['requirement', 'driving_licence_b', 'Kørekort (B)', 'Driving licence (B)'],
    ['placementType', 'flex_job', 'fleksjob', 'flex job'],
    ['targetGroup', 'ressourceforloeb', 'Ressourceforløb', 'Resource course'],
    // Unknown codes read as words rather than as codes.
    ['targetGroup', 'new_group', 'new group', 'new group'],
    ['accommodation', 'toString', 'toString', 'toString'],
  ])('%s %s', (kind, code, da, en) => {
    expect(labels(kind, code)).toEqual({ da, en });
  });

  it.each<[string[], string, string]>([
    [[], '', ''],
    [['seated_work'], 'Siddende arbejde', 'Seated work'],
    [
      ['seated_work', 'short_days'],
      'Siddende arbejde og Korte arbejdsdage',
      'Seated work and Short days',
    ],
    [
      ['seated_work', 'short_days', 'reduced_pace'],
      'Siddende arbejde, Korte arbejdsdage og Nedsat tempo',
      'Seated work, Short days and Reduced pace',
    ],
  ])('lists %j', (codes, da, en) => {
    expect(labelList(labels, 'accommodation', codes)).toEqual({ da, en });
  });
});

describe('a target group’s validity in words', () => {
  const group = {
    code: 'ressourceforloeb',
    label: { da: 'Ressourceforløb', en: 'Resource course' },
    validFrom: '2019-01-01',
    validTo: '2026-06-30',
  };

  it.each<[string, boolean]>([
    ['2018-12-31', false],
    ['2019-01-01', true],
    ['2026-06-30', true],
    ['2026-07-01', false],
  ])('on %s in force: %s', (on, inForce) => {
    expect(targetGroupInForce(group, on)).toBe(inForce);
  });

  it('names both ends, or only the start when open-ended', () => {
    expect(validityPeriod(group)).toEqual({
      da: 'fra 1. januar 2019 til 30. juni 2026',
      en: 'from 1 January 2019 to 30 June 2026',
    });
    expect(validityPeriod({ ...group, validTo: null })).toEqual({
      da: 'fra 1. januar 2019',
      en: 'from 1 January 2019',
    });
    expect(longDate('2026-07-01')).toEqual({ da: '1. juli 2026', en: '1 July 2026' });
  });
});
