import type { Localized } from '@jobbro/core';
import {
  Accommodation,
  codeLabels,
  type LabelLookup,
  PLACEMENT_TYPE_LABELS,
  PlacementRequirement,
} from '@jobbro/reference';
import { seededRandom } from '../../../testing/src/random';
import { hardFilters } from './hard-filters';
import type { MatchCitizen, MatchPlacement } from './match-types';
import { scoreFactors } from './scoring';
import { seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The rule rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

const TODAY = '2026-11-25';

/** The target-group table as migrations 0004 and 0024 seed it (the run-time lookup reads the table). */
const TARGET_GROUPS: Record<string, Localized> = {
  dagpenge: { da: 'Dagpengemodtager', en: 'Unemployment benefit (dagpenge)' },
  dagpenge_dimittend: {
    da: 'Nyuddannet dagpengemodtager (dimittend)',
    en: 'Newly graduated unemployment benefit recipient',
  },
  kontanthjaelp_jobparat: { da: 'Jobparat kontanthjælpsmodtager', en: 'Job-ready cash benefit' },
  kontanthjaelp_aktivitetsparat: {
    da: 'Aktivitetsparat kontanthjælpsmodtager',
    en: 'Activity-ready cash benefit',
  },
  uddannelseshjaelp_uddannelsesparat: {
    da: 'Uddannelsesparat uddannelseshjælpsmodtager',
    en: 'Education-ready education benefit',
  },
  uddannelseshjaelp_aktivitetsparat: {
    da: 'Aktivitetsparat uddannelseshjælpsmodtager',
    en: 'Activity-ready education benefit',
  },
  sygedagpenge: { da: 'Sygedagpengemodtager', en: 'Sickness benefit' },
  jobafklaring: { da: 'Jobafklaringsforløb', en: 'Job clarification course' },
  ressourceforloeb: { da: 'Ressourceforløb', en: 'Resource course' },
  ledighedsydelse: {
    da: 'Ledighedsydelse (visiteret til fleksjob)',
    en: 'Flex-job referred (ledighedsydelse)',
  },
  revalidering: { da: 'Revalidering', en: 'Rehabilitation (revalidering)' },
  integration: { da: 'Integrationsprogram', en: 'Integration programme' },
};

/** The real lookup, but a code it was never told about fails the test instead of reading as words. */
const catalogue = codeLabels(TARGET_GROUPS);
const KNOWN: Record<string, readonly string[]> = {
  accommodation: Object.values(Accommodation),
  requirement: Object.values(PlacementRequirement),
  placementType: Object.keys(PLACEMENT_TYPE_LABELS),
  targetGroup: Object.keys(TARGET_GROUPS),
};
const strictLabels: LabelLookup = (kind, code) => {
  if (!KNOWN[kind].includes(code)) throw new Error(`No ${kind} label for ${code}`);
  return catalogue(kind, code);
};

const ALL_CODES = Object.values(KNOWN).flat();
/** Every label, longest first (an English label may quote the Danish word: "(dagpenge)"). */
const ALL_LABELS = Object.entries(KNOWN)
  .flatMap(([kind, codes]) => codes.map((code) => catalogue(kind as never, code)))
  .flatMap((label) => [label.da, label.en])
  .sort((a, b) => b.length - a.length);
/**
 * A code in a sentence, once the labels are taken out: any snake_case word, or any catalogue code
 * as a word of its own (single-word codes such as `english` or `integration`).
 */
function codesIn(sentence: string): string[] {
  const rest = ALL_LABELS.reduce((text, label) => text.split(label).join('¤'), sentence);
  const snake = rest.match(/[a-z]+_[a-z_]+/g) ?? [];
  const words = ALL_CODES.filter((code) =>
    new RegExp(`(^|[^\\p{L}_])${code}($|[^\\p{L}_])`, 'u').test(rest),
  );
  return [...snake, ...words];
}

const placement = (overrides: Partial<MatchPlacement> = {}): MatchPlacement => ({
  id: 'p',
  companyId: 'company',
  type: 'internship',
  status: 'published',
  title: 'Køkkenmedhjælper',
  description: 'Frokostkøkken',
  tasks: ['Anretning'],
  iscoCode: '9412',
  occupationLabel: 'køkkenhjælper',
  capacity: 2,
  occupied: 0,
  weeklyHoursMin: 10,
  weeklyHoursMax: 25,
  startEarliest: '2026-12-01',
  startLatest: '2027-03-01',
  accommodations: [],
  requirements: [],
  ordinaryHoursPossible: false,
  ordinaryHoursAfterWeeks: null,
  ordinaryHoursPerWeek: null,
  latitude: 55.68,
  longitude: 12.57,
  mentorFreeCapacity: 1,
  trackRecord: null,
  ...overrides,
});

const citizen = (overrides: Partial<MatchCitizen> = {}): MatchCitizen => ({
  targetGroup: 'kontanthjaelp_aktivitetsparat',
  goal: null,
  accommodationsNeeded: [],
  qualifications: [],
  latitude: 55.7,
  longitude: 12.55,
  mostRecentEmployerCompanyId: null,
  ...overrides,
});

describe('hard-filter reasons name codes by their catalogue labels', () => {
  it.each<[string, Partial<MatchCitizen>, Partial<MatchPlacement>, string, string, string]>([
    [
      'one accommodation the slot cannot offer',
      { accommodationsNeeded: ['no_heavy_lifting'] },
      {},
      'accommodations',
      'Kan ikke tilbyde: Ingen tunge løft',
      'Cannot offer: No heavy lifting',
    ],
    [
      'several accommodations, in the citizen’s order',
      { accommodationsNeeded: ['quiet_workspace', 'no_heavy_lifting', 'step_free_access'] },
      { accommodations: ['quiet_workspace'] },
      'accommodations',
      'Kan ikke tilbyde: Ingen tunge løft og Niveaufri adgang',
      'Cannot offer: No heavy lifting and Step-free access',
    ],
    [
      'a requirement not met',
      {},
      { requirements: ['danish_spoken'] },
      'requirements',
      'Krav ikke opfyldt: Taler dansk',
      'Requirements not met: Spoken Danish',
    ],
    [
      'three requirements not met',
      { qualifications: ['english'] },
      {
        requirements: ['driving_licence_b', 'english', 'food_hygiene_certificate', 'own_transport'],
      },
      'requirements',
      'Krav ikke opfyldt: Kørekort (B), Hygiejnebevis og Egen transport',
      'Requirements not met: Driving licence (B), Food hygiene certificate and Own transport',
    ],
    [
      'a flex job for a resource course',
      { targetGroup: 'ressourceforloeb' },
      { type: 'flex_job' },
      'typeAllowed',
      'Fleksjob er ikke tilladt for målgruppen Ressourceforløb (LAB §§ 42, 51 (virksomhedspraktik og løntilskud))',
      'Flex job is not allowed for the target group Resource course (LAB ss. 42, 51 (work trials and wage subsidies))',
    ],
    [
      'wage subsidy for sickness benefit',
      { targetGroup: 'sygedagpenge' },
      { type: 'wage_subsidy' },
      'typeAllowed',
      'Løntilskud er ikke tilladt for målgruppen Sygedagpengemodtager (LAB § 42)',
      'Wage subsidy is not allowed for the target group Sickness benefit (LAB s. 42 (Active Employment Act))',
    ],
  ])('%s', (_, c, p, filter, da, en) => {
    const result = hardFilters(citizen(c), placement(p), TODAY, RULES, strictLabels).find(
      (x) => x.filter === filter,
    );
    expect(result?.passed).toBe(false);
    expect(result?.reason).toEqual({ da, en });
  });

  it('reads a code missing from its catalogue as words, never as the code', () => {
    expect(codeLabels()('targetGroup', 'new_group_2027')).toEqual({
      da: 'new group 2027',
      en: 'new group 2027',
    });
    const reason = hardFilters(
      citizen({ targetGroup: 'new_group' }),
      placement({ type: 'flex_job' }),
      TODAY,
      RULES,
      codeLabels(),
    ).find((x) => x.filter === 'typeAllowed')?.reason;
    // A group with no row of its own follows the row of every other group.
    expect(reason).toEqual({
      da: 'Fleksjob er ikke tilladt for målgruppen new group (LAB §§ 42, 51 (virksomhedspraktik og løntilskud))',
      en: 'Flex job is not allowed for the target group new group (LAB ss. 42, 51 (work trials and wage subsidies))',
    });
  });
});

/** Seeded worlds that use every code of every catalogue, on both sides. */
function world(seed: number): { placements: MatchPlacement[]; citizens: MatchCitizen[] } {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => r() < p);
  const types = Object.keys(PLACEMENT_TYPE_LABELS) as MatchPlacement['type'][];
  const groups = [
    ...new Set([
      ...RULES.flatMap((x) => (x.targetGroup ? [x.targetGroup] : [])),
      ...Object.keys(TARGET_GROUPS),
    ]),
  ];
  const placements = Array.from({ length: 60 }, (_, i): MatchPlacement =>
    placement({
      id: `p${i}`,
      companyId: `c${i % 6}`,
      type: pick(types),
      status: pick(['draft', 'published', 'published', 'paused', 'closed'] as const),
      capacity: Math.floor(r() * 3),
      weeklyHoursMin: 5 + Math.floor(r() * 20),
      startLatest: r() < 0.2 ? '2026-11-01' : null,
      accommodations: some(Object.values(Accommodation), 0.3),
      requirements: some(Object.values(PlacementRequirement), 0.2),
      ordinaryHoursPossible: r() < 0.5,
      ordinaryHoursAfterWeeks: 6,
      ordinaryHoursPerWeek: 5,
      ...(r() < 0.1 ? { latitude: null, longitude: null } : {}),
      mentorFreeCapacity: r() < 0.3 ? null : Math.floor(r() * 2),
      trackRecord: r() < 0.5 ? null : { ended: 4, ledToJob: 1 },
    }),
  );
  const citizens = Array.from({ length: 40 }, (_, i): MatchCitizen =>
    citizen({
      targetGroup: r() < 0.1 ? null : pick(groups),
      goal:
        i % 5 === 0
          ? null
          : {
              iscoCodes: ['9412'],
              occupationLabels: ['køkkenhjælper'],
              ownWords: 'Jeg vil gerne arbejde i et køkken med anretning',
              hoursNow: r() < 0.3 ? null : 5 + Math.floor(r() * 20),
              hoursLater: 25,
              maxCommuteKm: r() < 0.2 ? null : 2 + Math.floor(r() * 20),
              earliestStart: null,
            },
      accommodationsNeeded: some(Object.values(Accommodation), 0.15),
      qualifications: some(Object.values(PlacementRequirement), 0.5),
      latitude: r() < 0.1 ? null : 55.6 + r() * 0.2,
      mostRecentEmployerCompanyId: r() < 0.3 ? `c${Math.floor(r() * 6)}` : null,
    }),
  );
  return { placements, citizens };
}

describe('no code in any explanation', () => {
  it.each([1, 2, 3, 4, 5])('world %i: every reason of every pair, in both languages', (seed) => {
    const { placements, citizens } = world(seed);
    const offending = new Map<string, string[]>();
    const seen = new Set<string>();
    let failedWithCode = 0;
    for (const c of citizens) {
      for (const p of placements) {
        const reasons = [
          ...hardFilters(c, p, TODAY, RULES, strictLabels).map((x) => {
            if (!x.passed && ['accommodations', 'requirements', 'typeAllowed'].includes(x.filter))
              failedWithCode++;
            return x.reason;
          }),
          ...scoreFactors(c, p, TODAY).map((x) => x.reason),
        ];
        for (const reason of reasons)
          for (const sentence of [reason.da, reason.en]) {
            if (seen.has(sentence)) continue;
            seen.add(sentence);
            const codes = codesIn(sentence);
            if (codes.length) offending.set(sentence, codes);
          }
      }
    }
    // The worlds do exercise the sentences that name codes.
    expect(failedWithCode).toBeGreaterThan(100);
    expect([...offending]).toEqual([]);
  });
});
