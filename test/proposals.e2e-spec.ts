import { OutboxRelay, Role } from '@jobbro/core';
import { ProposalService } from '@jobbro/proposal';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  auditRows,
  aUser,
  countRows,
  createTestApp,
  failure,
  occupationByLabel,
  ok,
  startTestSmtp,
  type TestApp,
  type TestSmtp,
} from '@jobbro/testing';

const FIELDS = `id status statusLabel start end weeklyHours ageDays answerDueAt closingReason closingReasonLabel
  availableActions closingReasons declineReasons { code label } withdrawReasons { code label } shareScopes placement { id title companyName }
  citizen { id firstName lastName }
  sharedProfile { firstName goalInOwnWords accommodations accommodationLabels availability { hoursNow hoursLater earliestStart } }
  history { toStatus actor actorRole onBehalf channel reason reasonLabel note text }`;

interface Proposal {
  id: string;
  status: string;
  closingReason: string | null;
  availableActions: string[];
  citizen: { id: string } | null;
  sharedProfile: {
    firstName: string | null;
    goalInOwnWords: string | null;
    accommodations: string[] | null;
    availability: unknown;
  } | null;
  history: {
    toStatus: string;
    actor: string;
    onBehalf: boolean;
    reason: string | null;
    text: string;
  }[];
}

const propose = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { ${FIELDS} } }`,
    {
      input,
    },
  );
const accept = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { ${FIELDS} } }`,
    { input },
  );
const decline = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: DeclineProposalInput!) { declineProposal(input: $input) { ${FIELDS} } }`,
    { input },
  );
const answer = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { ${FIELDS} } }`,
    { input },
  );
const book = (api: Api, input: Record<string, unknown>) =>
  api.run(`mutation($input: BookProposalInput!) { bookProposal(input: $input) { ${FIELDS} } }`, {
    input,
  });
const withdraw = (api: Api, input: Record<string, unknown>) =>
  api.run(
    `mutation($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { ${FIELDS} } }`,
    {
      input,
    },
  );
const proposalOf = (api: Api, id: string) =>
  api.run(`query($id: ID!) { proposal(id: $id) { ${FIELDS} } }`, { id });

/**
 * From match to booked seat, over HTTP against a real PostgreSQL with mail over loopback SMTP:
 * a consultant proposes, the citizen says yes and chooses what to share, the employer sees only
 * that and says yes, the seat is booked and the slot's free seats drop in the match list; an
 * employer's no with a reason the citizen may see; an unanswered proposal expiring; idempotent
 * repeats; and the callers who may not know a proposal exists.
 */
describe('proposals', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let consultant: Api;
  let employer: Api;
  let otherEmployer: Api;
  let otherConsultant: Api;
  let citizenApi: Api;
  let strangerCitizen: Api;
  let company: Awaited<ReturnType<typeof aCompany>>;
  let slot: string;
  let secondSlot: string;
  let citizenId: string;
  let secondCitizen: string;
  let cookId: string;
  let citizenEmail: string;

  async function deliver(): Promise<void> {
    const relay = t.app.get(OutboxRelay);
    await relay.drain();
  }

  const newCitizen = async (firstName: string, email?: string): Promise<string> => {
    const c = ok(
      await consultant.createCitizen({
        firstName,
        lastName: 'Testesen',
        postalCode: '2300',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        ...(email ? { email } : {}),
      }),
    ).createCitizen as { id: string };
    ok(
      await consultant.addJobGoal({
        citizenId: c.id,
        ownWords: 'Jeg vil gerne arbejde i et køkken',
        occupationIds: [cookId],
        hoursNow: 15,
        hoursLater: 25,
      }),
    );
    ok(
      await consultant.updateNeeds({
        citizenId: c.id,
        accommodations: ['NO_HEAVY_LIFTING'],
        functionalLimits: 'Dårlig ryg',
      }),
    );
    return c.id;
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PROPOSAL_ANSWER_DAYS: '10' });
    const ds = t.dataSource;
    const centre = await aJobCentre(ds);
    const otherCentre = await aJobCentre(ds);
    const user = await aUser().withRole(Role.JobConsultant).inJobCentre(centre.id).build(ds);
    consultant = await new Api(t.http).signIn(user.email, user.password);
    const other = await aUser().withRole(Role.JobConsultant).inJobCentre(otherCentre.id).build(ds);
    otherConsultant = await new Api(t.http).signIn(other.email, other.password);
    const admin = await aUser().withRole(Role.CompanyAdmin).build(ds);
    company = await aCompany(ds, admin.id);
    await aPartnership(ds, company.id, centre.id, 'active');
    await aPartnership(ds, company.id, otherCentre.id, 'active');
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    const otherAdmin = await aUser().withRole(Role.CompanyAdmin).build(ds);
    await aCompany(ds, otherAdmin.id);
    otherEmployer = await new Api(t.http).signIn(otherAdmin.email, otherAdmin.password);
    cookId = (await occupationByLabel(ds, 'cook')).id;
    slot = await employer.publishSlot(company, {
      title: 'Køkkenhjælper',
      occupationId: cookId,
      capacity: 2,
      accommodations: ['NO_HEAVY_LIFTING'],
    });
    secondSlot = await employer.publishSlot(company, {
      title: 'Opvasker',
      occupationId: cookId,
      capacity: 1,
      accommodations: ['NO_HEAVY_LIFTING'],
    });
    citizenId = await newCitizen('Ahmad', 'ahmad@test.jobbro.dk');
    secondCitizen = await newCitizen('Birgit');
    const login = await aCitizenLogin(ds, citizenId);
    citizenEmail = login.email;
    citizenApi = await new Api(t.http).signIn(login.email, login.password);
    const strangerId = await newCitizen('Carla');
    const stranger = await aCitizenLogin(ds, strangerId);
    strangerCitizen = await new Api(t.http).signIn(stranger.email, stranger.password);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const matchFor = async (id: string) =>
    ok(
      await consultant.run(
        `query($id: ID!) { matchPlacementsForCitizen(citizenId: $id) { placementId freeSeats previousProposal { status statusLabel reasonLabel } } }`,
        { id },
      ),
    ).matchPlacementsForCitizen as {
      placementId: string;
      freeSeats: number;
      previousProposal: { status: string; reasonLabel: string | null } | null;
    }[];

  it('goes from proposal to booked seat; the employer sees only what the citizen shared', async () => {
    const before = (await matchFor(citizenId)).find((m) => m.placementId === slot);
    expect(before).toMatchObject({ freeSeats: 2, previousProposal: null });

    const proposed = ok(
      await propose(consultant, {
        citizenId,
        placementId: slot,
        start: '2027-01-04',
        end: '2027-01-29',
      }),
    ).proposePlacement as Proposal;
    expect(proposed).toMatchObject({
      status: 'PROPOSED_TO_CITIZEN',
      // The consultant may record the citizen's answer for them, or withdraw.
      availableActions: ['CITIZEN_ACCEPT', 'CITIZEN_DECLINE', 'WITHDRAW'],
    });
    expect(proposed.citizen?.id).toBe(citizenId);

    // The employer does not know of it before the citizen says yes.
    expect(failure(await proposalOf(employer, proposed.id)).extensions.code).toBe('NOT_FOUND');
    const none = ok(await employer.run(`{ proposalsForCompany { totalCount } }`))
      .proposalsForCompany as {
      totalCount: number;
    };
    expect(none.totalCount).toBe(0);

    // The citizen is told by mail, and sees it on "my proposals".
    await deliver();
    // The address of the citizen's login wins over the one on the case.
    const toCitizen = await smtp.waitFor(1, citizenEmail);
    expect(toCitizen[0].parsed.subject).toBe('Forslag om praktik: Køkkenhjælper');
    expect(toCitizen[0].parsed.text).not.toContain('Dårlig ryg');
    const mine = ok(
      await citizenApi.run(
        `{ myProposals { edges { node { id availableActions closingReasons } } } }`,
      ),
    ).myProposals as {
      edges: { node: { id: string; availableActions: string[]; closingReasons: string[] } }[];
    };
    expect(mine.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        id: proposed.id,
        availableActions: ['CITIZEN_ACCEPT', 'CITIZEN_DECLINE'],
      }),
    ]);

    const accepted = ok(
      await accept(citizenApi, {
        proposalId: proposed.id,
        shareScopes: ['FIRST_NAME', 'GOAL_IN_OWN_WORDS'],
      }),
    ).acceptProposal as Proposal;
    expect(accepted.status).toBe('PROPOSED_TO_EMPLOYER');

    // The employer sees the first name and the goal; not the accommodations, the name or the id.
    const forCompany = ok(
      await employer.run(`{ proposalsForCompany { totalCount edges { node { ${FIELDS} } } } }`),
    ).proposalsForCompany as { totalCount: number; edges: { node: Proposal }[] };
    expect(forCompany.totalCount).toBe(1);
    const seen = forCompany.edges[0].node;
    expect(seen.citizen).toBeNull();
    expect(seen.sharedProfile).toEqual({
      firstName: 'Ahmad',
      goalInOwnWords: 'Jeg vil gerne arbejde i et køkken',
      accommodations: null,
      accommodationLabels: null,
      availability: null,
    });
    expect(JSON.stringify(seen)).not.toContain('Testesen');
    expect(JSON.stringify(seen)).not.toContain('Dårlig ryg');
    expect(seen.availableActions).toEqual(['EMPLOYER_ACCEPT', 'EMPLOYER_DECLINE']);
    expect(
      (seen as unknown as { declineReasons: { code: string; label: string }[] }).declineReasons,
    ).toContainEqual({
      code: 'NO_CAPACITY',
      label: 'Ingen plads lige nu',
    });
    expect((seen as unknown as { withdrawReasons: unknown[] }).withdrawReasons).toEqual([]);
    await deliver();
    const admins = await smtp.waitFor(2);
    expect(admins.map((m) => m.parsed.subject)).toContain('En kandidat til Køkkenhjælper');
    await expect(auditRows(t.dataSource, citizenId)).resolves.toContainEqual(
      expect.objectContaining({ operation: 'proposalsForCompany', allowed: true }),
    );

    // Another company's admin cannot answer, nor tell it exists.
    expect(
      failure(await answer(otherEmployer, { proposalId: proposed.id, answer: 'ACCEPT' })).extensions
        .code,
    ).toBe('NOT_FOUND');
    // Another citizen neither.
    expect(
      failure(await accept(strangerCitizen, { proposalId: proposed.id, shareScopes: [] }))
        .extensions.code,
    ).toBe('NOT_FOUND');

    ok(await answer(employer, { proposalId: proposed.id, answer: 'ACCEPT' }));
    const booked = ok(await book(consultant, { proposalId: proposed.id })).bookProposal as Proposal;
    expect(booked.status).toBe('BOOKED');
    expect(booked.history.map((h) => h.toStatus)).toEqual([
      'PROPOSED_TO_CITIZEN',
      'PROPOSED_TO_EMPLOYER',
      'ACCEPTED_BY_EMPLOYER',
      'BOOKED',
    ]);
    expect(await countRows(t.dataSource, 'booking')).toBe(1);

    // The slot's free seats drop in the match list, and the match says it was proposed.
    const other = (await matchFor(secondCitizen)).find((m) => m.placementId === slot);
    expect(other).toMatchObject({ freeSeats: 1, previousProposal: null });
    const same = (await matchFor(citizenId)).find((m) => m.placementId === slot);
    expect(same?.previousProposal).toMatchObject({ status: 'BOOKED' });

    // The citizen reads the history in plain Danish.
    const own = ok(await proposalOf(citizenApi, proposed.id)).proposal as Proposal;
    expect(own.history.map((h) => h.text)).toEqual([
      'Jobkonsulenten foreslog pladsen.',
      'Borgeren sagde ja og valgte, hvad virksomheden må se.',
      'Virksomheden sagde ja.',
      'Jobkonsulenten bookede pladsen.',
    ]);
  });

  it('tells the citizen the employer’s reason only when the employer allows it', async () => {
    const run = async (visible: boolean): Promise<Proposal> => {
      const p = ok(
        await propose(consultant, {
          citizenId: secondCitizen,
          placementId: visible ? secondSlot : slot,
          start: '2027-03-01',
          end: '2027-03-26',
        }),
      ).proposePlacement as Proposal;
      ok(
        await accept(consultant, {
          proposalId: p.id,
          shareScopes: ['ACCOMMODATIONS'],
          onBehalf: { channel: 'PHONE', answeredAt: new Date().toISOString() },
        }),
      );
      ok(
        await answer(employer, {
          proposalId: p.id,
          answer: 'DECLINE',
          reason: 'NO_CAPACITY',
          note: 'Vi har travlt i marts',
          reasonVisibleToCitizen: visible,
        }),
      );
      return p;
    };
    const login = await aCitizenLogin(t.dataSource, secondCitizen);
    const birgit = await new Api(t.http).signIn(login.email, login.password);
    const shown = ok(await proposalOf(birgit, (await run(true)).id)).proposal as Proposal;
    expect(shown.status).toBe('DECLINED_BY_EMPLOYER');
    // Allowed by the employer: the citizen reads the reason on the proposal itself too.
    expect(shown.closingReason).toBe('NO_CAPACITY');
    expect(shown.history.at(-1)).toMatchObject({
      reason: 'NO_CAPACITY',
      text: 'Virksomheden sagde nej: ingen plads lige nu.',
    });
    // Recorded by the consultant: marked so in the citizen's own history.
    expect(shown.history[1]).toMatchObject({ onBehalf: true });
    expect(shown.history[1].text).toContain(
      'registreret af jobkonsulenten; svaret blev givet i telefonen',
    );

    const hidden = ok(await proposalOf(birgit, (await run(false)).id)).proposal as Proposal;
    expect(hidden.closingReason).toBeNull();
    expect(hidden.history.at(-1)).toMatchObject({ reason: null, text: 'Virksomheden sagde nej.' });
    // The consultant reads the reason either way.
    const staff = ok(await proposalOf(consultant, hidden.id)).proposal as Proposal;
    expect(staff.closingReason).toBe('NO_CAPACITY');
  });

  it('expires a proposal nobody answered, with the reason "no answer"', async () => {
    const p = ok(
      await propose(consultant, {
        citizenId: secondCitizen,
        placementId: slot,
        start: '2027-05-03',
        end: '2027-05-28',
      }),
    ).proposePlacement as Proposal;
    const service = t.app.get(ProposalService);
    const nine = new Date(Date.now() + 9 * 24 * 3600 * 1000);
    expect(await service.expireDue(nine)).toBe(0);
    const eleven = new Date(Date.now() + 11 * 24 * 3600 * 1000);
    expect(await service.expireDue(eleven)).toBe(1);
    const expired = ok(await proposalOf(consultant, p.id)).proposal as Proposal;
    expect(expired).toMatchObject({
      status: 'EXPIRED',
      closingReason: 'NO_ANSWER',
      availableActions: [],
    });
    expect(expired.history.at(-1)).toMatchObject({ actor: 'SYSTEM' });
    // Closed is closed.
    const late = failure(
      await accept(consultant, {
        proposalId: p.id,
        shareScopes: [],
        onBehalf: { channel: 'MEETING', answeredAt: new Date().toISOString() },
      }),
    );
    expect(late.extensions.code).toBe('CONFLICT');
    expect(late.message).toContain('udløbet uden svar');
  });

  it('returns the first result for a repeated request with the same key and creates nothing new', async () => {
    const input = {
      citizenId: secondCitizen,
      placementId: secondSlot,
      start: '2027-08-02',
      end: '2027-08-27',
      idempotencyKey: 'propose-birgit-august-1',
    };
    const first = ok(await propose(consultant, input)).proposePlacement as Proposal;
    const proposals = await countRows(t.dataSource, 'proposal');
    const [again, concurrent] = await Promise.all([
      propose(consultant, input),
      propose(consultant, input),
    ]);
    expect((ok(again).proposePlacement as Proposal).id).toBe(first.id);
    expect((ok(concurrent).proposePlacement as Proposal).id).toBe(first.id);
    expect(await countRows(t.dataSource, 'proposal')).toBe(proposals);
    const reused = failure(await propose(consultant, { ...input, end: '2027-08-20' }));
    expect(reused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    // Without a key, a second open proposal of the same slot is refused.
    const twice = failure(await propose(consultant, { ...input, idempotencyKey: undefined }));
    expect(twice.extensions.code).toBe('CONFLICT');
    ok(await withdraw(consultant, { proposalId: first.id, reason: 'BETTER_MATCH' }));
  });

  it('makes the citizen’s other open proposals for overlapping periods obsolete when one is booked', async () => {
    const a = ok(
      await propose(consultant, {
        citizenId: secondCitizen,
        placementId: slot,
        start: '2027-09-06',
        end: '2027-10-01',
      }),
    ).proposePlacement as Proposal;
    const b = ok(
      await propose(consultant, {
        citizenId: secondCitizen,
        placementId: secondSlot,
        start: '2027-09-20',
        end: '2027-10-15',
      }),
    ).proposePlacement as Proposal;
    const onBehalf = { channel: 'MEETING', answeredAt: new Date().toISOString() };
    ok(await accept(consultant, { proposalId: a.id, shareScopes: [], onBehalf }));
    ok(await answer(employer, { proposalId: a.id, answer: 'ACCEPT' }));
    ok(await book(consultant, { proposalId: a.id }));
    const obsolete = ok(await proposalOf(consultant, b.id)).proposal as Proposal;
    expect(obsolete).toMatchObject({ status: 'OBSOLETE', closingReason: 'BOOKED_ELSEWHERE' });
  });

  it('refuses what a caller may not do, and says no more than they may know', async () => {
    // A consultant of another job centre cannot propose for this centre's citizen.
    const foreign = failure(
      await propose(otherConsultant, {
        citizenId,
        placementId: slot,
        start: '2027-11-01',
        end: '2027-11-26',
      }),
    );
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    // Nor read a proposal of it.
    const dora = await newCitizen('Dora');
    const p = ok(
      await propose(consultant, {
        citizenId: dora,
        placementId: slot,
        start: '2027-11-01',
        end: '2027-11-26',
      }),
    ).proposePlacement as Proposal;
    expect(failure(await proposalOf(otherConsultant, p.id)).extensions.code).toBe('NOT_FOUND');
    // Staff answering for the citizen must say how and when.
    expect(
      failure(await accept(consultant, { proposalId: p.id, shareScopes: [] })).extensions.code,
    ).toBe('BAD_USER_INPUT');
    // A citizen cannot book, nor an employer skip the citizen's answer.
    expect(failure(await book(citizenApi, { proposalId: p.id })).extensions.code).toBe('FORBIDDEN');
    expect(
      failure(await answer(employer, { proposalId: p.id, answer: 'ACCEPT' })).extensions.code,
    ).toBe('NOT_FOUND');
    // Closing takes a coded reason.
    expect(
      failure(
        await decline(consultant, {
          proposalId: p.id,
          reason: 'NO_CAPACITY',
          onBehalf: { channel: 'PHONE', answeredAt: new Date().toISOString() },
        }),
      ).extensions.code,
    ).toBe('BAD_USER_INPUT');
    // A period that ends before it starts.
    expect(
      failure(
        await propose(consultant, {
          citizenId,
          placementId: secondSlot,
          start: '2027-02-10',
          end: '2027-02-01',
        }),
      ).extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('blocks a placement type the citizen’s target group may not have, before anything is written', async () => {
    const sick = ok(
      await consultant.createCitizen({
        firstName: 'Sigrid',
        lastName: 'Testesen',
        postalCode: '2300',
        targetGroup: 'sygedagpenge',
      }),
    ).createCitizen as { id: string };
    const subsidy = await employer.publishSlot(company, {
      title: 'Køkkenmedhjælper i løntilskud',
      occupationId: cookId,
      type: 'WAGE_SUBSIDY',
      capacity: 1,
    });
    const input = {
      citizenId: sick.id,
      placementId: subsidy,
      start: '2027-02-01',
      end: '2027-03-31',
    };
    const preview = ok(
      await consultant.run(
        `query($input: ProposalRuleChecksInput!) { proposalRuleChecks(input: $input) { rule name passed severity message source } }`,
        { input },
      ),
    ).proposalRuleChecks as { rule: string }[];
    expect(preview[0]).toEqual({
      rule: 'PLACEMENT_TYPES',
      name: 'Tilbud for målgruppen',
      passed: false,
      severity: 'BLOCK',
      message:
        'Løntilskud er ikke tilladt for borgerens målgruppe. Målgruppen kan få virksomhedspraktik og ordinære timer (småjob).',
      source: expect.stringContaining('LAB § 42'),
    });
    // A block is refused even with a reason offered for it, and leaves no proposal behind.
    for (const ruleOverrides of [[], [{ rule: 'PLACEMENT_TYPES', reason: 'Det går nok' }]]) {
      const blocked = failure(await propose(consultant, { ...input, ruleOverrides }));
      expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RULE_BLOCKS' });
      expect(blocked.message).toContain('LAB § 42');
    }
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM proposal WHERE citizen_id = $1`,
      [sick.id],
    );
    expect(n).toBe(0);
    // Matching leaves the pair out for the same reason.
    const explained = ok(await consultant.explainMatch(sick.id, subsidy)).explainMatch as {
      failedFilters: { filter: string }[];
    };
    expect(explained.failedFilters.map((f) => f.filter)).toContain('typeAllowed');
  });

  it('checks the Danish rules at the planned dates: a block refuses, a warning needs a recorded reason', async () => {
    const eva = await newCitizen('Eva');
    const checks = (input: Record<string, unknown>) =>
      consultant.run(
        `query($input: ProposalRuleChecksInput!) { proposalRuleChecks(input: $input) { rule name severity passed message source overrideReason } }`,
        { input },
      );
    // 20 weeks of internship for an activity-ready citizen: more than 13 weeks, a block.
    const long = { citizenId: eva, placementId: slot, start: '2027-02-01', end: '2027-06-18' };
    const preview = ok(await checks(long)).proposalRuleChecks as {
      rule: string;
      passed: boolean;
      severity: string;
      message: string;
      source: string;
    }[];
    expect(preview.find((c) => c.rule === 'INTERNSHIP_DURATION')).toMatchObject({
      name: 'Praktikkens varighed',
      passed: false,
      severity: 'BLOCK',
      // In 2027 the successor row decides (a data change, not a code change).
      source: expect.stringContaining('LAB § 61'),
    });
    const blocked = failure(await propose(consultant, long));
    expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RULE_BLOCKS' });
    expect(blocked.message).toContain('LAB § 61');
    // After a concrete assessment, up to 26 weeks: allowed.
    const extended = ok(await propose(consultant, { ...long, extensionAssessed: true }))
      .proposePlacement as Proposal;
    ok(await withdraw(consultant, { proposalId: extended.id, reason: 'ENTERED_IN_ERROR' }));

    // Paid work at the same company in the period: a warning, passed only with a reason.
    ok(
      await consultant.run(
        `mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`,
        { input: { citizenId: eva, companyId: company.id, startedOn: '2026-06-01' } },
      ),
    );
    const short = { citizenId: eva, placementId: slot, start: '2027-02-01', end: '2027-02-26' };
    const warned = failure(await propose(consultant, short));
    expect(warned.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RULE_WARNING_NOT_OVERRIDDEN',
    });
    const proposed = ok(
      await propose(consultant, {
        ...short,
        ruleOverrides: [
          {
            rule: 'PAID_HOURS_BESIDE_INTERNSHIP',
            reason: 'Praktikken er i køkkenet, lønnede timer i kantinen',
          },
        ],
      }),
    ).proposePlacement as Proposal;
    const stored = ok(
      await consultant.run(
        `query($id: ID!) { ruleChecks(proposalId: $id) { rule passed overrideReason overriddenBy } }`,
        { id: proposed.id },
      ),
    ).ruleChecks as { rule: string; passed: boolean; overrideReason: string | null }[];
    expect(stored.find((c) => c.rule === 'PAID_HOURS_BESIDE_INTERNSHIP')).toMatchObject({
      passed: false,
      overrideReason: 'Praktikken er i køkkenet, lønnede timer i kantinen',
    });
    // A block is never overridden.
    const refused = failure(
      await consultant.run(
        `mutation($input: OverrideRuleWarningInput!) { overrideRuleWarning(input: $input) { rule } }`,
        {
          input: {
            proposalId: proposed.id,
            rule: 'INTERNSHIP_WEEKLY_HOURS',
            reason: 'Det går nok',
          },
        },
      ),
    );
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
  });
});
