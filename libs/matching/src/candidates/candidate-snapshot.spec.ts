import { codeLabels } from '@jobbro/reference';
import { hardFilters, passesAll, passesHardFilters } from '../rules/hard-filters';
import type { MatchCitizen, MatchPlacement } from '../rules/match-types';
import {
  quickScore,
  goalRelevance,
  placementText,
  scoreFactors,
  totalScore,
} from '../rules/scoring';
import {
  buildSnapshot,
  type CandidateFilter,
  matchesFilter,
  rankCandidates,
  updateSnapshot,
} from './candidate-snapshot';
import { seededRandom } from '../../../testing/src/random';
import { seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The not-the-last-employer rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

/** The catalogues' labels; target groups read as words here (their table is in the database). */
const LABELS = codeLabels();
const TODAY = '2026-11-25';

const WORDS = [
  'køkken',
  'kok',
  'lager',
  'truck',
  'rengøring',
  'butik',
  'kasse',
  'have',
  'dyr',
  'pleje',
  'ældre',
  'kunder',
  'opvask',
  'anretning',
  'praktisk',
  'praktik',
];
const ISCO = ['5120', '5131', '9412', '9411', '5223', '9112', '6121', '5322', '4321', '9333'];
const TYPES = ['internship', 'wage_subsidy', 'ordinary_hours', 'flex_job'] as const;
const ACCOMMODATIONS = ['no_heavy_lifting', 'quiet_workspace', 'short_days', 'fixed_routines'];
const GROUPS = [
  'kontanthjaelp_aktivitetsparat',
  'dagpenge',
  'sygedagpenge',
  'ledighedsydelse',
  null,
];

function world(seed: number): { placements: MatchPlacement[]; citizens: MatchCitizen[] } {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => r() < p);
  const date = (from: number, days: number): string =>
    new Date(Date.UTC(2026, 10, 1) + (from + Math.floor(r() * days)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const placements = Array.from({ length: 400 }, (_, i): MatchPlacement => {
    const ordinary = r() < 0.6;
    return {
      id: `p${String(i).padStart(4, '0')}`,
      companyId: `c${i % 40}`,
      type: pick(TYPES),
      status: 'published',
      title: `${pick(WORDS)} ${pick(WORDS)}`,
      description: some(WORDS, 0.15).join(' '),
      tasks: some(WORDS, 0.1),
      iscoCode: pick(ISCO),
      occupationLabel: pick(WORDS),
      capacity: Math.floor(r() * 3),
      occupied: 0,
      weeklyHoursMin: 5 + Math.floor(r() * 15),
      weeklyHoursMax: 20 + Math.floor(r() * 17),
      startEarliest: date(0, 90),
      startLatest: r() < 0.2 ? null : date(20, 200),
      accommodations: some(ACCOMMODATIONS, 0.4),
      requirements: r() < 0.1 ? ['driving_licence'] : [],
      ordinaryHoursPossible: ordinary,
      ordinaryHoursAfterWeeks: ordinary ? 2 + Math.floor(r() * 30) : null,
      ordinaryHoursPerWeek: ordinary ? 5 : null,
      // A few without a site (closed ones may have none): no distance, never one to 0,0.
      ...(r() < 0.05
        ? { latitude: null, longitude: null }
        : { latitude: 55.5 + r() * 0.5, longitude: 12 + r() * 0.8 }),
      municipalityCode: pick([101, 147, 151]),
      mentorFreeCapacity: r() < 0.2 ? null : Math.floor(r() * 3),
      trackRecord:
        r() < 0.5 ? null : { ended: 1 + Math.floor(r() * 9), ledToJob: Math.floor(r() * 2) },
    };
  });
  const citizens = Array.from({ length: 30 }, (): MatchCitizen => ({
    targetGroup: pick(GROUPS),
    goal:
      r() < 0.1
        ? null
        : {
            iscoCodes: some(ISCO, 0.2),
            occupationLabels: [],
            ownWords: `Jeg vil gerne arbejde med ${some(WORDS, 0.2).join(' og ')} ${pick(['køkkenet', 'lagerarbejde', 'praktiske ting', ''])}`,
            hoursNow: r() < 0.2 ? null : 5 + Math.floor(r() * 20),
            hoursLater: r() < 0.2 ? null : 15 + Math.floor(r() * 25),
            maxCommuteKm: r() < 0.1 ? null : 5 + Math.floor(r() * 40),
            earliestStart: r() < 0.5 ? null : date(0, 120),
          },
    accommodationsNeeded: some(ACCOMMODATIONS, 0.2),
    qualifications: r() < 0.5 ? ['driving_licence'] : [],
    latitude: 55.5 + r() * 0.5,
    longitude: 12 + r() * 0.8,
    mostRecentEmployerCompanyId: r() < 0.3 ? `c${Math.floor(r() * 40)}` : null,
  }));
  return { placements, citizens };
}

/** The reference: every slot through the explainable rules, sorted as results are shown. */
function bruteForce(
  placements: MatchPlacement[],
  c: MatchCitizen,
  first: number,
  filter?: CandidateFilter,
): { id: string; score: number }[] {
  return placements
    .filter((p) => matchesFilter(p, filter) && passesAll(hardFilters(c, p, TODAY, RULES, LABELS)))
    .map((p) => ({ id: p.id, score: totalScore(scoreFactors(c, p, TODAY)) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, first);
}

describe('in-memory candidate ranking gives exactly what the explainable rules give', () => {
  it.each([1, 2, 3, 4, 5])('random world %i: same slots, same order, same scores', (seed) => {
    const { placements, citizens } = world(seed);
    const snapshot = buildSnapshot(1n, placements);
    for (const c of citizens) {
      for (const first of [1, 7, 20, 500])
        expect(rankCandidates(snapshot, c, TODAY, RULES, first)).toEqual(
          bruteForce(placements, c, first),
        );
    }
  });

  it('a snapshot updated for the changed companies ranks as one built from scratch', () => {
    const { placements, citizens } = world(21);
    const before = placements.slice(0, 300);
    // Companies c0-c9 change: some slots go, some are edited, some arrive from the rest.
    const changed = new Set(Array.from({ length: 10 }, (_, i) => `c${i}`));
    const now = [
      ...before.filter((p) => !changed.has(p.companyId)),
      ...placements
        .slice(300)
        .filter((p) => changed.has(p.companyId))
        .map((p, i) => (i % 2 ? { ...p, title: `${p.title} køkken`, weeklyHoursMin: 5 } : p)),
    ];
    const updated = updateSnapshot(
      buildSnapshot(1n, before),
      2n,
      changed,
      now.filter((p) => changed.has(p.companyId)),
    );
    expect(updated.version).toBe(2n);
    for (const c of citizens)
      expect(rankCandidates(updated, c, TODAY, RULES, 15)).toEqual(bruteForce(now, c, 15));
  });

  it('a consultant filter narrows both alike', () => {
    const { placements, citizens } = world(9);
    const snapshot = buildSnapshot(1n, placements);
    const filters: CandidateFilter[] = [
      { types: ['internship'] },
      { iscoCode: '51' },
      { accommodations: ['quiet_workspace'], hours: 22 },
      { startBy: '2026-12-15', municipalityCode: 147 },
    ];
    for (const filter of filters)
      for (const c of citizens)
        expect(rankCandidates(snapshot, c, TODAY, RULES, 10, filter)).toEqual(
          bruteForce(placements, c, 10, filter),
        );
  });

  it('the fast filter and score agree with the explained ones pair by pair', () => {
    const { placements, citizens } = world(11);
    for (const c of citizens)
      for (const p of placements) {
        expect(passesHardFilters(c, p, TODAY, RULES)).toBe(
          passesAll(hardFilters(c, p, TODAY, RULES, LABELS)),
        );
        const relevance = goalRelevance(c.goal?.ownWords ?? '', placementText(p)).value;
        expect(quickScore(c, p, TODAY, relevance)).toBe(totalScore(scoreFactors(c, p, TODAY)));
      }
  });

  it('the citizen’s own words reach slots through the word index, prefixes both ways', () => {
    const { placements } = world(3);
    const kitchen = {
      ...placements[0],
      id: 'kitchen',
      title: 'Køkkenassistent',
      description: '',
      tasks: [],
      occupationLabel: 'x',
      iscoCode: '9999',
    };
    const other = {
      ...placements[0],
      id: 'other',
      title: 'Lager',
      description: '',
      tasks: [],
      occupationLabel: 'x',
      iscoCode: '9999',
    };
    const citizen: MatchCitizen = {
      targetGroup: null,
      goal: {
        iscoCodes: [],
        occupationLabels: [],
        ownWords: 'køkken',
        hoursNow: null,
        hoursLater: null,
        maxCommuteKm: null,
        earliestStart: null,
      },
      accommodationsNeeded: [],
      qualifications: [],
      latitude: kitchen.latitude,
      longitude: kitchen.longitude,
      mostRecentEmployerCompanyId: null,
    };
    const ranked = rankCandidates(buildSnapshot(1n, [other, kitchen]), citizen, TODAY, RULES, 2);
    expect(ranked.map((x) => x.id)).toEqual(['kitchen', 'other']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });
});
