import { capitalize } from '@jobbro/core';
import {
  isLastEmployerBlocked,
  type LegalRule,
  lastEmployerGroups,
  placementTypeAllowed,
} from '@jobbro/rules';
import { labelList, type LabelLookup, weekdayList } from '@jobbro/reference';
import { availabilityCompared, availabilityFit } from './availability';
import { distanceKm, unknownDistance } from './geo';
import type { HardFilterResult, MatchCitizen, MatchPlacement } from './match-types';

const r = (filter: string, passed: boolean, da: string, en: string): HardFilterResult => ({
  filter,
  passed,
  reason: { da, en },
});

const NONE: readonly string[] = [];

/** The slot side of the `available` filter: published with a free place. */
export const slotAvailable = (p: MatchPlacement): boolean =>
  p.status === 'published' && p.capacity - p.occupied > 0;

/** The facts the hard filters decide on, and each filter's verdict; no text is built here. */
function judge(c: MatchCitizen, p: MatchPlacement, today: string, rules: readonly LegalRule[]) {
  const free = p.capacity - p.occupied;
  const start =
    c.goal?.earliestStart && c.goal.earliestStart > today ? c.goal.earliestStart : today;
  const startOn = p.startEarliest > start ? p.startEarliest : start;
  // The rules' own verdict from the placement-types row in force at the planned start; only a
  // clear "not allowed" leaves the pair out (undecided is the proposal check's warning).
  const { allowed, rule } = placementTypeAllowed(rules, {
    placementType: p.type,
    targetGroup: c.targetGroup,
    start: startOn,
  });
  const km = distanceKm(c, p);
  const maxKm = c.goal?.maxCommuteKm ?? null;
  const hoursNow = c.goal?.hoursNow ?? null;
  // Most pairs have nothing to compare; skip the allocation then (this runs for every candidate).
  const missing = c.accommodationsNeeded.length
    ? c.accommodationsNeeded.filter((a) => !p.accommodations.includes(a))
    : NONE;
  const unmet = p.requirements.length
    ? p.requirements.filter((q) => !c.qualifications.includes(q))
    : NONE;
  // The rules' own predicate, with the groups of the rule row in force at the planned start. It
  // needs the slot's company to be the last employer, so the groups are only looked up then
  // (this runs for every candidate pair).
  const lastEmployer =
    c.mostRecentEmployerCompanyId === p.companyId &&
    isLastEmployerBlocked(
      {
        placementType: p.type,
        targetGroup: c.targetGroup,
        companyId: p.companyId,
        mostRecentEmployerCompanyId: c.mostRecentEmployerCompanyId,
      },
      lastEmployerGroups(rules, startOn),
    );
  const typeAllowed = allowed !== false;
  const times = availabilityFit(c.availability, p.workingTimes);
  return {
    free,
    start,
    rule,
    allowed,
    km,
    maxKm,
    hoursNow,
    missing,
    unmet,
    lastEmployer,
    times,
    available: slotAvailable(p),
    startWindow: p.startLatest === null || p.startLatest >= start,
    typeAllowed,
    // Without a distance a limit cannot be shown to hold; without a limit there is nothing to hold.
    commute: maxKm === null || (km !== null && km <= maxKm),
    hours: hoursNow === null || p.weeklyHoursMin <= hoursNow,
  };
}

/** Whether every hard filter passes: the same rules as `hardFilters`, without the reasons. */
export function passesHardFilters(
  c: MatchCitizen,
  p: MatchPlacement,
  today: string,
  rules: readonly LegalRule[],
): boolean {
  const j = judge(c, p, today, rules);
  return (
    j.available &&
    j.startWindow &&
    j.typeAllowed &&
    j.commute &&
    j.hours &&
    j.missing.length === 0 &&
    j.unmet.length === 0 &&
    !j.lastEmployer &&
    j.times.fits
  );
}

/**
 * Every hard filter, passed or not, so a consultant can ask why a placement was excluded.
 * `today` is the date matching runs (YYYY-MM-DD). Codes (accommodations, requirements, the
 * placement type, the target group) reach the reasons only as their labels from `labels`.
 */
export function hardFilters(
  c: MatchCitizen,
  p: MatchPlacement,
  today: string,
  rules: readonly LegalRule[],
  labels: LabelLookup,
): HardFilterResult[] {
  const j = judge(c, p, today, rules);
  const { free, start, rule, allowed, km, maxKm, hoursNow, missing, unmet, lastEmployer, times } =
    j;
  const type = labels('placementType', p.type);
  const group = c.targetGroup === null ? null : labels('targetGroup', c.targetGroup);
  const notOffered = labelList(labels, 'accommodation', missing);
  const notMet = labelList(labels, 'requirement', unmet);
  return [
    r(
      'available',
      j.available,
      free > 0
        ? `Opslaget er ${p.status === 'published' ? 'åbent' : 'ikke offentliggjort'} med ${free} ledige pladser`
        : 'Ingen ledige pladser',
      free > 0
        ? `The slot is ${p.status === 'published' ? 'open' : 'not published'} with ${free} free places`
        : 'No free places',
    ),
    r(
      'startWindow',
      j.startWindow,
      p.startLatest === null || p.startLatest >= start
        ? 'Start kan passe'
        : `Seneste start (${p.startLatest}) er før borgeren kan starte (${start})`,
      p.startLatest === null || p.startLatest >= start
        ? 'The start can fit'
        : `Latest start (${p.startLatest}) is before the citizen can start (${start})`,
    ),
    r(
      'typeAllowed',
      j.typeAllowed,
      c.targetGroup === null
        ? 'Ingen målgruppe registreret'
        : allowed === null
          ? 'Ingen regel for målgruppen på startdatoen'
          : allowed
            ? `Tilladt for målgruppen (${rule?.source.da})`
            : `${capitalize(type.da)} er ikke tilladt for målgruppen ${group?.da} (${rule?.source.da})`,
      c.targetGroup === null
        ? 'No target group recorded'
        : allowed === null
          ? 'No rule for the target group on the start date'
          : allowed
            ? `Allowed for the target group (${rule?.source.en})`
            : `${capitalize(type.en)} is not allowed for the target group ${group?.en} (${rule?.source.en})`,
    ),
    km === null
      ? r(
          'commute',
          j.commute,
          maxKm === null
            ? unknownDistance(c, p).da
            : `${unknownDistance(c, p).da}; borgeren vil højst ${maxKm} km`,
          maxKm === null
            ? unknownDistance(c, p).en
            : `${unknownDistance(c, p).en}; the citizen travels at most ${maxKm} km`,
        )
      : r(
          'commute',
          j.commute,
          maxKm === null
            ? `${Math.round(km)} km fra bopæl`
            : km <= maxKm
              ? `${Math.round(km)} km fra bopæl (højst ${maxKm})`
              : `${Math.round(km)} km fra bopæl, mere end ${maxKm} km`,
          maxKm === null
            ? `${Math.round(km)} km from home`
            : km <= maxKm
              ? `${Math.round(km)} km from home (at most ${maxKm})`
              : `${Math.round(km)} km from home, more than ${maxKm} km`,
        ),
    r(
      'hours',
      j.hours,
      hoursNow === null || p.weeklyHoursMin <= hoursNow
        ? `${p.weeklyHoursMin}-${p.weeklyHoursMax} timer passer`
        : `Kræver mindst ${p.weeklyHoursMin} timer; borgeren kan ${hoursNow}`,
      hoursNow === null || p.weeklyHoursMin <= hoursNow
        ? `${p.weeklyHoursMin}-${p.weeklyHoursMax} hours fit`
        : `Needs at least ${p.weeklyHoursMin} hours; the citizen can do ${hoursNow}`,
    ),
    r(
      'accommodations',
      missing.length === 0,
      missing.length === 0 ? 'Alle skånehensyn kan tilbydes' : `Kan ikke tilbyde: ${notOffered.da}`,
      missing.length === 0
        ? 'Every accommodation can be offered'
        : `Cannot offer: ${notOffered.en}`,
    ),
    r(
      'requirements',
      unmet.length === 0,
      unmet.length === 0 ? 'Krav opfyldt' : `Krav ikke opfyldt: ${notMet.da}`,
      unmet.length === 0 ? 'Requirements met' : `Requirements not met: ${notMet.en}`,
    ),
    r(
      'notLastEmployer',
      !lastEmployer,
      lastEmployer
        ? 'Jobparate må ikke komme i praktik hos seneste arbejdsgiver (BEK § 61)'
        : 'Ikke seneste arbejdsgiver',
      lastEmployer
        ? 'Job-ready citizens may not intern with their most recent employer (BEK § 61)'
        : 'Not the most recent employer',
    ),
    r('availability', times.fits, ...availabilityReason(c, p, times)),
  ];
}

/** "Pladsen kræver arbejde lørdag; borgeren kan mandag–fredag", one sentence per part that fails. */
function availabilityReason(
  c: MatchCitizen,
  p: MatchPlacement,
  times: ReturnType<typeof availabilityFit>,
): [string, string] {
  if (times.fits)
    return availabilityCompared(c.availability, p.workingTimes)
      ? ['Arbejdstiderne passer', 'The working times fit']
      : [
          'Arbejdstider ikke angivet for både plads og borger',
          'Working times not given for both slot and citizen',
        ];
  const can = c.availability;
  const needs = p.workingTimes;
  const da: string[] = [];
  const en: string[] = [];
  if (times.missingDays.length && can?.weekdays) {
    const missing = weekdayList(times.missingDays);
    const days = weekdayList(can.weekdays);
    da.push(`Pladsen kræver arbejde ${missing.da}; borgeren kan ${days.da}`);
    en.push(`The slot needs work on ${missing.en}; the citizen can work ${days.en}`);
  }
  if (times.startsTooEarly) {
    da.push(`Pladsen kræver arbejde fra ${needs?.from}; borgeren kan fra ${can?.from}`);
    en.push(`The slot needs work from ${needs?.from}; the citizen can work from ${can?.from}`);
  }
  if (times.endsTooLate) {
    da.push(`Pladsen kræver arbejde til ${needs?.until}; borgeren kan til ${can?.until}`);
    en.push(`The slot needs work until ${needs?.until}; the citizen can work until ${can?.until}`);
  }
  return [da.join('. '), en.join('. ')];
}

export const passesAll = (results: HardFilterResult[]): boolean => results.every((f) => f.passed);
