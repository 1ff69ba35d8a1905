import { codeLabels } from '@jobbro/reference';
import { hardFilters, passesAll, passesHardFilters } from './hard-filters';
import type { MatchCitizen, MatchPlacement } from './match-types';
import { contentWords } from '@jobbro/core';
import { distanceKm } from './geo';
import {
  goalRelevance,
  occupationProximity,
  quickScore,
  scoreFactors,
  totalScore,
} from './scoring';
import { aRule, seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The not-the-last-employer rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

/** The catalogues' labels; target groups read as words here (their table is in the database). */
const LABELS = codeLabels();
const TODAY = '2026-11-25';
const COPENHAGEN = { latitude: 55.6761, longitude: 12.5683 };

const placement = (overrides: Partial<MatchPlacement> = {}): MatchPlacement => ({
  id: 'p',
  companyId: 'company',
  type: 'internship',
  status: 'published',
  title: 'Køkkenmedhjælper',
  description: 'Frokostkøkken',
  tasks: ['Anretning', 'Opvask'],
  iscoCode: '9412',
  occupationLabel: 'køkkenhjælper',
  capacity: 2,
  occupied: 0,
  weeklyHoursMin: 10,
  weeklyHoursMax: 25,
  startEarliest: '2026-12-01',
  startLatest: '2027-03-01',
  accommodations: ['no_heavy_lifting'],
  requirements: [],
  ordinaryHoursPossible: true,
  ordinaryHoursAfterWeeks: 4,
  ordinaryHoursPerWeek: 5,
  ...COPENHAGEN,
  mentorFreeCapacity: 1,
  trackRecord: null,
  ...overrides,
});

const chef = (overrides: Partial<MatchCitizen> = {}): MatchCitizen => ({
  targetGroup: 'kontanthjaelp_aktivitetsparat',
  goal: {
    iscoCodes: ['5120'],
    occupationLabels: ['kok'],
    ownWords: 'Jeg er uddannet kok og vil tilbage i et køkken, men ikke med tunge løft',
    hoursNow: 10,
    hoursLater: 25,
    maxCommuteKm: 15,
    earliestStart: null,
  },
  accommodationsNeeded: ['no_heavy_lifting'],
  qualifications: [],
  latitude: 55.7,
  longitude: 12.55,
  mostRecentEmployerCompanyId: null,
  ...overrides,
});

const NO_SITE = { latitude: null, longitude: null } satisfies Partial<MatchPlacement>;
const NO_HOME = { latitude: null, longitude: null } satisfies Partial<MatchCitizen>;

const failed = (c: MatchCitizen, p: MatchPlacement): string[] =>
  hardFilters(c, p, TODAY, RULES, LABELS)
    .filter((x) => !x.passed)
    .map((x) => x.filter);
const score = (c: MatchCitizen, p: MatchPlacement): number => totalScore(scoreFactors(c, p, TODAY));

describe('the seeds’ story: a trained chef with a back problem', () => {
  const restaurant = placement({
    title: 'Kok i restaurantkøkken',
    iscoCode: '5120',
    occupationLabel: 'kok',
    tasks: ['Salater', 'Kolde anretninger'],
  });
  const farm = placement({
    title: 'Medhjælper i landbruget',
    description: 'Markarbejde og dyr',
    tasks: ['Fodring', 'Markarbejde'],
    iscoCode: '9213',
    occupationLabel: 'landbrugsmedhjælper',
  });

  it('ranks a restaurant kitchen that offers "no heavy lifting" above a farm job', () => {
    expect(passesAll(hardFilters(chef(), restaurant, TODAY, RULES, LABELS))).toBe(true);
    expect(passesAll(hardFilters(chef(), farm, TODAY, RULES, LABELS))).toBe(true);
    expect(score(chef(), restaurant)).toBeGreaterThan(score(chef(), farm));
  });

  it('is never matched to a kitchen that cannot offer it, and can see why', () => {
    const heavyKitchen = placement({ ...restaurant, accommodations: ['fixed_routines'] });
    const results = hardFilters(chef(), heavyKitchen, TODAY, RULES, LABELS);
    expect(passesAll(results)).toBe(false);
    expect(results.find((x) => x.filter === 'accommodations')?.reason.da).toBe(
      'Kan ikke tilbyde: Ingen tunge løft',
    );
  });

  it('explains the score in Danish and English', () => {
    const reasons = scoreFactors(chef(), restaurant, TODAY).map((x) => x.reason.da);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Samme fag som jobmålet: kok',
        'Ordinære timer efter 4 uger (5 t/uge)',
      ]),
    );
    expect(reasons.find((r) => r.endsWith('km fra bopæl'))).toMatch(/^\d+ km fra bopæl$/);
  });
});

describe('hard filters', () => {
  it.each<[string, Partial<MatchCitizen>, Partial<MatchPlacement>, string[]]>([
    ['a fitting slot', {}, {}, []],
    ['a full slot', {}, { occupied: 2 }, ['available']],
    ['a paused slot', {}, { status: 'paused' }, ['available']],
    [
      'a start window already closed',
      { goal: { ...chef().goal!, earliestStart: '2027-04-01' } },
      {},
      ['startWindow'],
    ],
    ['a flex job for a cash-benefit recipient', {}, { type: 'flex_job' }, ['typeAllowed']],
    [
      'a flex job for a flex-job referred citizen',
      { targetGroup: 'ledighedsydelse' },
      { type: 'flex_job' },
      [],
    ],
    [
      'wage subsidy on sickness benefit',
      { targetGroup: 'sygedagpenge' },
      { type: 'wage_subsidy' },
      ['typeAllowed'],
    ],
    ['too far away (Aarhus)', {}, { latitude: 56.1629, longitude: 10.2039 }, ['commute']],
    ['a slot without a site, with a commute limit', {}, NO_SITE, ['commute']],
    [
      'a slot without a site, no commute limit',
      { goal: { ...chef().goal!, maxCommuteKm: null } },
      NO_SITE,
      [],
    ],
    ['a citizen without a known home, with a limit', NO_HOME, {}, ['commute']],
    ['more minimum hours than the citizen can do', {}, { weeklyHoursMin: 20 }, ['hours']],
    ['a requirement not met', {}, { requirements: ['driving_licence_b'] }, ['requirements']],
    [
      'a requirement met',
      { qualifications: ['driving_licence_b'] },
      { requirements: ['driving_licence_b'] },
      [],
    ],
    [
      'internship with the last employer, job-ready',
      { targetGroup: 'dagpenge', mostRecentEmployerCompanyId: 'company' },
      {},
      ['notLastEmployer'],
    ],
    [
      'internship with the last employer, activity-ready',
      { mostRecentEmployerCompanyId: 'company' },
      {},
      [],
    ],
    // Boundaries: each side of every comparison the filters make.
    ['the last free seat', {}, { capacity: 1, occupied: 0 }, []],
    ['no seat left', {}, { capacity: 1, occupied: 1 }, ['available']],
    [
      'the latest start is today, the day the citizen can start',
      {},
      { startEarliest: '2026-11-01', startLatest: TODAY },
      [],
    ],
    [
      'a goal start in the past counts from today',
      { goal: { ...chef().goal!, earliestStart: '2026-01-01' } },
      { startEarliest: '2026-01-01', startLatest: '2026-06-01' },
      ['startWindow'],
    ],
    [
      'exactly as far as the citizen travels (0 km of 0 km)',
      { ...COPENHAGEN, goal: { ...chef().goal!, maxCommuteKm: 0 } },
      {},
      [],
    ],
    [
      'exactly the hours the citizen can do now',
      { goal: { ...chef().goal!, hoursNow: 10 } },
      { weeklyHoursMin: 10 },
      [],
    ],
  ])('%s', (_, citizen, slot, expected) => {
    expect(failed(chef(citizen), placement(slot))).toEqual(expected);
    // The fast path matching runs for every candidate decides the same, filter by filter.
    expect(passesHardFilters(chef(citizen), placement(slot), TODAY, RULES)).toBe(
      expected.length === 0,
    );
  });

  it('judges the placement type at the planned start: the later of the slot’s and the citizen’s', () => {
    // Sickness benefit gets wage subsidy from 2027 in this (made-up) successor row.
    const rules = [
      aRule('placement_types', { types: ['internship', 'wage_subsidy'] }).build(),
      aRule('placement_types', { types: ['internship'] })
        .forGroup('sygedagpenge')
        .build(),
      aRule('placement_types', { types: ['internship', 'wage_subsidy'] })
        .forGroup('sygedagpenge')
        .valid('2027-01-01', null)
        .build(),
    ];
    const judged = (earliestStart: string | null, startEarliest: string) =>
      passesHardFilters(
        chef({ targetGroup: 'sygedagpenge', goal: { ...chef().goal!, earliestStart } }),
        placement({ type: 'wage_subsidy', startEarliest, startLatest: null }),
        TODAY,
        rules,
      );
    expect(judged('2027-01-04', '2026-12-01')).toBe(true);
    expect(judged(null, '2027-01-04')).toBe(true);
    expect(judged('2026-12-30', '2026-12-01')).toBe(false);
    expect(judged(null, '2026-12-31')).toBe(false);
  });

  it.each<[string, Partial<MatchPlacement>, string, boolean]>([
    ['one seat left', { capacity: 2, occupied: 1 }, 'Opslaget er åbent med 1 ledige pladser', true],
    [
      'paused with seats',
      { status: 'paused', capacity: 2, occupied: 0 },
      'Opslaget er ikke offentliggjort med 2 ledige pladser',
      false,
    ],
    ['full', { capacity: 2, occupied: 2 }, 'Ingen ledige pladser', false],
  ])('says why a slot is or is not available: %s', (_, slot, da, passed) => {
    const result = hardFilters(chef(), placement(slot), TODAY, RULES, LABELS).find(
      (x) => x.filter === 'available',
    );
    expect(result).toMatchObject({ passed, reason: { da } });
  });

  it.each<[string, Partial<MatchPlacement>, string, string]>([
    ['open', { startLatest: TODAY }, 'Start kan passe', 'The start can fit'],
    [
      'closed',
      { startEarliest: '2026-01-01', startLatest: '2026-11-24' },
      'Seneste start (2026-11-24) er før borgeren kan starte (2026-11-25)',
      'Latest start (2026-11-24) is before the citizen can start (2026-11-25)',
    ],
  ])('says why the start window is %s', (_, slot, da, en) => {
    const result = hardFilters(chef(), placement(slot), TODAY, RULES, LABELS).find(
      (x) => x.filter === 'startWindow',
    );
    expect(result?.reason).toEqual({ da, en });
  });
});

describe('soft factors', () => {
  it.each([
    [['5120'], '5120', 1],
    [['5120'], '5123', 0.7],
    [['5120'], '5131', 0.4],
    [['5120'], '5414', 0.2],
    [['5120'], '9412', 0],
    [['9412', '5120'], '5120', 1],
    [[], '5120', 0],
  ])('goal %j vs %s -> %s', (goal, code, value) => {
    expect(occupationProximity(goal, code).value).toBe(value);
  });

  it('finds the citizen’s own words in the slot text', () => {
    expect(
      goalRelevance(
        'Jeg vil arbejde med dyr og planter',
        'Pasning af dyr i stalden og planter i drivhuset',
      ).value,
    ).toBe(1);
    expect(goalRelevance('Jeg vil arbejde i et køkken', 'Lagerarbejde med scanner').value).toBe(0);
    expect([...contentWords('Køkkenerne og haverne')]).toEqual(['køkken', 'hav']);
  });

  it('weighs an early ordinary-hours path strongly', () => {
    const early = score(chef(), placement({ ordinaryHoursAfterWeeks: 2 }));
    const late = score(chef(), placement({ ordinaryHoursAfterWeeks: 20 }));
    const none = score(
      chef(),
      placement({
        ordinaryHoursPossible: false,
        ordinaryHoursAfterWeeks: null,
        ordinaryHoursPerWeek: null,
      }),
    );
    expect(early).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(none);
  });

  it('is neutral on track record until outcomes exist, then rewards jobs', () => {
    const neutral = score(chef(), placement());
    expect(score(chef(), placement({ trackRecord: { ended: 4, ledToJob: 4 } }))).toBeGreaterThan(
      neutral,
    );
    expect(score(chef(), placement({ trackRecord: { ended: 4, ledToJob: 0 } }))).toBeLessThan(
      neutral,
    );
  });

  it('scores between 0 and 100', () => {
    const s = score(chef(), placement());
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(100);
  });
});

describe('each soft factor’s value at its boundaries', () => {
  const value = (factor: string, c: MatchCitizen, p: MatchPlacement): number | undefined =>
    scoreFactors(c, p, TODAY).find((x) => x.factor === factor)?.value;

  it.each<[string, number | null, number]>([
    ['no mentor named', null, 0],
    ['a mentor with no room', 0, 0],
    ['a mentor with room', 1, 1],
  ])('mentor: %s', (_, mentorFreeCapacity, expected) => {
    expect(value('mentor', chef(), placement({ mentorFreeCapacity }))).toBe(expected);
  });

  it.each<[string, MatchPlacement['trackRecord'], number]>([
    ['no record', null, 0.5],
    ['nothing ended yet', { ended: 0, ledToJob: 0 }, 0.5],
    ['1 of 4 led to a job', { ended: 4, ledToJob: 1 }, 0.25],
  ])('track record: %s', (_, trackRecord, expected) => {
    expect(value('trackRecord', chef(), placement({ trackRecord }))).toBe(expected);
  });

  it.each<[string, number | null, number]>([
    ['no wish for later', null, 1],
    ['exactly the slot’s most hours', 25, 1],
    ['twice the slot’s most hours', 50, 0.5],
  ])('hours: %s', (_, hoursLater, expected) => {
    expect(
      value(
        'hours',
        chef({ goal: { ...chef().goal!, hoursLater } }),
        placement({ weeklyHoursMax: 25 }),
      ),
    ).toBe(expected);
  });

  it.each<[string, number | null, number]>([
    ['the citizen’s own limit', 15, 15],
    ['30 km when the citizen gave none', null, 30],
  ])('distance: a share of %s', (_, maxCommuteKm, reach) => {
    const c = chef({ goal: { ...chef().goal!, maxCommuteKm } });
    const p = placement();
    const km = distanceKm(c, p)!;
    expect(km).toBeGreaterThan(1);
    expect(value('distance', c, p)).toBeCloseTo(1 - km / reach, 9);
  });

  it.each<[string, string | null, string, number]>([
    ['can start right away', null, TODAY, 1],
    ['45 days to wait from today', null, '2027-01-09', 0.5],
    ['45 days from the citizen’s own later start', '2027-01-09', '2027-02-23', 0.5],
    ['90 days or more', null, '2027-04-01', 0],
  ])('start: %s', (_, earliestStart, startEarliest, expected) => {
    expect(
      value(
        'start',
        chef({ goal: { ...chef().goal!, earliestStart } }),
        placement({ startEarliest, startLatest: null }),
      ),
    ).toBeCloseTo(expected, 9);
  });

  it('matches the citizen’s words by prefix both ways, and finds nothing in no words', () => {
    // The goal's word is the start of the slot's, and the slot's the start of the goal's.
    expect(goalRelevance('køkken', 'køkkenhjælper i kantinen')).toMatchObject({ value: 1 });
    expect(goalRelevance('køkkenhjælper', 'et køkken')).toMatchObject({ value: 1 });
    expect(goalRelevance('køkken', 'lager')).toEqual({ value: 0, shared: [] });
    expect(goalRelevance('', 'køkken')).toEqual({ value: 0, shared: [] });
  });

  it('scores 0 when nothing weighs, never NaN', () => {
    expect(
      totalScore([{ factor: 'mentor', value: 1, weight: 0, reason: { da: '', en: '' } }]),
    ).toBe(0);
    expect(totalScore([])).toBe(0);
  });
});

describe('no site means no distance, never a distance to 0,0', () => {
  it.each<
    [string, Parameters<typeof distanceKm>[0], Parameters<typeof distanceKm>[1], number | null]
  >([
    ['the same place', COPENHAGEN, COPENHAGEN, 0],
    ['København to Aarhus', COPENHAGEN, { latitude: 56.1629, longitude: 10.2039 }, 157],
    ['a slot without a site', COPENHAGEN, { latitude: null, longitude: null }, null],
    ['a slot with half its coordinates', COPENHAGEN, { latitude: 55.7, longitude: null }, null],
    ['a home not known', { latitude: null, longitude: null }, COPENHAGEN, null],
    ['0,0 is a place like any other', { latitude: 0, longitude: 0 }, COPENHAGEN, 6295],
  ])('%s', (_, a, b, km) => {
    const d = distanceKm(a, b);
    if (km === null) expect(d).toBeNull();
    else expect(Math.round(d as number)).toBe(km);
  });

  it.each<[string, Partial<MatchCitizen>, Partial<MatchPlacement>, RegExp, RegExp]>([
    [
      'slot without a site',
      {},
      NO_SITE,
      /^Afstanden kendes ikke: opslaget har intet arbejdssted/,
      /^Distance unknown: the slot has no site/,
    ],
    [
      'citizen without a home',
      NO_HOME,
      {},
      /^Afstanden kendes ikke: borgerens bopæl mangler/,
      /^Distance unknown: no home address/,
    ],
  ])(
    '%s: reasons say so, the distance earns nothing, no km anywhere',
    (_, citizen, slot, da, en) => {
      const c = chef(citizen);
      const p = placement(slot);
      const commute = hardFilters(c, p, TODAY, RULES, LABELS).find((x) => x.filter === 'commute')!;
      const distance = scoreFactors(c, p, TODAY).find((x) => x.factor === 'distance')!;
      expect(commute.reason.da).toMatch(da);
      expect(commute.reason.en).toMatch(en);
      expect(distance.reason.da).toMatch(da);
      expect(distance.value).toBe(0);
      const text = JSON.stringify([
        hardFilters(c, p, TODAY, RULES, LABELS),
        scoreFactors(c, p, TODAY),
      ]);
      expect(text).not.toMatch(/\d+ km (fra|from)/);
      // The fast score agrees with the explained one.
      const words = goalRelevance(
        c.goal?.ownWords ?? '',
        [p.title, p.description, ...p.tasks, p.occupationLabel].join(' '),
      );
      expect(quickScore(c, p, TODAY, words.value)).toBe(totalScore(scoreFactors(c, p, TODAY)));
    },
  );

  it('ranks a slot without a site below the same slot at a known place nearby', () => {
    expect(score(chef(), placement(NO_SITE))).toBeLessThan(score(chef(), placement()));
  });
});
