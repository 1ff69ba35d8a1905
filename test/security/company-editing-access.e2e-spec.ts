import { Role } from '@jobbro/core';
import {
  aCompany,
  addCompanyAdmin,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  createTestApp,
  deactivateMentor,
  type GraphqlResponse,
  inviteCompanyUser,
  inviteMentor,
  occupationByLabel,
  removeCompanyAdmin,
  removeSite,
  type TestApp,
  updateMentor,
  updateSite,
} from '@jobbro/testing';
import type { DataSource } from 'typeorm';

type Caller =
  | 'adminX'
  | 'adminY'
  | 'mentorX'
  | 'consultantA'
  | 'administratorA'
  | 'caseworkerA'
  | 'supportWorkerA'
  | 'consultantB';
type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN';

/**
 * Who may do what to company X's sites, mentors, admins and slots (libs/company/src/company.access.ts).
 * Job centre A partners X (active), B partners Y. Expected: X's admins do everything; a partner
 * consultant (A) creates and edits slots on X's behalf (and may invite only the first admin of a
 * company, which X is past: COMPANY_HAS_ADMIN, FORBIDDEN); everyone who may
 * not know X (Y's admin, B's consultant) gets NOT_FOUND; a role that never does an operation gets
 * FORBIDDEN from the role check, before any id is looked at.
 */
describe('company editing: access matrix', () => {
  let t: TestApp;
  let api: Record<Caller, Api>;
  let x: Awaited<ReturnType<typeof aCompany>>;
  let cookId: string;
  let n = 0;

  const extraSite = async (ds: DataSource): Promise<string> =>
    (
      await ds.query<{ id: string }[]>(
        `INSERT INTO site (company_id, name, street_address, postal_code, municipality_code, latitude, longitude)
         SELECT $1, 'Lager', 'Lagervej 2', code, municipality_code, latitude, longitude FROM postal_code WHERE code = '2300'
         RETURNING id`,
        [x.id],
      )
    )[0].id;
  const extraMentor = async (ds: DataSource): Promise<string> =>
    (
      await ds.query<{ id: string }[]>(
        `INSERT INTO mentor (company_id, name, email, capacity) VALUES ($1, 'Ekstra', $2, 1) RETURNING id`,
        [x.id, `extra-${n++}-${Date.now()}@example.dk`],
      )
    )[0].id;
  const extraAdmin = async (ds: DataSource): Promise<string> => {
    const user = await aUser().build(ds);
    await ds.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
      x.id,
      user.id,
    ]);
    return user.id;
  };
  const placementInput = () => ({
    companyId: x.id,
    type: 'INTERNSHIP',
    title: 'Adgangstest',
    occupationId: cookId,
    weeklyHoursMin: 5,
    weeklyHoursMax: 10,
    startEarliest: '2026-12-01',
    durationWeeks: 4,
    capacity: 1,
  });

  const OPERATIONS: Record<
    string,
    {
      call: (a: Api, ds: DataSource) => Promise<GraphqlResponse>;
      expected: Record<Caller, Outcome>;
    }
  > = {
    updateSite: {
      call: (a) => updateSite(a, { id: x.siteId, name: 'Hovedkontor' }),
      expected: companyAdminOnly(),
    },
    removeSite: {
      call: async (a, ds) => removeSite(a, await extraSite(ds)),
      expected: companyAdminOnly(),
    },
    updateMentor: {
      call: async (a, ds) => updateMentor(a, { id: await extraMentor(ds), capacity: 2 }),
      expected: companyAdminOnly(),
    },
    deactivateMentor: {
      call: async (a, ds) => deactivateMentor(a, await extraMentor(ds)),
      expected: companyAdminOnly(),
    },
    inviteMentor: {
      call: async (a, ds) => inviteMentor(a, await extraMentor(ds)),
      expected: companyAdminOnly(),
    },
    addCompanyAdmin: {
      call: (a) =>
        addCompanyAdmin(a, { companyId: x.id, email: `a${n++}@example.dk`, displayName: 'A' }),
      expected: companyAdminOnly(),
    },
    removeCompanyAdmin: {
      call: async (a, ds) => removeCompanyAdmin(a, x.id, await extraAdmin(ds)),
      expected: companyAdminOnly(),
    },
    inviteCompanyUser: {
      call: (a) =>
        inviteCompanyUser(a, {
          role: 'COMPANY_ADMIN',
          companyId: x.id,
          email: `i${n++}@example.dk`,
          displayName: 'I',
        }),
      // X has an admin: only its admins add admins (staff invite the first admin only).
      expected: {
        adminX: 'OK',
        adminY: 'NOT_FOUND',
        mentorX: 'FORBIDDEN',
        consultantA: 'FORBIDDEN',
        administratorA: 'FORBIDDEN',
        caseworkerA: 'FORBIDDEN',
        supportWorkerA: 'FORBIDDEN',
        consultantB: 'NOT_FOUND',
      },
    },
    createPlacement: {
      call: (a) => a.createPlacement(placementInput()),
      expected: {
        adminX: 'OK',
        adminY: 'NOT_FOUND',
        mentorX: 'FORBIDDEN',
        consultantA: 'OK',
        administratorA: 'FORBIDDEN',
        caseworkerA: 'FORBIDDEN',
        supportWorkerA: 'FORBIDDEN',
        consultantB: 'NOT_FOUND',
      },
    },
    updatePlacement: {
      call: async (a) => {
        const id = await api.adminX.publishSlot(x, { title: 'Åbent', occupationId: cookId });
        return a.updatePlacement({ id, title: 'Ændret' });
      },
      expected: {
        adminX: 'OK',
        adminY: 'NOT_FOUND',
        mentorX: 'FORBIDDEN',
        consultantA: 'OK',
        administratorA: 'FORBIDDEN',
        caseworkerA: 'FORBIDDEN',
        supportWorkerA: 'FORBIDDEN',
        consultantB: 'NOT_FOUND',
      },
    },
    publishPlacement: {
      call: async (a) => {
        const id = await api.consultantA.draftSlot(x, {
          title: 'Af jobcentret',
          occupationId: cookId,
        });
        return a.publishPlacement(id);
      },
      expected: companyAdminOnly(),
    },
  };

  function companyAdminOnly(): Record<Caller, Outcome> {
    return {
      adminX: 'OK',
      adminY: 'NOT_FOUND',
      mentorX: 'FORBIDDEN',
      consultantA: 'FORBIDDEN',
      administratorA: 'FORBIDDEN',
      caseworkerA: 'FORBIDDEN',
      supportWorkerA: 'FORBIDDEN',
      consultantB: 'FORBIDDEN',
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    cookId = (await occupationByLabel(t.dataSource, 'cook')).id;
    const centreA = await aJobCentre(t.dataSource);
    const centreB = await aJobCentre(t.dataSource);
    const adminXUser = await aUser().build(t.dataSource);
    const adminYUser = await aUser().build(t.dataSource);
    x = await aCompany(t.dataSource, adminXUser.id);
    const y = await aCompany(t.dataSource, adminYUser.id);
    await aPartnership(t.dataSource, x.id, centreA.id, 'active');
    await aPartnership(t.dataSource, y.id, centreB.id, 'active');
    const mentorUser = await aUser().withRole(Role.Mentor).build(t.dataSource);
    await t.dataSource.query(`UPDATE mentor SET user_id = $1 WHERE id = $2`, [
      mentorUser.id,
      x.mentorId,
    ]);
    const signIn = (u: { email: string; password: string }) =>
      new Api(t.http).signIn(u.email, u.password);
    const staff = async (role: Role, centre: string) =>
      signIn(await aUser().withRole(role).inJobCentre(centre).build(t.dataSource));
    api = {
      adminX: await signIn(adminXUser),
      adminY: await signIn(adminYUser),
      mentorX: await signIn(mentorUser),
      consultantA: await staff(Role.JobConsultant, centreA.id),
      administratorA: await staff(Role.Administrator, centreA.id),
      caseworkerA: await staff(Role.Caseworker, centreA.id),
      supportWorkerA: await staff(Role.SocialSupportWorker, centreA.id),
      consultantB: await staff(Role.JobConsultant, centreB.id),
    };
  });
  afterAll(() => t.close());

  const cases = Object.entries(OPERATIONS).flatMap(([name, op]) =>
    (Object.keys(op.expected) as Caller[]).map(
      (caller) => [name, caller, op.expected[caller]] as const,
    ),
  );

  it.each(cases)('%s by %s: %s', async (name, caller, expected) => {
    const res = await OPERATIONS[name].call(api[caller], t.dataSource);
    const outcome = res.errors?.length ? res.errors[0].extensions.code : 'OK';
    expect(outcome).toBe(expected);
  });
});
