import {
  danishLabelsOf,
  readDanishEscoLabels,
  readDanishOccupationLabels,
  readReferenceData,
} from './reference-data';

describe('Danish occupation labels', () => {
  it('puts ESCO’s preferred label first, then our words, then ESCO’s alternatives, once each', () => {
    expect(
      danishLabelsOf(
        'køkkenassistent',
        ['køkkenhjælper', 'Køkkenassistent'],
        ['køkkenhjælper', 'køkkenelev'],
      ),
    ).toEqual({
      labelsDa: ['køkkenassistent', 'køkkenhjælper', 'køkkenelev'],
      searchTextDa: 'køkkenassistent | køkkenhjælper | køkkenelev',
    });
  });

  it('normalises the search text as queries are normalised (case, accents)', () => {
    expect(danishLabelsOf('Café-medarbejder', [], ['Rengøringsassistent']).searchTextDa).toBe(
      'cafe-medarbejder | rengøringsassistent',
    );
  });

  it('has a Danish label for every ESCO occupation and ISCO-08 group shipped', () => {
    const english = readReferenceData();
    const danish = readDanishEscoLabels();
    const occupations = new Set(danish.occupations.filter((o) => o.label).map((o) => o.escoUri));
    const groups = new Set(danish.iscoGroups.filter((g) => g.label).map((g) => g.code));
    expect(english.occupations.filter((o) => !occupations.has(o.escoUri))).toEqual([]);
    expect(english.iscoGroups.filter((g) => !groups.has(g.code))).toEqual([]);
    // Our own words are keyed by ESCO's English preferred label: a typo there would drop them.
    const englishLabels = new Set(english.occupations.map((o) => o.label));
    const unknown = readDanishOccupationLabels().filter((r) => !englishLabels.has(r.escoLabel));
    expect(unknown).toEqual([]);
  });
});
