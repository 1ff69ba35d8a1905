import { PlacementStatus } from '../company.enums';
import {
  availableActions,
  decideTransition,
  type PlacementAction,
  type PlacementFacts,
  placementProblems,
} from './placement-rules';

const TODAY = '2026-11-25';

const facts = (overrides: Partial<PlacementFacts> = {}): PlacementFacts => ({
  status: PlacementStatus.Draft,
  siteId: 'site',
  mentorId: 'mentor',
  tasks: ['Opvask', 'Klargøring af grøntsager'],
  weeklyHoursMin: 10,
  weeklyHoursMax: 20,
  startEarliest: '2026-12-01',
  startLatest: '2027-02-01',
  ordinaryHoursPossible: true,
  ordinaryHoursAfterWeeks: 4,
  ordinaryHoursPerWeek: 5,
  durationWeeks: 13,
  ...overrides,
});

describe('placement transitions', () => {
  const S = PlacementStatus;
  it.each<[PlacementStatus, PlacementAction, PlacementStatus | 'INVALID_TRANSITION']>([
    [S.Draft, 'publish', S.Published],
    [S.Draft, 'pause', 'INVALID_TRANSITION'],
    [S.Draft, 'close', S.Closed],
    [S.Published, 'publish', 'INVALID_TRANSITION'],
    [S.Published, 'pause', S.Paused],
    [S.Published, 'close', S.Closed],
    [S.Paused, 'publish', S.Published],
    [S.Paused, 'pause', 'INVALID_TRANSITION'],
    [S.Paused, 'close', S.Closed],
    [S.Closed, 'publish', 'INVALID_TRANSITION'],
    [S.Closed, 'pause', 'INVALID_TRANSITION'],
    [S.Closed, 'close', 'INVALID_TRANSITION'],
  ])('%s --%s--> %s', (from, action, expected) => {
    const result = decideTransition(facts({ status: from }), action, TODAY);
    expect(result.ok ? result.to : result.reason).toBe(expected);
  });

  it.each<[string, Partial<PlacementFacts>, string[]]>([
    ['no mentor', { mentorId: null }, ['mentorId']],
    ['no tasks', { tasks: [] }, ['tasks']],
    ['only blank tasks', { tasks: ['  '] }, ['tasks']],
    ['no site', { siteId: null }, ['siteId']],
    [
      'start window passed',
      { startEarliest: '2026-01-01', startLatest: '2026-11-24' },
      ['startLatest'],
    ],
    [
      'nothing at all',
      { mentorId: null, tasks: [], siteId: null },
      ['mentorId', 'tasks', 'siteId'],
    ],
    ['hours the wrong way round', { weeklyHoursMin: 30, weeklyHoursMax: 20 }, ['weeklyHoursMin']],
  ])('publishing is refused with %s', (_, overrides, fields) => {
    const result = decideTransition(facts(overrides), 'publish', TODAY);
    expect(result.ok).toBe(false);
    expect(
      result.ok === false && result.reason === 'NOT_PUBLISHABLE'
        ? result.problems.map((p) => p.field)
        : [],
    ).toEqual(fields);
  });

  it('publishes a slot with no end to its start window', () => {
    expect(
      decideTransition(facts({ startLatest: null, startEarliest: '2025-01-01' }), 'publish', TODAY),
    ).toEqual({
      ok: true,
      to: PlacementStatus.Published,
    });
  });

  it.each([
    [PlacementStatus.Draft, ['publish', 'close']],
    [PlacementStatus.Published, ['pause', 'close']],
    [PlacementStatus.Paused, ['publish', 'close']],
    [PlacementStatus.Closed, []],
  ])('offers the actions open from %s', (status, actions) => {
    expect(availableActions(status)).toEqual(actions);
  });
});

describe('placement consistency', () => {
  it.each<[string, Partial<PlacementFacts>, string[]]>([
    ['a consistent slot', {}, []],
    ['min above max hours', { weeklyHoursMin: 25, weeklyHoursMax: 20 }, ['weeklyHoursMin']],
    ['equal min and max hours', { weeklyHoursMin: 20, weeklyHoursMax: 20 }, []],
    [
      'latest start before earliest',
      { startEarliest: '2027-01-01', startLatest: '2026-12-01' },
      ['startLatest'],
    ],
    ['ordinary hours without numbers', { ordinaryHoursAfterWeeks: null }, ['ordinaryHoursPath']],
    [
      'more ordinary hours than weekly hours',
      { ordinaryHoursPerWeek: 25 },
      ['ordinaryHoursPath.hoursPerWeek'],
    ],
    [
      'ordinary hours after the placement ends',
      { ordinaryHoursAfterWeeks: 20 },
      ['ordinaryHoursPath.afterWeeks'],
    ],
    [
      'no ordinary-hours path at all',
      { ordinaryHoursPossible: false, ordinaryHoursAfterWeeks: null, ordinaryHoursPerWeek: null },
      [],
    ],
    ['working hours in order', { workFrom: '08:00', workUntil: '16:00' }, []],
    [
      'working hours ending as they start',
      { workFrom: '08:00', workUntil: '08:00' },
      ['workingTimes.until'],
    ],
    [
      'working hours ending before they start',
      { workFrom: '16:00', workUntil: '08:00' },
      ['workingTimes.until'],
    ],
    ['only a start time', { workFrom: '16:00', workUntil: null }, []],
  ])('%s', (_, overrides, fields) => {
    expect(placementProblems(facts(overrides)).map((p) => p.field)).toEqual(fields);
  });
});
