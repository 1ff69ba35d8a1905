import { contentWords } from '@jobbro/core';
import { distanceKm, unknownDistance } from './geo';
import type { MatchCitizen, MatchPlacement, ScoreFactor } from './match-types';

/** Weights held as data; the ordinary-hours path weighs heavily (DOMAIN.md principle 2). */
export const DEFAULT_WEIGHTS = {
  occupation: 3,
  goalWords: 1.5,
  distance: 1,
  hours: 1,
  ordinaryHours: 2.5,
  mentor: 0.5,
  trackRecord: 0.5,
  start: 0.5,
} as const;
export type Weights = Record<keyof typeof DEFAULT_WEIGHTS, number>;

const ISCO_LEVELS: [number, number, string, string][] = [
  [4, 1, 'Samme fag som jobmålet', 'Same occupation as the job goal'],
  [3, 0.7, 'Beslægtet fag', 'Closely related occupation'],
  [2, 0.4, 'Samme faggruppe', 'Same occupational group'],
  [1, 0.2, 'Samme hovedgruppe', 'Same major group'],
];

/** Each level of ISCO proximity with its value, closest first, ending with no shared group. */
export const ISCO_LEVEL_VALUES: { digits: number; value: number }[] = [
  ...ISCO_LEVELS.map(([digits, value]) => ({ digits, value })),
  { digits: 0, value: 0 },
];

/** Occupation proximity through the ISCO-08 hierarchy: unit group > minor > sub-major > major. */
export function occupationProximity(
  goalCodes: string[],
  placementCode: string,
): { value: number; level: number } {
  for (const [digits, value] of ISCO_LEVELS) {
    if (goalCodes.some((code) => code.slice(0, digits) === placementCode.slice(0, digits)))
      return { value, level: digits };
  }
  return { value: 0, level: 0 };
}

/** The placement text the citizen's own words are compared with. */
export const placementText = (p: MatchPlacement): string =>
  [p.title, p.description, ...p.tasks, p.occupationLabel].join(' ');

/** Share of the goal's content words the placement text mentions (prefix matches count). */
export function goalRelevance(
  ownWords: string,
  placementText: string,
): { value: number; shared: string[] } {
  const goal = contentWords(ownWords);
  if (goal.size === 0) return { value: 0, shared: [] };
  const text = [...contentWords(placementText)];
  const shared = [...goal].filter((g) => text.some((t) => t.startsWith(g) || g.startsWith(t)));
  return { value: shared.length / goal.size, shared };
}

const clamp = (value: number): number => Math.max(0, Math.min(1, value));

const f = (
  factor: keyof Weights,
  value: number,
  weights: Weights,
  da: string,
  en: string,
): ScoreFactor => ({
  factor,
  value: clamp(value),
  weight: weights[factor],
  reason: { da, en },
});

/** Share of the company's ended placements that led to a job; null until any has ended. */
const trackRecordShare = (p: MatchPlacement): number | null =>
  p.trackRecord && p.trackRecord.ended > 0 ? p.trackRecord.ledToJob / p.trackRecord.ended : null;

/** The factors that depend on the slot alone (the same for every citizen). */
export function placementOnlyValues(p: MatchPlacement): {
  ordinaryHours: number;
  mentor: number;
  trackRecord: number;
} {
  const record = trackRecordShare(p);
  return {
    ordinaryHours: p.ordinaryHoursPossible
      ? 0.6 + 0.4 * (1 - Math.min(p.ordinaryHoursAfterWeeks ?? 26, 26) / 26)
      : 0,
    mentor: p.mentorFreeCapacity !== null && p.mentorFreeCapacity > 0 ? 1 : 0,
    trackRecord: record ?? 0.5,
  };
}

/** The numbers behind every factor except the goal's words; reasons are built from them. */
function measure(c: MatchCitizen, p: MatchPlacement, today: string) {
  const goal = c.goal;
  const proximity = occupationProximity(goal?.iscoCodes ?? [], p.iscoCode);
  const km = distanceKm(c, p);
  const reach = goal?.maxCommuteKm ?? 30;
  const later = goal?.hoursLater ?? null;
  const start = goal?.earliestStart && goal.earliestStart > today ? goal.earliestStart : today;
  const waitDays = Math.max(0, (Date.parse(p.startEarliest) - Date.parse(start)) / 86_400_000);
  const record = trackRecordShare(p);
  return {
    proximity,
    km,
    later,
    waitDays,
    record,
    // No distance (a slot without a site) earns nothing: nearness cannot be claimed.
    distance: km === null ? 0 : 1 - km / Math.max(reach, 1),
    hours: later === null ? 1 : later <= p.weeklyHoursMax ? 1 : p.weeklyHoursMax / later,
    ...placementOnlyValues(p),
    start: 1 - Math.min(waitDays, 90) / 90,
  };
}

/** 0..100 from a weighted sum; the one rounding every score goes through. */
const roundScore = (weighted: number, weight: number): number =>
  weight === 0 ? 0 : Math.round((1000 * weighted) / weight) / 10;

/**
 * The total score without building any reasons: the same numbers, in the same order, as
 * `totalScore(scoreFactors(...))`, for ranking many candidates. `goalWords` is the value of
 * `goalRelevance` for the pair, which the caller may have computed from an index.
 */
export function quickScore(
  c: MatchCitizen,
  p: MatchPlacement,
  today: string,
  goalWords: number,
  weights: Weights = DEFAULT_WEIGHTS,
): number {
  const m = measure(c, p, today);
  const pairs: [number, number][] = [
    [m.proximity.value, weights.occupation],
    [goalWords, weights.goalWords],
    [m.distance, weights.distance],
    [m.hours, weights.hours],
    [m.ordinaryHours, weights.ordinaryHours],
    [m.mentor, weights.mentor],
    [m.trackRecord, weights.trackRecord],
    [m.start, weights.start],
  ];
  let weighted = 0;
  let weight = 0;
  for (const [value, w] of pairs) {
    weighted += clamp(value) * w;
    weight += w;
  }
  return roundScore(weighted, weight);
}

/** Every soft factor with its value, weight and a short reason in Danish and English. */
export function scoreFactors(
  c: MatchCitizen,
  p: MatchPlacement,
  today: string,
  weights: Weights = DEFAULT_WEIGHTS,
): ScoreFactor[] {
  const goal = c.goal;
  const m = measure(c, p, today);
  const { proximity, km, later, waitDays, record } = m;
  const level = ISCO_LEVELS.find(([digits]) => digits === proximity.level);
  const relevance = goalRelevance(goal?.ownWords ?? '', placementText(p));
  const hoursValue = m.hours;
  const ordinary = m.ordinaryHours;

  return [
    f(
      'occupation',
      proximity.value,
      weights,
      level ? `${level[2]}: ${p.occupationLabel}` : `Andet fag end jobmålet: ${p.occupationLabel}`,
      level
        ? `${level[3]}: ${p.occupationLabel}`
        : `Different occupation from the goal: ${p.occupationLabel}`,
    ),
    f(
      'goalWords',
      relevance.value,
      weights,
      relevance.shared.length
        ? `Matcher borgerens egne ord: ${relevance.shared.join(', ')}`
        : 'Ingen fælles ord med borgerens mål',
      relevance.shared.length
        ? `Matches the citizen's own words: ${relevance.shared.join(', ')}`
        : "No words in common with the citizen's goal",
    ),
    f(
      'distance',
      m.distance,
      weights,
      km === null ? unknownDistance(c, p).da : `${Math.round(km)} km fra bopæl`,
      km === null ? unknownDistance(c, p).en : `${Math.round(km)} km from home`,
    ),
    f(
      'hours',
      hoursValue,
      weights,
      later === null || later <= p.weeklyHoursMax
        ? `Op til ${p.weeklyHoursMax} timer om ugen`
        : `Højst ${p.weeklyHoursMax} af de ønskede ${later} timer`,
      later === null || later <= p.weeklyHoursMax
        ? `Up to ${p.weeklyHoursMax} hours a week`
        : `At most ${p.weeklyHoursMax} of the ${later} hours wanted`,
    ),
    f(
      'ordinaryHours',
      ordinary,
      weights,
      p.ordinaryHoursPossible
        ? `Ordinære timer efter ${p.ordinaryHoursAfterWeeks} uger (${p.ordinaryHoursPerWeek} t/uge)`
        : 'Ingen vej til ordinære timer',
      p.ordinaryHoursPossible
        ? `Ordinary hours after ${p.ordinaryHoursAfterWeeks} weeks (${p.ordinaryHoursPerWeek} h/week)`
        : 'No path to ordinary hours',
    ),
    f(
      'mentor',
      m.mentor,
      weights,
      p.mentorFreeCapacity ? 'Mentor med plads' : 'Mentoren har ikke plads lige nu',
      p.mentorFreeCapacity ? 'Mentor with room' : 'The mentor has no room right now',
    ),
    f(
      'trackRecord',
      m.trackRecord,
      weights,
      record === null
        ? 'Endnu ingen afsluttede forløb'
        : `${Math.round(record * 100)} % af forløbene førte til job`,
      record === null
        ? 'No completed placements yet'
        : `${Math.round(record * 100)}% of placements led to a job`,
    ),
    f(
      'start',
      m.start,
      weights,
      waitDays === 0 ? 'Kan starte med det samme' : `Start om ${Math.round(waitDays)} dage`,
      waitDays === 0 ? 'Can start right away' : `Starts in ${Math.round(waitDays)} days`,
    ),
  ];
}

/** 0..100: the weighted mean of the factors. */
export function totalScore(factors: ScoreFactor[]): number {
  let weighted = 0;
  let weight = 0;
  for (const x of factors) {
    weighted += x.value * x.weight;
    weight += x.weight;
  }
  return roundScore(weighted, weight);
}
