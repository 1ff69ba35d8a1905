import { codeLabels, Weekday, type WorkingTimes } from '@jobbro/reference';
import { availabilityFit } from './availability';
import { hardFilters, passesHardFilters } from './hard-filters';
import type { MatchCitizen, MatchPlacement } from './match-types';
import { seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The not-the-last-employer rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

const { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday } = Weekday;
const WEEKDAYS_ONLY = [Monday, Tuesday, Wednesday, Thursday, Friday];
const times = (
  weekdays: Weekday[] | null,
  from: string | null = null,
  until: string | null = null,
): WorkingTimes => ({ weekdays, from, until });

describe('availabilityFit: the slot’s working times against the citizen’s', () => {
  it.each([
    ['nothing known on either side', null, null, true],
    ['the citizen unknown', null, times([Saturday], '06:00', '22:00'), true],
    ['the slot unknown', times([Monday], '09:00', '12:00'), null, true],
    ['days known only on the slot', times(null, '08:00', '16:00'), times([Saturday]), true],
    ['days known only on the citizen', times([Monday]), times(null, '08:00', '16:00'), true],
    ['the same days', times(WEEKDAYS_ONLY), times(WEEKDAYS_ONLY), true],
    ['fewer days than the citizen can', times(WEEKDAYS_ONLY), times([Tuesday, Thursday]), true],
    ['one day the citizen cannot', times(WEEKDAYS_ONLY), times([Friday, Saturday]), false],
    ['a weekend slot for a weekday citizen', times(WEEKDAYS_ONLY), times([Sunday]), false],
    [
      'hours inside the citizen’s',
      times(null, '08:00', '16:00'),
      times(null, '09:00', '15:00'),
      true,
    ],
    [
      'hours exactly the citizen’s',
      times(null, '08:00', '16:00'),
      times(null, '08:00', '16:00'),
      true,
    ],
    ['ending one minute late', times(null, '08:00', '16:00'), times(null, '08:00', '16:01'), false],
    [
      'starting one minute early',
      times(null, '08:00', '16:00'),
      times(null, '07:59', '16:00'),
      false,
    ],
    ['the citizen’s end only', times(null, null, '16:00'), times(null, '08:00', '18:00'), false],
    ['the citizen’s start only', times(null, '10:00', null), times(null, '08:00', '12:00'), false],
    ['the slot’s end unknown', times(null, '08:00', '16:00'), times(null, '08:00', null), true],
    ['the slot’s start unknown', times(null, '08:00', '16:00'), times(null, null, '15:00'), true],
  ] as const)('%s: fits %s', (_name, citizen, slot, fits) => {
    expect(availabilityFit(citizen, slot).fits).toBe(fits);
  });

  it('names the days the citizen cannot and the hours outside theirs', () => {
    expect(
      availabilityFit(
        times(WEEKDAYS_ONLY, '08:00', '16:00'),
        times([Friday, Saturday, Sunday], '07:00', '18:00'),
      ),
    ).toEqual({
      fits: false,
      missingDays: [Saturday, Sunday],
      startsTooEarly: true,
      endsTooLate: true,
    });
  });
});

const slot = (workingTimes: WorkingTimes | null): MatchPlacement => ({
  id: 'p',
  companyId: 'company',
  type: 'internship',
  status: 'published',
  title: 'Bager',
  description: '',
  tasks: [],
  iscoCode: '7512',
  occupationLabel: 'bager',
  capacity: 1,
  occupied: 0,
  weeklyHoursMin: 10,
  weeklyHoursMax: 20,
  startEarliest: '2026-12-01',
  startLatest: null,
  accommodations: [],
  requirements: [],
  ordinaryHoursPossible: false,
  ordinaryHoursAfterWeeks: null,
  ordinaryHoursPerWeek: null,
  latitude: null,
  longitude: null,
  mentorFreeCapacity: null,
  trackRecord: null,
  workingTimes,
});

const citizen = (availability: WorkingTimes | null): MatchCitizen => ({
  targetGroup: null,
  goal: null,
  accommodationsNeeded: [],
  qualifications: [],
  latitude: null,
  longitude: null,
  mostRecentEmployerCompanyId: null,
  availability,
});

const availabilityOf = (c: MatchCitizen, p: MatchPlacement) =>
  hardFilters(c, p, '2026-11-25', RULES, codeLabels()).find((f) => f.filter === 'availability');

describe('the availability hard filter', () => {
  it.each([
    [
      'a Saturday slot for a citizen who can Monday to Friday',
      times(WEEKDAYS_ONLY),
      times([Saturday]),
      false,
      'Pladsen kræver arbejde lørdag; borgeren kan mandag–fredag',
      'The slot needs work on Saturday; the citizen can work Monday–Friday',
    ],
    [
      'a weekend slot for a citizen who can Monday, Wednesday and Friday',
      times([Monday, Wednesday, Friday]),
      times([Monday, Saturday, Sunday]),
      false,
      'Pladsen kræver arbejde lørdag og søndag; borgeren kan mandag, onsdag og fredag',
      'The slot needs work on Saturday and Sunday; the citizen can work Monday, Wednesday and Friday',
    ],
    [
      'a slot ending after the citizen can work',
      times(null, '08:00', '16:00'),
      times(null, '10:00', '18:00'),
      false,
      'Pladsen kræver arbejde til 18:00; borgeren kan til 16:00',
      'The slot needs work until 18:00; the citizen can work until 16:00',
    ],
    [
      'a slot starting before the citizen can',
      times(null, '09:00', null),
      times(null, '07:00', '12:00'),
      false,
      'Pladsen kræver arbejde fra 07:00; borgeren kan fra 09:00',
      'The slot needs work from 07:00; the citizen can work from 09:00',
    ],
    [
      'fitting days and hours',
      times(WEEKDAYS_ONLY, '08:00', '16:00'),
      times([Monday, Tuesday], '09:00', '13:00'),
      true,
      'Arbejdstiderne passer',
      'The working times fit',
    ],
    [
      'unknown on the citizen’s side',
      null,
      times([Saturday], '06:00', '22:00'),
      true,
      'Arbejdstider ikke angivet for både plads og borger',
      'Working times not given for both slot and citizen',
    ],
  ] as const)('%s', (_name, available, working, passed, da, en) => {
    const c = citizen(available);
    const p = slot(working);
    expect(availabilityOf(c, p)).toEqual({ filter: 'availability', passed, reason: { da, en } });
    expect(passesHardFilters(c, p, '2026-11-25', RULES)).toBe(passed);
  });

  it('joins a day and an hour problem in one reason', () => {
    const reason = availabilityOf(
      citizen(times(WEEKDAYS_ONLY, '08:00', '16:00')),
      slot(times([Saturday], '08:00', '18:00')),
    )?.reason;
    expect(reason?.da).toBe(
      'Pladsen kræver arbejde lørdag; borgeren kan mandag–fredag. Pladsen kræver arbejde til 18:00; borgeren kan til 16:00',
    );
  });

  it('passes slots and citizens from before working times existed (no field at all)', () => {
    const { workingTimes: _w, ...old } = slot(null);
    const { availability: _a, ...oldCitizen } = citizen(null);
    expect(passesHardFilters(oldCitizen, old, '2026-11-25', RULES)).toBe(true);
  });
});
