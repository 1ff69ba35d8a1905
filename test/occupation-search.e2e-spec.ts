import { Role } from '@jobbro/core';
import { PlacementIndexer } from '@jobbro/matching';
import {
  aCompany,
  aJobCentre,
  aPartnership,
  aUser,
  Api,
  createTestApp,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

interface Found {
  label: string;
  escoLabel: string;
  labelsDa: string[];
  iscoCode: string;
  iscoGroup: { code: string; label: string };
}

/** The occupation picker: ESCO's Danish labels first, typo-tolerant, English on request. */
describe('occupation search in Danish', () => {
  let t: TestApp;
  let employer: Api;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    employer = await new Api(t.http).signIn(user.email, user.password);
  });
  afterAll(() => t.close());

  const search = async (api: Api, words: string, first = 5): Promise<Found[]> =>
    ok(
      await api.run(
        `query($search: String!, $first: Int) { occupations(search: $search, first: $first) {
          label escoLabel labelsDa iscoCode iscoGroup { code label } } }`,
        { search: words, first },
      ),
    ).occupations as Found[];
  const labels = (found: Found[]): string[] => found.map((o) => o.label);

  it('finds florists for "blomster", not bloggers', async () => {
    const found = await search(employer, 'blomster');
    expect(found[0]).toMatchObject({
      label: 'blomster- og plantehandler',
      escoLabel: 'flower and garden specialised seller',
    });
    expect(found[0].labelsDa).toEqual(
      expect.arrayContaining(['blomsterhandler', 'blomsterdekoratør']),
    );
    for (const o of found) expect(o.label).toMatch(/blomster/);
  });

  it('puts the cook first for "kok", with the Danish ISCO group', async () => {
    const [first, ...rest] = await search(employer, 'kok');
    expect(first).toMatchObject({
      label: 'kok',
      escoLabel: 'cook',
      iscoCode: '5120',
      iscoGroup: { code: '5120', label: 'Kokkearbejde' },
    });
    expect(labels(rest)).not.toContain('kosher butcher');
  });

  it.each([
    ['rengøing', 'rengøringsassistent'],
    ['blomstre', 'blomster- og plantehandler'],
    ['kokk', 'kok'],
    ['tømer', 'tømrer'],
  ])('tolerates the typo "%s" and finds "%s"', async (typo, expected) => {
    expect(labels(await search(employer, typo))).toContain(expected);
  });

  it('still finds our own everyday words that ESCO lacks', async () => {
    const [kitchen] = await search(employer, 'køkkenhjælper');
    expect(kitchen).toMatchObject({ label: 'køkkenassistent', escoLabel: 'kitchen assistant' });
    const [florist] = await search(employer, 'blomsterdekoratør');
    expect(florist.escoLabel).toBe('flower and garden specialised seller');
  });

  it('searches and answers in English with Accept-Language: en', async () => {
    const english = employer.inLanguage('en');
    const [cook] = await search(english, 'cook');
    expect(cook).toMatchObject({
      label: 'cook',
      iscoGroup: { code: '5120', label: 'Cooks' },
    });
    expect(labels(await search(english, 'florist'))).toContain(
      'flower and garden specialised seller',
    );
    // A Danish word typed by an English reader falls back to the Danish labels.
    expect((await search(english, 'blomsterhandler'))[0].label).toBe(
      'flower and garden specialised seller',
    );
  });

  it('falls back to English labels for a Danish reader who types English', async () => {
    const [found] = await search(employer, 'flower and garden specialised seller');
    expect(found.label).toBe('blomster- og plantehandler');
  });

  it('lists an ISCO group by code prefix with Danish labels', async () => {
    const found = await search(employer, '5120', 10);
    expect(found.length).toBeGreaterThan(1);
    for (const o of found) expect(o.iscoGroup.label).toBe('Kokkearbejde');
    expect(labels(found)).toContain('kok');
  });

  it('lets a consultant find a slot by the Danish label of its occupation, misspelt too', async () => {
    const centre = await aJobCentre(t.dataSource);
    const user = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(t.dataSource);
    const consultant = await new Api(t.http).signIn(user.email, user.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const company = await aCompany(t.dataSource, admin.id);
    await aPartnership(t.dataSource, company.id, centre.id, 'active');
    const seller = await occupationByLabel(t.dataSource, 'flower and garden specialised seller');
    // Neither title nor tasks say "blomster": only the occupation's Danish labels do.
    const slotApi = await new Api(t.http).signIn(admin.email, admin.password);
    await slotApi.publishSlot(company, {
      title: 'Medhjælper i butikken',
      occupationId: seller.id,
      tasks: ['Binde buketter'],
    });
    await t.app.get(PlacementIndexer).reindexAll();
    for (const words of ['blomsterhandler', 'blomsterhandlr', 'blomsterdekoratør']) {
      const found = ok(
        await consultant.run(
          `query($q: String) { searchPlacements(query: $q) { edges { node { title occupation { label } } } } }`,
          { q: words },
        ),
      ).searchPlacements as { edges: { node: { title: string; occupation: { label: string } } }[] };
      expect(found.edges.map((e) => e.node)).toEqual([
        { title: 'Medhjælper i butikken', occupation: { label: 'blomster- og plantehandler' } },
      ]);
    }
  });
});
