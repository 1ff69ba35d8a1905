import { Role } from '@jobbro/core';
import {
  aCompany,
  Api,
  aUser,
  aValidCvr,
  countRows,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  type TestApp,
} from '@jobbro/testing';

/** Bad input gets a clear error with a stable code, and nothing is saved or half-saved. */
describe('bad input on the company side', () => {
  let t: TestApp;
  let employer: Api;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let occupationId: string;

  const slot = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    companyId: company.id,
    siteId: company.siteId,
    mentorId: company.mentorId,
    type: 'INTERNSHIP',
    title: 'Lagermedarbejder',
    occupationId,
    tasks: ['Plukning'],
    weeklyHoursMin: 10,
    weeklyHoursMax: 20,
    startEarliest: '2030-01-01',
    durationWeeks: 13,
    capacity: 1,
    ...overrides,
  });

  /** Runs a refused operation and checks that the given tables did not change. */
  async function expectRefused(
    operation: () => Promise<{ errors?: unknown[] } & Parameters<typeof failure>[0]>,
    tables: string[],
  ): Promise<ReturnType<typeof failure>> {
    const before = await Promise.all(tables.map((table) => countRows(t.dataSource, table)));
    const error = failure(await operation());
    const after = await Promise.all(tables.map((table) => countRows(t.dataSource, table)));
    expect(after).toEqual(before);
    return error;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    company = await aCompany(t.dataSource, admin.id);
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    occupationId = (await occupationByLabel(t.dataSource, 'warehouse worker')).id;
  });
  afterAll(() => t.close());

  it.each([
    ['12345678', 'checksum'],
    ['1234567', 'too short'],
    ['abcdefgh', 'letters'],
  ])('refuses the CVR number %s (%s)', async (cvr) => {
    const error = await expectRefused(
      () => employer.registerCompany({ cvr, name: 'Fejl ApS', ordinaryEmployees: 2 }),
      ['company', 'company_admin'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CVR',
      fields: [{ field: 'cvr' }],
    });
    expect(error.message).toContain('CVR-nummeret');
  });

  it('refuses a CVR number that is already registered, in Danish or English', async () => {
    const error = await expectRefused(
      () =>
        employer
          .inLanguage('en-GB,en;q=0.9')
          .registerCompany({ cvr: company.cvr, name: 'Kopi ApS', ordinaryEmployees: 2 }),
      ['company', 'company_admin'],
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_CVR' });
    expect(error.message).toBe(
      'A company with this CVR number is already registered. Ask its administrator for access.',
    );
  });

  it('refuses two registrations of one CVR racing each other: one wins, one gets CONFLICT', async () => {
    const cvr = aValidCvr();
    const results = await Promise.all([
      employer.registerCompany({ cvr, name: 'Først ApS', ordinaryEmployees: 1 }),
      employer.registerCompany({ cvr, name: 'Også først ApS', ordinaryEmployees: 1 }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'DUPLICATE_CVR' },
    });
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM company WHERE cvr = $1`,
      [cvr],
    );
    expect(n).toBe(1);
  });

  it('refuses an unknown postal code', async () => {
    const error = await expectRefused(
      () =>
        employer.createSite({
          companyId: company.id,
          name: 'Lager',
          streetAddress: 'Vej 1',
          postalCode: '0001',
        }),
      ['site'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_POSTAL_CODE',
      fields: [{ field: 'postalCode' }],
    });
  });

  it('refuses weekly hours where min is above max', async () => {
    const error = await expectRefused(
      () => employer.createPlacement(slot({ weeklyHoursMin: 30, weeklyHoursMax: 20 })),
      ['placement', 'outbox_event'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PLACEMENT_INVALID',
      fields: [{ field: 'weeklyHoursMin', constraint: 'hoursRange' }],
    });
  });

  it.each([0, -1])('refuses capacity %s', async (capacity) => {
    const error = await expectRefused(
      () => employer.createPlacement(slot({ capacity })),
      ['placement'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
      fields: [{ field: 'capacity', constraint: 'min', message: 'Skal være mindst 1.' }],
    });
  });

  it('refuses an oversized string and names the field and the limit', async () => {
    const error = await expectRefused(
      () => employer.createPlacement(slot({ title: 'x'.repeat(201) })),
      ['placement'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'title', constraint: 'maxLength', message: 'Må højst være 200 tegn.' }],
    });
    const task = failure(
      await employer.inLanguage('en').createPlacement(slot({ tasks: ['ok', 'y'.repeat(301)] })),
    );
    expect(task.extensions.fields).toEqual([
      { field: 'tasks', constraint: 'maxLength', message: 'Must be at most 300 characters.' },
    ]);
  });

  it('refuses an unknown occupation', async () => {
    const error = await expectRefused(
      () =>
        employer.createPlacement(slot({ occupationId: '00000000-0000-4000-8000-000000000000' })),
      ['placement'],
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_OCCUPATION',
      fields: [{ field: 'occupationId' }],
    });
  });

  it('refuses a mentor or site of another company', async () => {
    const otherAdmin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    const other = await aCompany(t.dataSource, otherAdmin.id);
    expect(
      failure(await employer.createPlacement(slot({ mentorId: other.mentorId }))).extensions.reason,
    ).toBe('MENTOR_NOT_FOUND');
    expect(
      failure(await employer.createPlacement(slot({ siteId: other.siteId }))).extensions.reason,
    ).toBe('SITE_NOT_FOUND');
  });

  it('refuses to publish without a mentor or tasks, listing what is missing, and keeps the draft as it was', async () => {
    const draft = ok(
      await employer.createPlacement(slot({ mentorId: null, tasks: [] })),
    ).createPlacement;
    const error = await expectRefused(() => employer.publishPlacement(draft.id), ['outbox_event']);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PLACEMENT_NOT_PUBLISHABLE',
    });
    expect(error.extensions.fields?.map((f) => f.field)).toEqual(['mentorId', 'tasks']);
    expect(ok(await employer.placement(draft.id)).placement).toMatchObject({
      status: 'DRAFT',
      version: 1,
    });
  });

  it('refuses a transition the current status does not allow', async () => {
    const draft = ok(await employer.createPlacement(slot())).createPlacement;
    const error = await expectRefused(() => employer.pausePlacement(draft.id), ['outbox_event']);
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PLACEMENT_INVALID_TRANSITION',
    });
    expect(error.message).toBe('Et opslag med status "kladde" kan ikke sættes på pause.');

    ok(await employer.closePlacement(draft.id));
    expect(failure(await employer.publishPlacement(draft.id)).extensions.reason).toBe(
      'PLACEMENT_INVALID_TRANSITION',
    );
    expect(
      failure(await employer.updatePlacement({ id: draft.id, title: 'Igen' })).extensions.reason,
    ).toBe('PLACEMENT_NOT_EDITABLE');
  });

  it('keeps an open slot publishable: removing its tasks is refused', async () => {
    const open = ok(
      await employer.publishPlacement(
        ok(await employer.createPlacement(slot())).createPlacement.id,
      ),
    ).publishPlacement;
    const error = failure(await employer.updatePlacement({ id: open.id, tasks: [] }));
    expect(error.extensions).toMatchObject({
      reason: 'PLACEMENT_NOT_PUBLISHABLE',
      fields: [{ field: 'tasks' }],
    });
    expect(ok(await employer.placement(open.id)).placement.tasks).toEqual(['Plukning']);
  });

  it('refuses an edit based on a stale version, so a second writer cannot overwrite the first', async () => {
    const draft = ok(await employer.createPlacement(slot())).createPlacement;
    ok(
      await employer.updatePlacement({
        id: draft.id,
        expectedVersion: 1,
        title: 'Første skribent',
      }),
    );
    const error = failure(
      await employer.updatePlacement({ id: draft.id, expectedVersion: 1, title: 'Anden skribent' }),
    );
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PLACEMENT_VERSION_CONFLICT',
    });
    expect(ok(await employer.placement(draft.id)).placement).toMatchObject({
      title: 'Første skribent',
      version: 2,
    });
  });

  it('serializes concurrent status changes on one slot with a row lock', async () => {
    const draft = ok(await employer.createPlacement(slot())).createPlacement;
    const results = await Promise.all([
      employer.publishPlacement(draft.id),
      employer.publishPlacement(draft.id),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(ok(await employer.placement(draft.id)).placement).toMatchObject({
      status: 'PUBLISHED',
      version: 2,
    });
  });

  it('refuses malformed ids and dates at the edge', async () => {
    expect(failure(await employer.placement('not-a-uuid')).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id' }],
    });
    expect(
      failure(await employer.createPlacement(slot({ startEarliest: '2030-02-30' }))).extensions
        .fields,
    ).toEqual([
      {
        // The date scalar names the field by its path in the variables (input.startEarliest).
        field: expect.stringMatching(/^(input\.)?startEarliest$/),
        constraint: 'isIsoDate',
        message: expect.stringMatching(/^Skal være en gyldig dato \(ÅÅÅÅ-MM-DD\)/),
      },
    ]);
  });

  it('records an outbox event in the same transaction as every placement change', async () => {
    const before = await countRows(t.dataSource, 'outbox_event');
    const draft = ok(await employer.createPlacement(slot())).createPlacement;
    ok(await employer.publishPlacement(draft.id));
    const events = await t.dataSource.query<{ type: string; payload: { status: string } }[]>(
      `SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY id`,
      [draft.id],
    );
    expect(events.map((e) => [e.type, e.payload.status])).toEqual([
      ['placement.changed', 'draft'],
      ['placement.changed', 'published'],
    ]);
    expect(await countRows(t.dataSource, 'outbox_event')).toBe(before + 2);
  });

  it('refuses null for a field that cannot be empty, naming the field', async () => {
    const draft = ok(await employer.createPlacement(slot())).createPlacement;
    for (const field of ['title', 'weeklyHoursMin', 'capacity', 'tasks', 'startEarliest']) {
      const error = failure(await employer.updatePlacement({ id: draft.id, [field]: null }));
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
      });
      expect(error.extensions.fields?.[0].field).toBe(field);
    }
    expect(ok(await employer.placement(draft.id)).placement).toMatchObject({
      title: 'Lagermedarbejder',
      version: 1,
    });
  });

  it('pages correctly through slots created in the same transaction (same timestamp)', async () => {
    const ids = await t.dataSource.transaction(async (m) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO placement (company_id, type, title, occupation_id, isco_code, weekly_hours_min, weekly_hours_max,
             start_earliest, duration_weeks, capacity)
           VALUES ($1, 'internship', $2, $3, '9333', 10, 20, '2030-01-01', 4, 1) RETURNING id`,
          [company.id, `Samtidig ${i}`, occupationId],
        );
        out.push(row.id);
      }
      return out;
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = ok(
        await employer.placements({ first: 2, after, filter: { companyId: company.id } }),
      ).placements;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
