import { MeiliFilter, quote } from './meili-filter';

describe('Meilisearch filter builder', () => {
  it('builds a typed filter', () => {
    expect(
      new MeiliFilter()
        .eq('status', 'published')
        .in('type', ['internship', 'flex_job'])
        .all('accommodations', ['no_heavy_lifting', 'quiet_workspace'])
        .compare('weeklyHoursMin', '<=', 20)
        .geoRadius(55.6761, 12.5683, 25000)
        .build(),
    ).toBe(
      '(status = "published") AND (type IN ["internship", "flex_job"]) AND (accommodations = "no_heavy_lifting") AND ' +
        '(accommodations = "quiet_workspace") AND (weeklyHoursMin <= 20) AND (_geoRadius(55.6761, 12.5683, 25000))',
    );
  });

  it.each([
    ['a double quote', 'kok" OR status = "draft', '"kok\\" OR status = \\"draft"'],
    ['AND/OR words', 'kok AND type = x OR 1', '"kok AND type = x OR 1"'],
    ['a geo function', '_geoRadius(0, 0, 99999999)', '"_geoRadius(0, 0, 99999999)"'],
    ['a newline', 'kok\n) OR (status = "draft"', '"kok\n) OR (status = \\"draft\\""'],
    ['a backslash at the end', 'kok\\', '"kok\\\\"'],
    ['brackets', '] OR [', '"] OR ["'],
  ])('keeps %s inside one string literal', (_, hostile, expected) => {
    expect(quote(hostile)).toBe(expected);
    const filter = new MeiliFilter().eq('iscoCode', hostile).eq('status', 'published').build();
    // Exactly two clauses: the hostile text did not add a third.
    expect(filter.startsWith(`(iscoCode = ${expected}) AND `)).toBe(true);
    expect(filter.endsWith('(status = "published")')).toBe(true);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => new MeiliFilter().compare('weeklyHoursMin', '<=', Number.NaN)).toThrow();
    expect(() => new MeiliFilter().geoRadius(Number.POSITIVE_INFINITY, 12, 1000)).toThrow();
  });
});
