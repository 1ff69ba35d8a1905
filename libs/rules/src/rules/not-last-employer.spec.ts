import { aRule, facts } from '../testing/rule-fixtures';
import { checkNotLastEmployer, isLastEmployerBlocked, notLastEmployer } from './not-last-employer';

const JOB_READY = ['dagpenge', 'kontanthjaelp_jobparat', 'uddannelseshjaelp_uddannelsesparat'];
const rule = aRule('not_last_employer', { targetGroups: JOB_READY }).build();

describe('not the most recent employer (BEK § 61)', () => {
  it.each([
    ['job-ready internship at the last employer', 'internship', 'dagpenge', 'company-x', true],
    [
      'job-ready cash benefit at the last employer',
      'internship',
      'kontanthjaelp_jobparat',
      'company-x',
      true,
    ],
    ['a wage subsidy at the last employer', 'wage_subsidy', 'dagpenge', 'company-x', false],
    [
      'an activity-ready citizen at the last employer',
      'internship',
      'kontanthjaelp_aktivitetsparat',
      'company-x',
      false,
    ],
    ['another company', 'internship', 'dagpenge', 'company-y', false],
    ['no recorded employer', 'internship', 'dagpenge', null, false],
    ['no recorded target group', 'internship', null, 'company-x', false],
  ] as const)('%s: blocked %s', (_case, placementType, targetGroup, last, blocked) => {
    const f = {
      placementType,
      targetGroup,
      companyId: 'company-x',
      mostRecentEmployerCompanyId: last,
    };
    expect(isLastEmployerBlocked(f, JOB_READY)).toBe(blocked);
  });

  it('blocks with the reason, and passes another company', () => {
    const blocked = checkNotLastEmployer(
      rule,
      facts({ targetGroup: 'dagpenge', mostRecentEmployerCompanyId: 'company-x' }),
    );
    expect(blocked).toMatchObject({ passed: false, severity: 'block' });
    expect(blocked.message.da).toContain('seneste arbejdsgiver');
    const other = checkNotLastEmployer(
      rule,
      facts({ targetGroup: 'dagpenge', mostRecentEmployerCompanyId: 'company-y' }),
    );
    expect(other).toMatchObject({ passed: true, severity: 'block' });
    expect(other.message.en).toBe('The company is not the citizen’s most recent employer.');
    expect(blocked.numbers).toEqual({ targetGroup: 'dagpenge', targetGroups: JOB_READY.join(',') });
  });

  it('passes a group the rule does not cover, saying so', () => {
    const check = checkNotLastEmployer(
      rule,
      facts({ targetGroup: 'sygedagpenge', mostRecentEmployerCompanyId: 'company-x' }),
    );
    expect(check.passed).toBe(true);
    expect(check.message.en).toContain('not among them');
  });

  it('passes when the most recent employment is at an employer outside Jobbro, or there was none', () => {
    const check = checkNotLastEmployer(
      rule,
      facts({
        targetGroup: 'dagpenge',
        mostRecentEmployerCompanyId: null,
        employmentHistoryKnown: true,
      }),
    );
    expect(check).toMatchObject({ passed: true });
    expect(check.numbers.missing).toBeUndefined();
  });

  it.each([
    [
      'the target group',
      { targetGroup: null, mostRecentEmployerCompanyId: 'company-x' },
      'targetGroup',
    ],
    [
      'the most recent employer of a job-ready citizen',
      { targetGroup: 'dagpenge', mostRecentEmployerCompanyId: null },
      'mostRecentEmployerCompanyId',
    ],
  ] as const)('warns, never passes, without %s', (_case, over, missing) => {
    const check = checkNotLastEmployer(rule, facts(over));
    expect(check).toMatchObject({ passed: false, severity: 'warning' });
    expect(check.numbers.missing).toBe(missing);
    expect(check.message.da).toContain('Registrér');
  });

  it('describes the row', () => {
    expect(notLastEmployer.describe(rule).en).toContain('most recent employer');
  });
});
