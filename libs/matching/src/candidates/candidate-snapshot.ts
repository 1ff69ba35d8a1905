import type { LegalRule } from '@jobbro/rules';
import { contentWords } from '@jobbro/core';
import { passesHardFilters } from '../rules/hard-filters';
import type { PlacementSearchQuery } from '../search/placement-search.port';
import type { MatchCitizen, MatchPlacement } from '../rules/match-types';
import {
  DEFAULT_WEIGHTS,
  occupationProximity,
  placementOnlyValues,
  placementText,
  quickScore,
  type Weights,
} from '../rules/scoring';

/** What a consultant may narrow matching to: the filter fields of a search. */
export type CandidateFilter = Pick<
  PlacementSearchQuery,
  'iscoCode' | 'types' | 'accommodations' | 'hours' | 'startBy' | 'municipalityCode'
>;

/**
 * The published partner slots of one job centre at one version, held in memory for ranking:
 * the slots without their text, and an inverted index from the text's content words to slots,
 * so the citizen's own words are compared with every slot without reading any text again.
 */
export interface CandidateSnapshot {
  version: bigint;
  placements: MatchPlacement[];
  /** Per slot, the content words of its text, so a later snapshot can reuse it unread. */
  terms: string[][];
  /** Content words, sorted, each with the slots (indexes into `placements`) that use it. */
  words: string[];
  postings: Int32Array[];
  /** The distinct ISCO codes, and per slot the index of its code in that list. */
  codes: string[];
  codeOf: Int32Array;
  /** Per slot, the factors that depend on the slot alone (see `placementOnlyValues`). */
  ordinaryHours: Float64Array;
  mentor: Float64Array;
  trackRecord: Float64Array;
  /** Per slot, numbers for cheap bounds and prechecks: hours, first start day, accommodations. */
  hoursMin: Float64Array;
  hoursMax: Float64Array;
  startDay: Float64Array;
  /** Each accommodation offered anywhere gets a bit (at most 31; beyond that no mask is kept). */
  accommodationBits: Map<string, number> | null;
  accommodationMask: Uint32Array;
}

/** Days since the epoch of a YYYY-MM-DD date, as the scoring's start factor counts them. */
const dayOf = (date: string): number => Date.parse(date) / 86_400_000;

/** A slot as a snapshot keeps it: without its text, with the text's content words. */
interface Entry {
  placement: MatchPlacement;
  terms: string[];
}

const entriesOf = (rows: MatchPlacement[]): Entry[] =>
  rows.map((row) => ({
    placement: { ...row, title: '', description: '', tasks: [] },
    terms: [...contentWords(placementText(row))],
  }));

export function buildSnapshot(version: bigint, rows: MatchPlacement[]): CandidateSnapshot {
  return assemble(version, entriesOf(rows));
}

/**
 * The next snapshot from the previous one: the slots of the changed companies are replaced by
 * `rows` (their published partner slots now, possibly none); every other slot is kept unread.
 */
export function updateSnapshot(
  previous: CandidateSnapshot,
  version: bigint,
  changedCompanies: Set<string>,
  rows: MatchPlacement[],
): CandidateSnapshot {
  const kept: Entry[] = [];
  previous.placements.forEach((placement, i) => {
    if (!changedCompanies.has(placement.companyId))
      kept.push({ placement, terms: previous.terms[i] });
  });
  return assemble(version, kept.concat(entriesOf(rows)));
}

function assemble(version: bigint, entries: Entry[]): CandidateSnapshot {
  const byWord = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    for (const word of entry.terms) {
      const list = byWord.get(word);
      if (list) list.push(i);
      else byWord.set(word, [i]);
    }
  });
  const placements = entries.map((e) => e.placement);
  const words = [...byWord.keys()].sort();
  const values = placements.map(placementOnlyValues);
  const codes = [...new Set(placements.map((p) => p.iscoCode))].sort();
  const codeIndex = new Map(codes.map((code, i) => [code, i]));
  const offered = [...new Set(placements.flatMap((p) => p.accommodations))].sort();
  const bits = offered.length <= 31 ? new Map(offered.map((a, i) => [a, 1 << i])) : null;
  const maskOf = (list: string[]): number =>
    bits ? list.reduce((mask, a) => mask | (bits.get(a) ?? 0), 0) : 0;
  return {
    hoursMin: Float64Array.from(placements, (p) => p.weeklyHoursMin),
    hoursMax: Float64Array.from(placements, (p) => p.weeklyHoursMax),
    startDay: Float64Array.from(placements, (p) => dayOf(p.startEarliest)),
    accommodationBits: bits,
    accommodationMask: Uint32Array.from(placements, (p) => maskOf(p.accommodations)),
    codes,
    codeOf: Int32Array.from(placements, (p) => codeIndex.get(p.iscoCode) as number),
    version,
    placements,
    terms: entries.map((e) => e.terms),
    words,
    postings: words.map((w) => Int32Array.from(byWord.get(w) as number[])),
    ordinaryHours: Float64Array.from(values, (v) => v.ordinaryHours),
    mentor: Float64Array.from(values, (v) => v.mentor),
    trackRecord: Float64Array.from(values, (v) => v.trackRecord),
  };
}

/** Index of the first word >= `prefix` in the sorted list. */
function lowerBound(words: string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words of the snapshot that match a goal word as `goalRelevance` counts it: either is a prefix. */
function matchingWords(s: CandidateSnapshot, goalWord: string): number[] {
  const found: number[] = [];
  for (let i = lowerBound(s.words, goalWord); i < s.words.length; i++) {
    if (!s.words[i].startsWith(goalWord)) break;
    found.push(i);
  }
  for (let length = 3; length < goalWord.length; length++) {
    const prefix = goalWord.slice(0, length);
    const i = lowerBound(s.words, prefix);
    if (s.words[i] === prefix) found.push(i);
  }
  return found;
}

/** For each slot, how many of the goal's content words its text matches. */
function goalWordHits(s: CandidateSnapshot, goalWords: Set<string>): Uint16Array {
  const hits = new Uint16Array(s.placements.length);
  const seen = new Int32Array(s.placements.length).fill(-1);
  let g = 0;
  for (const goalWord of goalWords) {
    for (const w of matchingWords(s, goalWord))
      for (const i of s.postings[w]) {
        if (seen[i] !== g) {
          seen[i] = g;
          hits[i]++;
        }
      }
    g++;
  }
  return hits;
}

export function matchesFilter(p: MatchPlacement, filter: CandidateFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.iscoCode && !p.iscoCode.startsWith(filter.iscoCode)) return false;
  if (filter.types?.length && !filter.types.includes(p.type)) return false;
  if (filter.accommodations?.some((a) => !p.accommodations.includes(a))) return false;
  if (
    filter.hours !== undefined &&
    (p.weeklyHoursMin > filter.hours || p.weeklyHoursMax < filter.hours)
  )
    return false;
  if (filter.startBy && p.startEarliest > filter.startBy) return false;
  if (filter.municipalityCode !== undefined && p.municipalityCode !== filter.municipalityCode)
    return false;
  return true;
}

export interface RankedCandidate {
  id: string;
  score: number;
}

/** a ranks before b: higher score, then lower id (the order results are shown in). */
const before = (a: RankedCandidate, b: RankedCandidate): boolean =>
  a.score > b.score || (a.score === b.score && a.id < b.id);

/**
 * The `first` best slots for the citizen: every slot that passes the hard filters and the
 * consultant's filter, scored exactly as `totalScore(scoreFactors(...))` would, kept in a bounded
 * heap. Each slot first gets an upper bound from the factors that are cheap to know (occupation,
 * the citizen's words through the word index, the slot-only factors, and the rest at their
 * maximum); a slot whose bound cannot beat the worst of the best so far is skipped unscored.
 * Slots close to the goal's occupation go first, so the heap fills with strong candidates early.
 */
export function rankCandidates(
  s: CandidateSnapshot,
  citizen: MatchCitizen,
  today: string,
  rules: readonly LegalRule[],
  first: number,
  filter?: CandidateFilter,
  weights: Weights = DEFAULT_WEIGHTS,
): RankedCandidate[] {
  if (first <= 0) return [];
  const goalWords = contentWords(citizen.goal?.ownWords ?? '');
  const hits = goalWords.size ? goalWordHits(s, goalWords) : null;
  const goalCodes = citizen.goal?.iscoCodes ?? [];
  const proximity = Float64Array.from(
    s.codes,
    (code) => occupationProximity(goalCodes, code).value,
  );
  const totalWeight = Object.values(weights).reduce((sum, w) => sum + w, 0);

  // Cheap necessary conditions of the hard filters, checked before the full rules run.
  const hoursNow = citizen.goal?.hoursNow ?? null;
  let needMask = 0;
  if (s.accommodationBits)
    for (const need of citizen.accommodationsNeeded) {
      const bit = s.accommodationBits.get(need);
      if (bit === undefined) return []; // no slot offers it, so none passes the filter
      needMask |= bit;
    }
  // Exact values of the hours and start factors (as in scoreFactors), for a tighter bound.
  const later = citizen.goal?.hoursLater ?? null;
  const earliest = citizen.goal?.earliestStart;
  const startDay = dayOf(earliest && earliest > today ? earliest : today);

  // A min-heap of the best so far: heap[0] is the worst of them.
  const heap: RankedCandidate[] = [];
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j], heap[i]];
  };
  const offer = (candidate: RankedCandidate): void => {
    if (heap.length < first) {
      heap.push(candidate);
      for (let k = heap.length - 1; k > 0;) {
        const parent = (k - 1) >> 1;
        if (!before(heap[parent], heap[k])) break;
        swap(parent, k);
        k = parent;
      }
    } else if (before(candidate, heap[0])) {
      heap[0] = candidate;
      for (let k = 0; ;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let worst = k;
        if (l < heap.length && before(heap[worst], heap[l])) worst = l;
        if (r < heap.length && before(heap[worst], heap[r])) worst = r;
        if (worst === k) break;
        swap(k, worst);
        k = worst;
      }
    }
  };
  // Below this weighted sum a slot's score rounds to less than the worst kept one (conservatively).
  let skipBelow = -Infinity;
  const n = s.placements.length;
  for (const near of [true, false])
    for (let i = 0; i < n; i++) {
      const occupation = proximity[s.codeOf[i]];
      if (occupation >= 0.4 !== near) continue;
      if ((needMask & ~s.accommodationMask[i]) !== 0) continue;
      if (hoursNow !== null && s.hoursMin[i] > hoursNow) continue;
      const relevance = hits ? hits[i] / goalWords.size : 0;
      const hoursMax = s.hoursMax[i];
      const hours = later === null || later <= hoursMax ? 1 : hoursMax / later;
      const start = 1 - Math.min(Math.max(0, s.startDay[i] - startDay), 90) / 90;
      const bound =
        occupation * weights.occupation +
        relevance * weights.goalWords +
        s.ordinaryHours[i] * weights.ordinaryHours +
        s.mentor[i] * weights.mentor +
        s.trackRecord[i] * weights.trackRecord +
        Math.min(1, hours) * weights.hours +
        start * weights.start +
        weights.distance;
      if (bound < skipBelow) continue;
      const p = s.placements[i];
      if (!matchesFilter(p, filter) || !passesHardFilters(citizen, p, today, rules)) continue;
      offer({ id: p.id, score: quickScore(citizen, p, today, relevance, weights) });
      if (heap.length === first)
        skipBelow = ((10 * heap[0].score - 0.5) * totalWeight) / 1000 - 1e-9;
    }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
