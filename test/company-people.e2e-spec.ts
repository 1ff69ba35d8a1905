import { OutboxRelay, Role } from '@jobbro/core';
import {
  acceptInvitation,
  aCompany,
  addCompanyAdmin,
  addMentorWith,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  aValidCvr,
  companyPeople,
  companyRegistrationInvite,
  createTestApp,
  failure,
  inviteCompanyUser,
  inviteMentor,
  occupationByLabel,
  ok,
  removeCompanyAdmin,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
  tokenInMail,
} from '@jobbro/testing';

const RANDOM_ID = '5f0c3a52-8d1e-4c7b-9a2f-3e6d1b0c9a41';

type Company = Awaited<ReturnType<typeof aCompany>>;

/**
 * The company's people (libs/company/src/company-people.service.ts): invitations for company
 * admins and mentors over a real SMTP server, accepted into the right company; a second admin and
 * never removing the last one, even when two removals race.
 */
describe('company people', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let cookId: string;
  let centreA: { id: string; name: string };
  let adminX: Api;
  let adminXId: string;
  let adminY: Api;
  let consultantA: Api;
  let consultantB: Api;
  let caseworkerA: Api;
  let x: Company;
  let y: Company;
  const anonymous = () => new Api(t.http);
  let n = 0;
  const email = (who: string) => `${who}-${Date.now()}-${n++}@example.dk`;

  /** Delivers the outbox and returns the token of the newest mail to `to`. */
  async function tokenFor(to: string, count = 1): Promise<string> {
    await t.app.get(OutboxRelay).drain();
    const mails = await smtp.waitFor(count, to);
    const token = tokenInMail(mails[count - 1]);
    if (!token) throw new Error('no token in the mail');
    return token;
  }
  const reasonOf = (res: Parameters<typeof failure>[0]) => {
    const e = failure(res);
    return { code: e.extensions.code, reason: e.extensions.reason, message: e.message };
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Jobbro <no-reply@jobbro.test>',
      PUBLIC_URL: 'https://jobbro.test',
    });
    cookId = (await occupationByLabel(t.dataSource, 'cook')).id;
    centreA = await aJobCentre(t.dataSource, { name: 'Jobcenter Odense Test' });
    const centreB = await aJobCentre(t.dataSource);
    const adminXUser = await aUser().named('Xenia Admin').build(t.dataSource);
    const adminYUser = await aUser().build(t.dataSource);
    adminXId = adminXUser.id;
    x = await aCompany(t.dataSource, adminXUser.id);
    y = await aCompany(t.dataSource, adminYUser.id);
    adminX = await anonymous().signIn(adminXUser.email, adminXUser.password);
    adminY = await anonymous().signIn(adminYUser.email, adminYUser.password);
    const staff = async (role: Role, centre: string) => {
      const u = await aUser().withRole(role).inJobCentre(centre).build(t.dataSource);
      return anonymous().signIn(u.email, u.password);
    };
    consultantA = await staff(Role.JobConsultant, centreA.id);
    consultantB = await staff(Role.JobConsultant, centreB.id);
    caseworkerA = await staff(Role.Caseworker, centreA.id);
    await aPartnership(t.dataSource, x.id, centreA.id, 'active');
    await aPartnership(t.dataSource, y.id, centreB.id, 'active');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  describe('mentors with a login', () => {
    it('addMentor with invite mails the mentor; accepting signs them in to see the company’s slots', async () => {
      const published = await adminX.publishSlot(x, {
        title: 'Kok i kantinen',
        occupationId: cookId,
      });
      const address = email('mette');
      const mentor = ok(
        await addMentorWith(adminX, {
          companyId: x.id,
          siteId: x.siteId,
          name: 'Mette Mentor',
          email: address,
          capacity: 2,
          invite: true,
        }),
      ).addMentor;
      expect(mentor.hasLogin).toBe(false);
      const token = await tokenFor(address);
      const [mail] = smtp.mailTo(address);
      expect(mail.subject).toMatch(/Jobbro/);
      expect(mail.text).toContain('Mette Mentor');

      const accepted = ok(await acceptInvitation(anonymous(), token)).acceptInvitation;
      expect(accepted.user).toMatchObject({ email: address, role: 'MENTOR' });
      const asMentor = anonymous().as(accepted.accessToken);
      expect(ok(await asMentor.myCompanies()).myCompanies.map((c: { id: string }) => c.id)).toEqual(
        [x.id],
      );
      const slots = ok(await asMentor.placements({ first: 10 })).placements;
      expect(slots.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(published);
      const people = ok(await companyPeople(adminX, x.id)).company;
      expect(people.mentors.find((m: { id: string }) => m.id === mentor.id).hasLogin).toBe(true);
      // Used once.
      expect(failure(await acceptInvitation(anonymous(), token)).extensions.code).not.toBe('OK');
      // A mentor with a login is not invited again.
      expect(reasonOf(await inviteMentor(adminX, mentor.id)).reason).toBe('MENTOR_HAS_LOGIN');
    });

    it('inviteMentor invites an existing mentor later; foreign mentors answer like random ids', async () => {
      const address = email('ole');
      const mentor = ok(
        await addMentorWith(adminX, { companyId: x.id, name: 'Ole', email: address, capacity: 1 }),
      ).addMentor;
      await t.app.get(OutboxRelay).drain();
      expect(smtp.mailTo(address)).toHaveLength(0);
      const invitation = ok(await inviteMentor(adminX, mentor.id)).inviteMentor;
      expect(invitation).toMatchObject({
        kind: 'MENTOR',
        email: address,
        displayName: 'Ole',
        role: 'MENTOR',
        status: 'PENDING',
        companyId: x.id,
        invitedBy: { id: adminXId, displayName: 'Xenia Admin' },
      });
      await tokenFor(address);

      const foreign = reasonOf(await inviteMentor(adminX, y.mentorId));
      const random = reasonOf(await inviteMentor(adminX, RANDOM_ID));
      expect(foreign).toEqual(random);
      expect(foreign.reason).toBe('NO_SUCH_MENTOR');
    });

    it('addMentor stores the address as compared (the input normalizes it), and the invitation too', async () => {
      const address = email('blandet');
      const mentor = ok(
        await addMentorWith(adminX, {
          companyId: x.id,
          name: '  Bo Blandet ',
          email: `  ${address.toUpperCase()} `,
          capacity: 1,
          invite: true,
        }),
      ).addMentor;
      expect(mentor).toMatchObject({ name: 'Bo Blandet', email: address });
      await tokenFor(address);
      // The same address in other letters is the same mentor.
      expect(
        reasonOf(
          await addMentorWith(adminX, { companyId: x.id, name: 'Bo', email: address, capacity: 1 }),
        ).reason,
      ).toBe('MENTOR_EMAIL_TAKEN');
    });

    it('deactivating a mentor revokes their pending invitation, which then cannot be accepted', async () => {
      const address = email('kim');
      const mentor = ok(
        await addMentorWith(adminX, {
          companyId: x.id,
          name: 'Kim',
          email: address,
          capacity: 1,
          invite: true,
        }),
      ).addMentor;
      const token = await tokenFor(address);
      ok(
        await adminX.run(`mutation($id: ID!) { deactivateMentor(id: $id) { id } }`, {
          id: mentor.id,
        }),
      );
      const [invitation] = await t.dataSource.query<{ revoked: boolean }[]>(
        `SELECT revoked_at IS NOT NULL AS revoked FROM invitation WHERE subject_id = $1`,
        [mentor.id],
      );
      expect(invitation.revoked).toBe(true);
      expect(reasonOf(await acceptInvitation(anonymous(), token)).reason).toBe(
        'INVITATION_REVOKED',
      );
      // Not even once the address belongs to a new, active mentor of the company.
      ok(
        await addMentorWith(adminX, {
          companyId: x.id,
          name: 'Kim 2',
          email: address,
          capacity: 1,
        }),
      );
      expect(reasonOf(await acceptInvitation(anonymous(), token)).reason).toBe(
        'INVITATION_REVOKED',
      );
      const [row] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM app_user WHERE email = $1`,
        [address],
      );
      expect(row.n).toBe(0);
    });
  });

  describe('company admins', () => {
    it('addCompanyAdmin invites a second admin who, once accepted, manages the company', async () => {
      const company = await aCompany(t.dataSource, adminXId);
      const address = email('anne');
      const invitation = ok(
        await addCompanyAdmin(adminX, {
          companyId: company.id,
          email: `  ${address.toUpperCase()} `,
          displayName: 'Anne Admin',
        }),
      ).addCompanyAdmin;
      expect(invitation).toMatchObject({
        kind: 'COMPANY_ADMIN',
        email: address,
        role: 'COMPANY_ADMIN',
        companyId: company.id,
      });
      const token = await tokenFor(address);
      const accepted = ok(await acceptInvitation(anonymous(), token)).acceptInvitation;
      const anne = anonymous().as(accepted.accessToken);
      ok(await anne.updateCompany({ id: company.id, name: 'Annes firma' }));
      const admins = ok(await companyPeople(adminX, company.id)).company.admins;
      expect(admins.map((a: { displayName: string }) => a.displayName).sort()).toEqual([
        'Anne Admin',
        'Xenia Admin',
      ]);
    });

    it('an admin of another company, invited, administers both with one login', async () => {
      const other = await aUser().named('Otto Admin').build(t.dataSource);
      const own = await aCompany(t.dataSource, other.id);
      const company = await aCompany(t.dataSource, adminXId);
      ok(
        await addCompanyAdmin(adminX, {
          companyId: company.id,
          email: other.email,
          displayName: 'Otto',
        }),
      );
      const accepted = ok(
        await acceptInvitation(anonymous(), await tokenFor(other.email)),
      ).acceptInvitation;
      expect(accepted.user.id).toBe(other.id);
      const otto = anonymous().as(accepted.accessToken);
      const mine = ok(await otto.myCompanies()).myCompanies.map((c: { id: string }) => c.id);
      expect(mine.sort()).toEqual([own.id, company.id].sort());
    });

    it('answers the same whether or not the address has an account', async () => {
      const existing = await aUser().withRole(Role.Citizen).build(t.dataSource);
      const strip = (res: Awaited<ReturnType<typeof addCompanyAdmin>>) => {
        const inv = ok(res).addCompanyAdmin;
        return { status: inv.status, kind: inv.kind, keys: Object.keys(inv).sort() };
      };
      const known = strip(
        await addCompanyAdmin(adminX, {
          companyId: x.id,
          email: existing.email,
          displayName: 'Kendt',
        }),
      );
      const unknown = strip(
        await addCompanyAdmin(adminX, {
          companyId: x.id,
          email: email('ukendt'),
          displayName: 'Ny',
        }),
      );
      expect(known).toEqual(unknown);
    });

    it('refuses foreign companies like random ids, and staff and mentors by role', async () => {
      const input = (companyId: string) => ({ companyId, email: email('z'), displayName: 'Z' });
      const foreign = reasonOf(await addCompanyAdmin(adminX, input(y.id)));
      const random = reasonOf(await addCompanyAdmin(adminX, input(RANDOM_ID)));
      expect(foreign).toEqual(random);
      expect(foreign.code).toBe('NOT_FOUND');
      expect(failure(await addCompanyAdmin(consultantA, input(x.id))).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(reasonOf(await removeCompanyAdmin(adminX, y.id, RANDOM_ID))).toEqual(
        reasonOf(await removeCompanyAdmin(adminX, RANDOM_ID, RANDOM_ID)),
      );
    });

    it('never removes the last admin; removing yourself is fine while another remains', async () => {
      const company = await aCompany(t.dataSource, adminXId);
      expect(reasonOf(await removeCompanyAdmin(adminX, company.id, adminXId))).toMatchObject({
        code: 'CONFLICT',
        reason: 'LAST_COMPANY_ADMIN',
      });
      // Someone who is no admin of the company, known or not, answers alike.
      const other = await aUser().build(t.dataSource);
      expect(reasonOf(await removeCompanyAdmin(adminX, company.id, other.id))).toEqual(
        reasonOf(await removeCompanyAdmin(adminX, company.id, RANDOM_ID)),
      );

      const second = await aUser().named('Sofie').build(t.dataSource);
      await t.dataSource.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
        company.id,
        second.id,
      ]);
      const sofie = await anonymous().signIn(second.email, second.password);
      const after = ok(await removeCompanyAdmin(sofie, company.id, second.id)).removeCompanyAdmin;
      expect(after.id).toBe(company.id);
      expect(failure(await sofie.company(company.id)).extensions.code).toBe('NOT_FOUND');
    });

    it('keeps one admin when two admins remove each other at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const one = await aUser().build(t.dataSource);
        const two = await aUser().build(t.dataSource);
        const company = await aCompany(t.dataSource, one.id);
        await t.dataSource.query(
          `INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`,
          [company.id, two.id],
        );
        const [apiOne, apiTwo] = await Promise.all([
          anonymous().signIn(one.email, one.password),
          anonymous().signIn(two.email, two.password),
        ]);
        const results = await Promise.all([
          removeCompanyAdmin(apiOne, company.id, two.id),
          removeCompanyAdmin(apiTwo, company.id, one.id),
        ]);
        expect(results.filter((r) => !r.errors)).toHaveLength(1);
        const refused = results.find((r) => r.errors)!;
        // The loser either found itself removed already (NOT_FOUND) or saw the last admin rule.
        expect(['LAST_COMPANY_ADMIN', 'COMPANY_NOT_FOUND']).toContain(
          failure(refused).extensions.reason,
        );
        const [{ n }] = await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM company_admin WHERE company_id = $1`,
          [company.id],
        );
        expect(n).toBe(1);
      }
    });
  });

  /** A company registered by staff (no admin), in active partnership with the job centre. */
  async function partnerWithoutAdmin(
    jobCentreId: string,
  ): Promise<Company & { partnershipId: string }> {
    const owner = await aUser().build(t.dataSource);
    const company = await aCompany(t.dataSource, owner.id);
    await t.dataSource.query(`DELETE FROM company_admin WHERE company_id = $1`, [company.id]);
    const partnershipId = await aPartnership(t.dataSource, company.id, jobCentreId, 'active');
    return { ...company, partnershipId };
  }
  const adminCount = async (companyId: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM company_admin WHERE company_id = $1`,
        [companyId],
      )
    )[0].n;
  const usersWith = async (address: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM app_user WHERE email = $1`,
        [address],
      )
    )[0].n;

  describe('who may add an admin to an existing company', () => {
    it('a partner consultant cannot make anyone an admin of a company that has one', async () => {
      const address = email('takeover');
      const refused = reasonOf(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          companyId: x.id,
          email: address,
          displayName: 'Mallory',
        }),
      );
      expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'COMPANY_HAS_ADMIN' });
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM invitation WHERE email = $1`,
        [address],
      );
      expect(n).toBe(0);
      expect(await adminCount(x.id)).toBe(1);
    });

    it('a staff invitation sent while the company had no admin fails once it has one', async () => {
      const company = await partnerWithoutAdmin(centreA.id);
      const first = email('first-admin');
      const second = email('second-admin');
      for (const [address, name] of [
        [first, 'Første'],
        [second, 'Anden'],
      ])
        ok(
          await inviteCompanyUser(consultantA, {
            role: 'COMPANY_ADMIN',
            companyId: company.id,
            email: address,
            displayName: name,
          }),
        );
      ok(await acceptInvitation(anonymous(), await tokenFor(first)));
      expect(reasonOf(await acceptInvitation(anonymous(), await tokenFor(second)))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'COMPANY_HAS_ADMIN',
      });
      // Nothing half-written: no login, no admin row, the invitation still pending.
      expect(await usersWith(second)).toBe(0);
      expect(await adminCount(company.id)).toBe(1);
      // And the consultant cannot send a new one now.
      expect(
        reasonOf(
          await inviteCompanyUser(consultantA, {
            role: 'COMPANY_ADMIN',
            companyId: company.id,
            email: email('third'),
            displayName: 'Tredje',
          }),
        ).reason,
      ).toBe('COMPANY_HAS_ADMIN');
    });

    it('a staff invitation fails once the partnership is no longer active', async () => {
      const company = await partnerWithoutAdmin(centreA.id);
      const address = email('paused');
      ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          companyId: company.id,
          email: address,
          displayName: 'Pauline',
        }),
      );
      await t.dataSource.query(`UPDATE partnership SET status = 'paused' WHERE id = $1`, [
        company.partnershipId,
      ]);
      expect(reasonOf(await acceptInvitation(anonymous(), await tokenFor(address)))).toMatchObject({
        code: 'CONFLICT',
        reason: 'PARTNERSHIP_NOT_ACTIVE',
      });
      expect(await usersWith(address)).toBe(0);
      expect(await adminCount(company.id)).toBe(0);
    });

    it('an admin’s invitation fails once the inviter is no longer an admin of the company', async () => {
      const inviter = await aUser().build(t.dataSource);
      const company = await aCompany(t.dataSource, inviter.id);
      await t.dataSource.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
        company.id,
        adminXId,
      ]);
      const inviterApi = await anonymous().signIn(inviter.email, inviter.password);
      const address = email('late');
      ok(
        await addCompanyAdmin(inviterApi, {
          companyId: company.id,
          email: address,
          displayName: 'Lene',
        }),
      );
      const token = await tokenFor(address);
      // Removed behind the service's back (the invitation stays pending): acceptance re-checks.
      await t.dataSource.query(`DELETE FROM company_admin WHERE company_id = $1 AND user_id = $2`, [
        company.id,
        inviter.id,
      ]);
      expect(reasonOf(await acceptInvitation(anonymous(), token))).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITER_NOT_COMPANY_ADMIN',
      });
      expect(await usersWith(address)).toBe(0);
      expect(await adminCount(company.id)).toBe(1);
    });

    it('removing an admin revokes the invitations they sent for that company, not others', async () => {
      const leaving = await aUser().build(t.dataSource);
      const company = await aCompany(t.dataSource, leaving.id);
      const elsewhere = await aCompany(t.dataSource, leaving.id);
      await t.dataSource.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
        company.id,
        adminXId,
      ]);
      const leavingApi = await anonymous().signIn(leaving.email, leaving.password);
      const here = email('here');
      const there = email('there');
      ok(
        await addCompanyAdmin(leavingApi, { companyId: company.id, email: here, displayName: 'H' }),
      );
      ok(
        await addCompanyAdmin(leavingApi, {
          companyId: elsewhere.id,
          email: there,
          displayName: 'T',
        }),
      );
      const hereToken = await tokenFor(here);
      const thereToken = await tokenFor(there);
      ok(await removeCompanyAdmin(adminX, company.id, leaving.id));
      const [row] = await t.dataSource.query<{ revoked: boolean }[]>(
        `SELECT revoked_at IS NOT NULL AS revoked FROM invitation WHERE email = $1`,
        [here],
      );
      expect(row.revoked).toBe(true);
      expect(reasonOf(await acceptInvitation(anonymous(), hereToken)).reason).toBe(
        'INVITATION_REVOKED',
      );
      ok(await acceptInvitation(anonymous(), thereToken));
    });
  });

  describe('a consultant invites a company admin', () => {
    it('for a new company with its CVR: the admin registers it and the partnership starts', async () => {
      const cvr = aValidCvr();
      const address = email('ny-virksomhed');
      const invitation = ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          email: address,
          displayName: 'Nina Ny',
          companyCvr: `DK ${cvr.slice(0, 4)} ${cvr.slice(4)}`,
        }),
      ).inviteCompanyUser;
      expect(invitation).toMatchObject({
        kind: 'COMPANY_ADMIN',
        companyId: null,
        companyCvr: cvr,
        jobCentreId: centreA.id,
      });
      const token = await tokenFor(address);
      const accepted = ok(await acceptInvitation(anonymous(), token)).acceptInvitation;
      const nina = anonymous().as(accepted.accessToken);
      expect(ok(await companyRegistrationInvite(nina)).companyRegistrationInvite).toEqual({
        jobCentreId: centreA.id,
        jobCentreName: 'Jobcenter Odense Test',
        cvr,
      });
      const company = ok(
        await nina.registerCompany({ cvr, name: 'Ninas Køkken ApS', ordinaryEmployees: 12 }),
      ).registerCompany;
      expect(ok(await companyRegistrationInvite(nina)).companyRegistrationInvite).toBeNull();
      // The inviting job centre partners with the company at once.
      const partnerships = ok(
        await consultantA.run(`{ jobCentrePartnerships { status company { id } } }`),
      ).jobCentrePartnerships as { status: string; company: { id: string } | null }[];
      expect(partnerships.find((p) => p.company?.id === company.id)?.status).toBe('ACTIVE');
      ok(await consultantA.company(company.id));
    });

    it('for a partner company without an admin, and refuses non-partners, caseworkers and bad CVRs', async () => {
      const adminless = await partnerWithoutAdmin(centreA.id);
      const address = email('partner-admin');
      ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          companyId: adminless.id,
          email: address,
          displayName: 'Peter Partner',
        }),
      );
      const accepted = ok(
        await acceptInvitation(anonymous(), await tokenFor(address)),
      ).acceptInvitation;
      ok(await anonymous().as(accepted.accessToken).company(adminless.id));

      const forY = (api: Api, companyId: string) =>
        inviteCompanyUser(api, {
          role: 'COMPANY_ADMIN',
          companyId,
          email: email('y'),
          displayName: 'Y',
        });
      expect(reasonOf(await forY(consultantA, y.id))).toEqual(
        reasonOf(await forY(consultantA, RANDOM_ID)),
      );
      expect(failure(await forY(caseworkerA, x.id)).extensions.code).toBe('FORBIDDEN');
      expect(failure(await forY(consultantB, x.id)).extensions.code).toBe('NOT_FOUND');
      const badCvr = failure(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          email: email('bad'),
          displayName: 'Bad',
          companyCvr: '12345678',
        }),
      );
      expect(badCvr.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CVR' });
    });

    it('for a CVR already in Jobbro answers as for a new one; registering it is refused', async () => {
      const shape = (inv: Record<string, unknown>) => ({
        ...inv,
        id: typeof inv.id,
        email: typeof inv.email,
        companyCvr: typeof inv.companyCvr,
        createdAt: typeof inv.createdAt,
        expiresAt: typeof inv.expiresAt,
      });
      const address = email('known-cvr');
      const known = ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          email: address,
          displayName: 'Dup',
          companyCvr: y.cvr,
        }),
      ).inviteCompanyUser;
      const fresh = ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          email: email('fresh-cvr'),
          displayName: 'Dup',
          companyCvr: aValidCvr(),
        }),
      ).inviteCompanyUser;
      expect(shape(known)).toEqual(shape(fresh));
      const accepted = ok(
        await acceptInvitation(anonymous(), await tokenFor(address)),
      ).acceptInvitation;
      const dup = anonymous().as(accepted.accessToken);
      expect(
        reasonOf(await dup.registerCompany({ cvr: y.cvr, name: 'Ikke Y', ordinaryEmployees: 1 }))
          .reason,
      ).toBe('DUPLICATE_CVR');
      // The invite stays until a company is registered.
      expect(ok(await companyRegistrationInvite(dup)).companyRegistrationInvite.cvr).toBe(y.cvr);
    });

    it('registering another CVR than the suggested one only proposes the partnership', async () => {
      const address = email('other-cvr');
      ok(
        await inviteCompanyUser(consultantA, {
          role: 'COMPANY_ADMIN',
          email: address,
          displayName: 'Otto Anden',
          companyCvr: aValidCvr(),
        }),
      );
      const accepted = ok(
        await acceptInvitation(anonymous(), await tokenFor(address)),
      ).acceptInvitation;
      const otto = anonymous().as(accepted.accessToken);
      const company = ok(
        await otto.registerCompany({ cvr: aValidCvr(), name: 'Ottos ApS', ordinaryEmployees: 3 }),
      ).registerCompany;
      const [row] = await t.dataSource.query<{ status: string; side: string }[]>(
        `SELECT status::text, proposed_by_side::text AS side FROM partnership WHERE company_id = $1`,
        [company.id],
      );
      expect(row).toEqual({ status: 'proposed', side: 'job_centre' });
      expect(failure(await consultantA.company(company.id)).extensions.code).toBe('NOT_FOUND');
    });

    it('a company admin invites a mentor or admin of their own company only', async () => {
      const mentor = await inviteCompanyUser(adminX, { role: 'MENTOR', mentorId: x.mentorId });
      expect(ok(mentor).inviteCompanyUser.kind).toBe('MENTOR');
      const missing = failure(await inviteCompanyUser(adminX, { role: 'MENTOR' }));
      expect(missing.extensions.reason).toBe('INVITATION_INVALID');
      expect(
        failure(
          await inviteCompanyUser(adminX, {
            role: 'COMPANY_ADMIN',
            email: email('new'),
            displayName: 'Ny',
            companyCvr: aValidCvr(),
          }),
        ).extensions.reason,
      ).toBe('INVITATION_INVALID');
      expect(
        reasonOf(await inviteCompanyUser(adminY, { role: 'MENTOR', mentorId: x.mentorId })),
      ).toEqual(reasonOf(await inviteCompanyUser(adminY, { role: 'MENTOR', mentorId: RANDOM_ID })));
    });
  });
});
