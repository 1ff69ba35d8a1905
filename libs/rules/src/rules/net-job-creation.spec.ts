import { aRule, facts } from '../testing/rule-fixtures';
import { checkNetJobCreation, netJobCreation } from './net-job-creation';

const rule = aRule('net_job_creation', { averageMonths: 12, dismissalMonths: 3 }).build();
const wageSubsidy = (fteNow: number | null, fteAverage: number | null) =>
  facts({ placementType: 'wage_subsidy', company: { fteNow, fteAverage } });

describe('net job creation (merbeskæftigelse)', () => {
  it.each([
    // [now, 12-month average, passed]: with the hire, now + 1 must exceed the average
    [10, 10, true],
    [10, 10.99, true],
    [10, 11, false],
    [10, 12, false],
    [10.5, 11.5, false],
    [10.5, 11.49, true],
    [0, 0, true],
  ])('%d now against an average of %d: passed %s', (fteNow, average, passed) => {
    const check = checkNetJobCreation(rule, wageSubsidy(fteNow, average));
    expect(check).toMatchObject({ rule: 'net_job_creation', passed, severity: 'block' });
    expect(check.numbers).toMatchObject({ fteNow, fteWithHire: fteNow + 1, fteAverage: average });
  });

  it('names the numbers and asks about dismissals', () => {
    const check = checkNetJobCreation(rule, wageSubsidy(10, 11));
    expect(check.message.da).toBe(
      'Med ansættelsen får virksomheden 11 ordinært ansatte, men gennemsnittet de seneste 12 måneder var 11: løntilskud kræver, at ansættelsen øger antallet af ansatte ud over gennemsnittet. Stillingen må heller ikke være blevet ledig ved afskedigelse inden for de seneste 3 måneder; bekræft det med virksomheden.',
    );
    expect(checkNetJobCreation(rule, wageSubsidy(10, 10.25)).message.en).toContain(
      'has 11 employees against an average of 10.25 over the last 12 months',
    );
  });

  it.each([
    [null, 10, 'company.fteNow'],
    [10, null, 'company.fteAverage'],
    [null, null, 'company.fteNow,company.fteAverage'],
  ])('warns, never passes, with now %s and average %s', (now, average, missing) => {
    const check = checkNetJobCreation(rule, wageSubsidy(now, average));
    expect(check).toMatchObject({ passed: false, severity: 'warning' });
    expect(check.numbers).toEqual({ averageMonths: 12, missing });
    expect(check.message.da).toContain('recordHeadcount');
  });

  it('says which part of the history is missing', () => {
    expect(checkNetJobCreation(rule, wageSubsidy(10, null)).message.en).toContain(
      'are not recorded for the whole 12 months before the start',
    );
    expect(checkNetJobCreation(rule, wageSubsidy(null, 10)).message.en).toContain(
      '(FTE, the whole CVR number) are not recorded, so',
    );
    expect(checkNetJobCreation(rule, wageSubsidy(10, null)).message.da).toContain(
      'er ikke registreret for hele perioden på 12 måneder før start,',
    );
    expect(checkNetJobCreation(rule, wageSubsidy(null, null)).message.da).toContain(
      '(årsværk, hele CVR-nummeret) er ikke registreret, så',
    );
  });

  it('describes the row', () => {
    expect(netJobCreation.describe(rule).en).toBe(
      "A wage subsidy must raise the company's ordinary employees above the average of the last 12 months, and the job must not have been vacated by dismissal within 3 months.",
    );
  });
});
