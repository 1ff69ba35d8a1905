import { Role } from '@jobbro/core';
import {
  aCompany,
  addMentorWith,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  companyPeople,
  createTestApp,
  deactivateMentor,
  failure,
  occupationByLabel,
  ok,
  placementHistory,
  removeSite,
  type TestApp,
  updateMentor,
  updateSite,
} from '@jobbro/testing';

const RANDOM_ID = '5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41';

type Company = Awaited<ReturnType<typeof aCompany>>;

/**
 * The company side editable by its people (libs/company/src/company-editing.service.ts): sites
 * and mentors change and retire, but never from under an open slot; a partner consultant works on
 * slots on the company's behalf, and the company sees who did what.
 */
describe('company editing', () => {
  let t: TestApp;
  let cookId: string;
  let centreA: { id: string; name: string };
  let adminX: Api;
  let adminY: Api;
  let consultantA: Api;
  let consultantB: Api;
  let x: Company;
  let y: Company;

  const slot = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    occupationId: cookId,
    ...extra,
  });
  const reasonOf = (res: Parameters<typeof failure>[0]) => {
    const e = failure(res);
    return { code: e.extensions.code, reason: e.extensions.reason, message: e.message };
  };

  beforeAll(async () => {
    t = await createTestApp();
    cookId = (await occupationByLabel(t.dataSource, 'cook')).id;
    centreA = await aJobCentre(t.dataSource, { name: 'Jobcenter Aarhus Test' });
    const centreB = await aJobCentre(t.dataSource);
    const adminXUser = await aUser().named('Xenia Admin').build(t.dataSource);
    const adminYUser = await aUser().build(t.dataSource);
    x = await aCompany(t.dataSource, adminXUser.id);
    y = await aCompany(t.dataSource, adminYUser.id);
    adminX = await new Api(t.http).signIn(adminXUser.email, adminXUser.password);
    adminY = await new Api(t.http).signIn(adminYUser.email, adminYUser.password);
    const consultant = async (centre: string, name: string) => {
      const u = await aUser()
        .withRole(Role.JobConsultant)
        .inJobCentre(centre)
        .named(name)
        .build(t.dataSource);
      return new Api(t.http).signIn(u.email, u.password);
    };
    consultantA = await consultant(centreA.id, 'Karen Konsulent');
    consultantB = await consultant(centreB.id, 'Bo Konsulent');
    await aPartnership(t.dataSource, x.id, centreA.id, 'active');
    await aPartnership(t.dataSource, y.id, centreB.id, 'active');
  });
  afterAll(() => t.close());

  describe('updateSite', () => {
    it('changes name and address, and a new postal code moves the site and its slots', async () => {
      const published = await adminX.publishSlot(x, slot('Kok ved Testvej'));
      const site = ok(
        await updateSite(adminX, {
          id: x.siteId,
          name: 'Køkkenet',
          streetAddress: 'Banegårdspladsen 1',
          postalCode: '8000',
          pNumber: '1234567890',
        }),
      ).updateSite;
      expect(site).toMatchObject({
        name: 'Køkkenet',
        streetAddress: 'Banegårdspladsen 1',
        postalCode: '8000',
        municipalityCode: 751,
        pNumber: '1234567890',
        removedAt: null,
      });
      const [row] = await t.dataSource.query<{ municipality_code: number }[]>(
        `SELECT municipality_code FROM placement WHERE id = $1`,
        [published],
      );
      expect(row.municipality_code).toBe(751);
      // The search index hears of the moved slot.
      const [events] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'placement.changed' AND aggregate_id = $1`,
        [published],
      );
      expect(events.n).toBeGreaterThanOrEqual(3);
      // Back to Copenhagen for the other tests; p-number cleared with null.
      const back = ok(
        await updateSite(adminX, { id: x.siteId, postalCode: '2300', pNumber: null }),
      ).updateSite;
      expect(back).toMatchObject({ postalCode: '2300', municipalityCode: 101, pNumber: null });
    });

    it('refuses an unknown postal code, and answers another company’s site like a random id', async () => {
      expect(
        reasonOf(await updateSite(adminX, { id: x.siteId, postalCode: '0001' })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_POSTAL_CODE' });
      const foreign = reasonOf(await updateSite(adminX, { id: y.siteId, name: 'Hacket' }));
      const random = reasonOf(await updateSite(adminX, { id: RANDOM_ID, name: 'Hacket' }));
      expect(foreign).toEqual(random);
      expect(foreign.reason).toBe('NO_SUCH_SITE');
      // Role: a consultant may not edit sites.
      expect(
        failure(await updateSite(consultantA, { id: x.siteId, name: 'Nej' })).extensions.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('removeSite', () => {
    it('is refused while a published or paused slot uses the site, naming the slot', async () => {
      const company = await aCompany(t.dataSource, await adminIdOf(adminX));
      const published = await adminX.publishSlot(company, slot('Opvasker i kantinen'));
      const refused = reasonOf(await removeSite(adminX, company.siteId));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.reason).toBe('SITE_IN_USE');
      expect(refused.message).toContain('"Opvasker i kantinen"');
      expect(refused.message).toContain('offentliggjort');
      const [kept] = await t.dataSource.query<{ removed_at: Date | null }[]>(
        `SELECT removed_at FROM site WHERE id = $1`,
        [company.siteId],
      );
      expect(kept.removed_at).toBeNull();

      ok(await adminX.pausePlacement(published));
      const paused = await adminX
        .inLanguage('en')
        .run(`mutation($id: ID!) { removeSite(id: $id) { id } }`, { id: company.siteId });
      expect(failure(paused).message).toBe(
        'The site is used by the placement "Opvasker i kantinen" (paused). Close it or move it to another site first.',
      );

      ok(await adminX.closePlacement(published));
      const removed = ok(await removeSite(adminX, company.siteId)).removeSite;
      expect(removed.removedAt).not.toBeNull();
      // Twice answers as the first time.
      expect(ok(await removeSite(adminX, company.siteId)).removeSite.removedAt).toBe(
        removed.removedAt,
      );
      // Gone from the company's sites, kept by the closed slot as history.
      const people = ok(await companyPeople(adminX, company.id)).company;
      expect(people.sites).toEqual([]);
      const closed = ok(await adminX.placement(published)).placement;
      expect(closed.site.id).toBe(company.siteId);
    });

    it('leaves drafts pointing at the removed site, which cannot then be published or chosen', async () => {
      const company = await aCompany(t.dataSource, await adminIdOf(adminX));
      const draft = await adminX.draftSlot(company, slot('Kladde med adresse'));
      ok(await removeSite(adminX, company.siteId));
      const publish = failure(await adminX.publishPlacement(draft));
      expect(publish.extensions.reason).toBe('PLACEMENT_NOT_PUBLISHABLE');
      expect(publish.extensions.fields?.map((f) => f.field)).toEqual(['siteId']);
      const choose = failure(
        await adminX.createPlacement({
          companyId: company.id,
          siteId: company.siteId,
          type: 'INTERNSHIP',
          title: 'Ny',
          occupationId: cookId,
          weeklyHoursMin: 5,
          weeklyHoursMax: 10,
          startEarliest: '2026-12-01',
          durationWeeks: 4,
          capacity: 1,
        }),
      );
      expect(choose.extensions.reason).toBe('SITE_NOT_FOUND');
      // An edit of the draft that does not touch the site still works.
      ok(await adminX.updatePlacement({ id: draft, title: 'Kladde, ny titel' }));
    });

    it('never lets a publish and the removal of its site both succeed', async () => {
      for (let round = 0; round < 6; round++) {
        const company = await aCompany(t.dataSource, await adminIdOf(adminX));
        const draft = await adminX.draftSlot(company, slot(`Kapløb ${round}`));
        const [published, removed] = await Promise.all([
          adminX.publishPlacement(draft),
          removeSite(adminX, company.siteId),
        ]);
        const outcomes = [!published.errors, !removed.errors];
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        const [row] = await t.dataSource.query<{ status: string; removed: boolean }[]>(
          `SELECT p.status, s.removed_at IS NOT NULL AS removed
             FROM placement p JOIN site s ON s.id = p.site_id WHERE p.id = $1`,
          [draft],
        );
        expect(row.status === 'published' && row.removed).toBe(false);
      }
    });
  });

  describe('mentors', () => {
    it('updateMentor changes details; another company’s mentor answers like a random id', async () => {
      const mentor = ok(
        await addMentorWith(adminX, {
          companyId: x.id,
          name: 'Mikkel',
          email: `mikkel-${Date.now()}@example.dk`,
          capacity: 1,
        }),
      ).addMentor;
      const changed = ok(
        await updateMentor(adminX, {
          id: mentor.id,
          name: 'Mikkel Mentor',
          phone: '+45 12 34 56 78',
          capacity: 3,
          siteId: x.siteId,
          email: '  MIKKEL.NY@Example.dk ',
        }),
      ).updateMentor;
      expect(changed).toMatchObject({
        name: 'Mikkel Mentor',
        phone: '+45 12 34 56 78',
        capacity: 3,
        siteId: x.siteId,
        email: 'mikkel.ny@example.dk',
        hasLogin: false,
        deactivatedAt: null,
      });
      const foreign = reasonOf(await updateMentor(adminX, { id: y.mentorId, capacity: 9 }));
      const random = reasonOf(await updateMentor(adminX, { id: RANDOM_ID, capacity: 9 }));
      expect(foreign).toEqual(random);
      const [row] = await t.dataSource.query<{ capacity: number }[]>(
        `SELECT capacity FROM mentor WHERE id = $1`,
        [y.mentorId],
      );
      expect(row.capacity).toBe(2);
    });

    it('deactivateMentor is refused while the mentor has a published slot, naming it', async () => {
      const company = await aCompany(t.dataSource, await adminIdOf(adminX));
      const published = await adminX.publishSlot(company, slot('Kok med Mona'));
      const refused = reasonOf(await deactivateMentor(adminX, company.mentorId));
      expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'MENTOR_IN_USE' });
      expect(refused.message).toContain('"Kok med Mona" (offentliggjort)');
      const [kept] = await t.dataSource.query<{ deactivated_at: Date | null }[]>(
        `SELECT deactivated_at FROM mentor WHERE id = $1`,
        [company.mentorId],
      );
      expect(kept.deactivated_at).toBeNull();

      ok(await adminX.closePlacement(published));
      const done = ok(await deactivateMentor(adminX, company.mentorId)).deactivateMentor;
      expect(done.deactivatedAt).not.toBeNull();
      // No longer offered (unless asked for), not choosable for a new slot.
      const people = ok(await companyPeople(adminX, company.id)).company;
      expect(people.mentors).toEqual([]);
      const all = ok(await companyPeople(adminX, company.id, true)).company;
      expect(all.mentors.map((m: { id: string }) => m.id)).toEqual([company.mentorId]);
      const choose = failure(
        await adminX.createPlacement({
          companyId: company.id,
          mentorId: company.mentorId,
          type: 'INTERNSHIP',
          title: 'Ny',
          occupationId: cookId,
          weeklyHoursMin: 5,
          weeklyHoursMax: 10,
          startEarliest: '2026-12-01',
          durationWeeks: 4,
          capacity: 1,
        }),
      );
      expect(choose.extensions.reason).toBe('MENTOR_DEACTIVATED');
    });

    it('a deactivated mentor’s login no longer reaches the company', async () => {
      const company = await aCompany(t.dataSource, await adminIdOf(adminX));
      const user = await aUser().withRole(Role.Mentor).build(t.dataSource);
      await t.dataSource.query(`UPDATE mentor SET user_id = $1 WHERE id = $2`, [
        user.id,
        company.mentorId,
      ]);
      const mentor = await new Api(t.http).signIn(user.email, user.password);
      expect(ok(await mentor.myCompanies()).myCompanies).toHaveLength(1);
      ok(await deactivateMentor(adminX, company.mentorId));
      expect(ok(await mentor.myCompanies()).myCompanies).toEqual([]);
      expect(failure(await mentor.company(company.id)).extensions.code).toBe('NOT_FOUND');
      // The person's account stays.
      expect(ok(await mentor.me()).me.id).toBe(user.id);
    });

    it('never lets a publish and the deactivation of its mentor both succeed', async () => {
      for (let round = 0; round < 6; round++) {
        const company = await aCompany(t.dataSource, await adminIdOf(adminX));
        const draft = await adminX.draftSlot(company, slot(`Mentorkapløb ${round}`));
        const [published, deactivated] = await Promise.all([
          adminX.publishPlacement(draft),
          deactivateMentor(adminX, company.mentorId),
        ]);
        expect([!published.errors, !deactivated.errors].filter(Boolean)).toHaveLength(1);
        const [row] = await t.dataSource.query<{ status: string; off: boolean }[]>(
          `SELECT p.status, m.deactivated_at IS NOT NULL AS off
             FROM placement p JOIN mentor m ON m.id = p.mentor_id WHERE p.id = $1`,
          [draft],
        );
        expect(row.status === 'published' && row.off).toBe(false);
      }
    });
  });

  describe('slots on the company’s behalf', () => {
    it('a partner consultant creates and edits; the admin sees who, for which job centre', async () => {
      const draft = await consultantA.draftSlot(x, slot('Køkkenhjælp (oprettet af jobcentret)'));
      ok(
        await consultantA.updatePlacement({
          id: draft,
          tasks: ['Skrælle kartofler', 'Opvask'],
          expectedVersion: 1,
        }),
      );
      // The consultant sees the draft their job centre made; the company sees it too.
      const seenByConsultant = ok(await placementHistory(consultantA, draft)).placement;
      expect(seenByConsultant.createdBy).toEqual({
        displayName: 'Karen Konsulent',
        onBehalf: true,
        jobCentreId: centreA.id,
        jobCentreName: 'Jobcenter Aarhus Test',
      });
      const seenByAdmin = ok(await placementHistory(adminX, draft)).placement;
      expect(seenByAdmin.createdBy.displayName).toBe('Karen Konsulent');
      expect(seenByAdmin.lastChangedBy).toMatchObject({
        displayName: 'Karen Konsulent',
        onBehalf: true,
        jobCentreName: 'Jobcenter Aarhus Test',
      });
      expect(
        seenByAdmin.changes.map(
          (c: { version: number; action: string; changedFields: string[] }) => [
            c.version,
            c.action,
            c.changedFields,
          ],
        ),
      ).toEqual([
        [2, 'updated', ['tasks']],
        [1, 'created', []],
      ]);
      // Publishing stays with the company.
      expect(failure(await consultantA.publishPlacement(draft)).extensions.code).toBe('FORBIDDEN');
      ok(await adminX.publishPlacement(draft));
      const after = ok(await placementHistory(adminX, draft)).placement;
      expect(after.lastChangedBy).toMatchObject({ displayName: 'Xenia Admin', onBehalf: false });
      expect(after.changes[0]).toMatchObject({ action: 'published', version: 3 });
    });

    it('answers other job centres NOT_FOUND and a paused partnership FORBIDDEN', async () => {
      const create = (api: Api, company: Company) =>
        api.createPlacement({
          companyId: company.id,
          type: 'INTERNSHIP',
          title: 'Forsøg',
          occupationId: cookId,
          weeklyHoursMin: 5,
          weeklyHoursMax: 10,
          startEarliest: '2026-12-01',
          durationWeeks: 4,
          capacity: 1,
        });
      // B is no partner of X: X does not exist for B's consultant.
      const foreign = reasonOf(await create(consultantB, x));
      const random = reasonOf(await create(consultantB, { ...x, id: RANDOM_ID }));
      expect(foreign).toEqual(random);
      expect(foreign.code).toBe('NOT_FOUND');
      // A's draft of X's is invisible to B, and to A when made by X itself.
      const ownDraft = await adminX.draftSlot(x, slot('Virksomhedens egen kladde'));
      expect(
        failure(await consultantA.updatePlacement({ id: ownDraft, title: 'x' })).extensions.code,
      ).toBe('NOT_FOUND');
      // Paused partnership: A still sees X, but may not act for it.
      const company = await aCompany(t.dataSource, await adminIdOf(adminX));
      const partnership = await aPartnership(t.dataSource, company.id, centreA.id, 'paused');
      expect(failure(await create(consultantA, company)).extensions.code).toBe('FORBIDDEN');
      await t.dataSource.query(`UPDATE partnership SET status = 'active' WHERE id = $1`, [
        partnership,
      ]);
      ok(await create(consultantA, company));
      // Y's admin never sees X's slots.
      expect(failure(await placementHistory(adminY, ownDraft)).extensions.code).toBe('NOT_FOUND');
    });
  });

  it('shows staff of another partner job centre that a job centre acted, not who or which', async () => {
    const company = await aCompany(t.dataSource, await adminIdOf(adminX));
    await aPartnership(t.dataSource, company.id, centreA.id, 'active');
    const centreBId = (ok(await consultantB.me()).me as { jobCentre: { id: string } }).jobCentre.id;
    await aPartnership(t.dataSource, company.id, centreBId, 'active');
    const id = await consultantA.draftSlot(company, slot('Oprettet af A'));
    ok(await adminX.publishPlacement(id));
    const seenByB = ok(await placementHistory(consultantB, id)).placement;
    expect(seenByB.createdBy).toEqual({
      displayName: null,
      onBehalf: true,
      jobCentreId: null,
      jobCentreName: null,
    });
    expect(seenByB.lastChangedBy).toMatchObject({ displayName: 'Xenia Admin', onBehalf: false });
    expect(
      seenByB.changes.map((c: { by: { displayName: string | null } }) => c.by.displayName),
    ).toEqual(['Xenia Admin', null]);
  });

  async function adminIdOf(api: Api): Promise<string> {
    return (ok(await api.me()).me as { id: string }).id;
  }
});
