import { Role, todayInDenmark } from '@jobbro/core';
import { PlacementIndexer, PostgresSearchEngine } from '@jobbro/matching';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

const KBH = { latitude: 55.6761, longitude: 12.5683 };

/**
 * One conformance suite for both search engines: always on PostgreSQL (the default), and on
 * Meilisearch when MEILI_URL names a running server. No Meilisearch server can be installed on the
 * development and CI machines, so there only the PostgreSQL run happens.
 */
const ENGINES: [string, Record<string, string>][] = [
  ['postgres', {}],
  ...(process.env.MEILI_URL
    ? [
        [
          'meilisearch',
          { MEILI_URL: process.env.MEILI_URL, MEILI_KEY: process.env.MEILI_KEY ?? '' },
        ] as [string, Record<string, string>],
      ]
    : []),
];

describe.each(ENGINES)('searching placements (%s engine)', (engine, env) => {
  let t: TestApp;
  let consultant: Api;
  let companyIds: string[];

  beforeAll(async () => {
    t = await createTestApp(env);
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    consultant = await new Api(t.http).signIn(user.email, user.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    const otherAdmin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const stranger = await aCompany(t.dataSource, otherAdmin.id);
    await aPartnership(t.dataSource, company.id, centre.id, 'active');
    companyIds = [company.id];
    const employer = await new Api(t.http).signIn(admin.email, admin.password);
    const strangerApi = await new Api(t.http).signIn(otherAdmin.email, otherAdmin.password);
    const aarhusSite = ok(
      await employer.createSite({
        companyId: company.id,
        name: 'Aarhus',
        streetAddress: 'Banegårdspladsen 1',
        postalCode: '8000',
      }),
    ).createSite;
    const cook = await occupationByLabel(t.dataSource, 'cook');
    const warehouse = await occupationByLabel(t.dataSource, 'warehouse worker');
    await employer.publishSlot(company, {
      title: 'Køkkenhjælper i kantine',
      occupationId: cook.id,
      tasks: ['Opvask', 'Salatbar'],
      accommodations: ['NO_HEAVY_LIFTING'],
    });
    await employer.publishSlot(company, {
      title: 'Lagermedarbejder',
      occupationId: warehouse.id,
      type: 'WAGE_SUBSIDY',
    });
    await employer.publishSlot(
      { ...company, siteId: aarhusSite.id },
      { title: 'Kok i Aarhus', occupationId: cook.id },
    );
    await strangerApi.publishSlot(stranger, {
      title: 'Køkkenhjælper hos en fremmed',
      occupationId: cook.id,
    });
    await t.app.get(PlacementIndexer).reindexAll();
  });
  afterAll(() => t.close());

  const search = (variables: Record<string, unknown>) =>
    consultant.run(
      `query($query: String, $filter: PlacementSearchFilter, $near: GeoPointInput, $radiusKm: Float, $sort: PlacementSearchSort, $first: Int, $after: String) {
        searchPlacements(query: $query, filter: $filter, near: $near, radiusKm: $radiusKm, sort: $sort, first: $first, after: $after) {
          engine totalCount pageInfo { hasNextPage endCursor }
          edges { cursor score distanceKm node { title type } }
          facets { types { value label count } accommodations { value label count } municipalities { value count } } } }`,
      variables,
    );

  it('finds a kitchen slot from a misspelt word, only among partner companies', async () => {
    const result = ok(await search({ query: 'køkenhjælper' })).searchPlacements;
    expect(result.engine).toBe(engine);
    expect(result.edges.map((e: { node: { title: string } }) => e.node.title)).toContain(
      'Køkkenhjælper i kantine',
    );
    expect(JSON.stringify(result)).not.toContain('fremmed');
  });

  it('tolerates a missing letter and treats query operators as plain text', async () => {
    const titles = (query: string): Promise<string[]> =>
      search({ query }).then((r) =>
        ok(r).searchPlacements.edges.map((e: { node: { title: string } }) => e.node.title),
      );
    expect(await titles('kantne')).toContain('Køkkenhjælper i kantine');
    expect(await titles('kantine & | ! ( :*')).toContain('Køkkenhjælper i kantine');
    expect(await titles('!!! &&')).toEqual([]);
  });

  (engine === 'postgres' ? it : it.skip)(
    'finds Danish word forms through the danish stemmer (PostgreSQL only: Meilisearch does not stem)',
    async () => {
      const titles = ok(await search({ query: 'kokke' })).searchPlacements.edges.map(
        (e: { node: { title: string } }) => e.node.title,
      );
      expect(titles).toEqual(expect.arrayContaining(['Kok i Aarhus']));
    },
  );

  it('filters by radius and sorts by distance', async () => {
    const near = ok(await search({ near: KBH, radiusKm: 25, sort: 'DISTANCE' })).searchPlacements;
    expect(near.totalCount).toBe(2);
    expect(near.edges.every((e: { distanceKm: number }) => e.distanceKm <= 25)).toBe(true);
    const all = ok(await search({ near: KBH, sort: 'DISTANCE' })).searchPlacements;
    expect(all.edges.at(-1).node.title).toBe('Kok i Aarhus');
    expect(all.edges.at(-1).distanceKm).toBeGreaterThan(100);
  });

  it('filters by ISCO level, type, accommodations and hours, and counts facets', async () => {
    expect(ok(await search({ filter: { iscoCode: '51' } })).searchPlacements.totalCount).toBe(2);
    expect(
      ok(await search({ filter: { types: ['WAGE_SUBSIDY'] } })).searchPlacements.totalCount,
    ).toBe(1);
    expect(
      ok(await search({ filter: { accommodations: ['NO_HEAVY_LIFTING'] } })).searchPlacements
        .totalCount,
    ).toBe(1);
    expect(ok(await search({ filter: { hours: 30 } })).searchPlacements.totalCount).toBe(0);
    const facets = ok(await search({})).searchPlacements.facets;
    // Facet values are the filter's own values, with labels: one vocabulary.
    expect(facets.types).toEqual([
      { value: 'INTERNSHIP', label: 'virksomhedspraktik', count: 2 },
      { value: 'WAGE_SUBSIDY', label: 'løntilskud', count: 1 },
    ]);
    expect(facets.accommodations).toContainEqual(
      expect.objectContaining({ value: 'NO_HEAVY_LIFTING', label: 'Ingen tunge løft' }),
    );
    // Each facet's value goes back into the filter unchanged and finds as many as it counted.
    const total = async (filter: Record<string, string[]>): Promise<number> =>
      ok(await search({ filter })).searchPlacements.totalCount as number;
    for (const facet of facets.types as { value: string; count: number }[])
      expect(await total({ types: [facet.value] })).toBe(facet.count);
    for (const facet of facets.accommodations as { value: string; count: number }[])
      expect(await total({ accommodations: [facet.value] })).toBe(facet.count);
    expect(facets.municipalities).toEqual([
      { value: '101', count: 2 },
      { value: '751', count: 1 },
    ]);
  });

  it('pages with cursors and refuses a radius without a point', async () => {
    const page1 = ok(await search({ first: 2 })).searchPlacements;
    const page2 = ok(await search({ first: 2, after: page1.pageInfo.endCursor })).searchPlacements;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(failure(await search({ radiusKm: 10 })).extensions.fields?.[0].field).toBe('radiusKm');
  });

  (engine === 'postgres' ? it.each : it.skip.each)([
    ['free text', { text: 'kok' }],
    ['a radius', { near: KBH, radiusKm: 20 }],
    ['accommodations', { accommodations: ['no_heavy_lifting'] }],
    ['an occupation group', { iscoCode: '51' }],
  ])(
    'plans %s without a sequential scan of the placement table (PostgreSQL only)',
    async (_, filter) => {
      const engine = t.app.get(PostgresSearchEngine);
      const w = engine.where({
        sort: 'relevance',
        companyIds,
        today: todayInDenmark(),
        limit: 20,
        offset: 0,
        ...filter,
      });
      const plan = await t.dataSource.transaction(async (m) => {
        // With so few rows a scan is cheapest; forbid it to prove an index path exists for the query.
        await m.query('SET LOCAL enable_seqscan = off');
        const rows = await m.query<{ 'QUERY PLAN': unknown }[]>(
          `EXPLAIN (FORMAT JSON) SELECT p.id FROM placement p WHERE ${w.sql}`,
          w.params,
        );
        return JSON.stringify(rows[0]['QUERY PLAN']);
      });
      expect(plan).not.toMatch(
        /"Node Type":"Seq Scan","Parent Relationship":"[^"]*","Parallel Aware":false,"Async Capable":false,"Relation Name":"placement"/,
      );
      expect(plan).not.toMatch(/Seq Scan[^}]*"Relation Name":"placement"/);
    },
  );
});
