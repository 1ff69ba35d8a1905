import { codeLabels } from '@jobbro/reference';
import { hardFilters, passesHardFilters } from './hard-filters';
import type { MatchCitizen, MatchPlacement } from './match-types';
import { aRule, seededRuleHistory } from '@jobbro/rules/testing/rule-fixtures';

/** The not-the-last-employer rows the migrations seed, for both periods. */
const RULES = seededRuleHistory();

/**
 * BEK § 61: a job-ready citizen may not do an internship (virksomhedspraktik) at their most recent
 * employer. Each condition of the rule is varied on its own, so dropping any of them (the type,
 * the employer, the job-ready groups) fails a row here, in both the explained and the fast form.
 */
const TODAY = '2026-11-25';

const slot = (type: MatchPlacement['type'], companyId = 'last-employer'): MatchPlacement => ({
  id: 'p',
  companyId,
  type,
  status: 'published',
  title: 'Lagermedarbejder',
  description: '',
  tasks: [],
  iscoCode: '9333',
  occupationLabel: 'lagerarbejder',
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
});

const citizen = (
  targetGroup: string | null,
  mostRecentEmployerCompanyId: string | null = 'last-employer',
): MatchCitizen => ({
  targetGroup,
  goal: null,
  accommodationsNeeded: [],
  qualifications: [],
  latitude: null,
  longitude: null,
  mostRecentEmployerCompanyId,
});

const notLastEmployer = (c: MatchCitizen, p: MatchPlacement) =>
  hardFilters(c, p, TODAY, RULES, codeLabels()).find((f) => f.filter === 'notLastEmployer');

describe('not an internship at the most recent employer (BEK § 61)', () => {
  it.each([
    [
      'job-ready cash benefit, internship at the last employer',
      'kontanthjaelp_jobparat',
      'internship',
      'last-employer',
      'last-employer',
      false,
    ],
    [
      'dagpenge, internship at the last employer',
      'dagpenge',
      'internship',
      'last-employer',
      'last-employer',
      false,
    ],
    [
      'education-ready, internship at the last employer',
      'uddannelseshjaelp_uddannelsesparat',
      'internship',
      'last-employer',
      'last-employer',
      false,
    ],
    [
      'job-ready, wage subsidy at the last employer',
      'dagpenge',
      'wage_subsidy',
      'last-employer',
      'last-employer',
      true,
    ],
    [
      'job-ready, ordinary hours at the last employer',
      'dagpenge',
      'ordinary_hours',
      'last-employer',
      'last-employer',
      true,
    ],
    [
      'job-ready, internship at another company',
      'dagpenge',
      'internship',
      'last-employer',
      'another',
      true,
    ],
    ['job-ready, no recorded employer', 'dagpenge', 'internship', null, 'last-employer', true],
    [
      'activity-ready, internship at the last employer',
      'kontanthjaelp_aktivitetsparat',
      'internship',
      'last-employer',
      'last-employer',
      true,
    ],
    [
      'sickness benefit, internship at the last employer',
      'sygedagpenge',
      'internship',
      'last-employer',
      'last-employer',
      true,
    ],
    [
      'no target group, internship at the last employer',
      null,
      'internship',
      'last-employer',
      'last-employer',
      true,
    ],
  ] as const)('%s: passes %s', (_name, group, type, employer, company, passes) => {
    const c = citizen(group, employer);
    const p = slot(type, company);
    expect(notLastEmployer(c, p)?.passed).toBe(passes);
    expect(passesHardFilters(c, p, TODAY, RULES)).toBe(passes);
  });

  it('names the rule and its source when it blocks', () => {
    expect(notLastEmployer(citizen('dagpenge'), slot('internship'))?.reason).toEqual({
      da: 'Jobparate må ikke komme i praktik hos seneste arbejdsgiver (BEK § 61)',
      en: 'Job-ready citizens may not intern with their most recent employer (BEK § 61)',
    });
  });

  it('reads the groups from the rule rows in force at the start: a new row is a data change', () => {
    // A successor from 1 January 2027 that no longer names job-ready cash benefit.
    const rows = [
      aRule('not_last_employer', { targetGroups: ['dagpenge', 'kontanthjaelp_jobparat'] })
        .valid('2020-01-01', '2026-12-31')
        .build(),
      aRule('not_last_employer', { targetGroups: ['dagpenge'] })
        .valid('2027-01-01', null)
        .build(),
    ];
    const starting = (startEarliest: string) => ({ ...slot('internship'), startEarliest });
    const passes = (group: string, start: string) =>
      passesHardFilters(citizen(group), starting(start), TODAY, rows);
    expect(passes('kontanthjaelp_jobparat', '2026-12-31')).toBe(false);
    expect(passes('kontanthjaelp_jobparat', '2027-01-01')).toBe(true);
    expect(passes('dagpenge', '2027-01-01')).toBe(false);
    // No row in force, no block.
    expect(passesHardFilters(citizen('dagpenge'), slot('internship'), TODAY, [])).toBe(true);
  });
});
