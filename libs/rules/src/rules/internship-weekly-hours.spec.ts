import { aRule, facts } from '../testing/rule-fixtures';
import { checkInternshipWeeklyHours, internshipWeeklyHours } from './internship-weekly-hours';

const rule = aRule('internship_weekly_hours', { maxHours: 37 }).build();

describe('internship weekly hours', () => {
  it.each([
    [37, true],
    [37.5, false],
    [36.99, true],
    [37.01, false],
    [5, true],
  ])('%d hours a week passes: %s', (weeklyHours, passed) => {
    const check = checkInternshipWeeklyHours(rule, facts({ weeklyHours }));
    expect(check).toMatchObject({ rule: 'internship_weekly_hours', passed, severity: 'block' });
    expect(check.numbers).toEqual({ weeklyHours, maxHours: 37 });
  });

  it('writes the hours as each language does', () => {
    const check = checkInternshipWeeklyHours(rule, facts({ weeklyHours: 37.5 }));
    expect(check.message.da).toBe(
      'Praktikken er planlagt til 37,5 timer om ugen, men må højst være 37 timer om ugen (normal fuld tid, inden for virksomhedens normale arbejdstid).',
    );
    expect(check.message.en).toContain('37.5 hours a week, but may be at most 37 hours');
    expect(checkInternshipWeeklyHours(rule, facts({ weeklyHours: 20 })).message.en).toBe(
      'The internship is planned at 20 hours a week; at most 37 hours (normal full time) are allowed.',
    );
    expect(internshipWeeklyHours.describe(rule).da).toContain('højst 37 timer om ugen');
  });
});
