import { aRule, facts } from '../testing/rule-fixtures';
import {
  checkPaidHoursBesideInternship,
  paidHoursBesideInternship,
} from './paid-hours-beside-internship';

const rule = aRule('paid_hours_beside_internship').withSeverity('warning').build();

describe('paid hours beside an internship', () => {
  it.each([
    [true, false, 'yes'],
    [false, true, 'no'],
  ])('paid hours at the same workplace %s: passed %s', (paid, passed, shown) => {
    const check = checkPaidHoursBesideInternship(rule, facts({ paidHoursAtSameWorkplace: paid }));
    expect(check).toMatchObject({ passed, severity: 'warning' });
    expect(check.numbers).toEqual({ paidHoursAtSameWorkplace: shown });
  });

  it('asks for the tasks in the work agreement', () => {
    const check = checkPaidHoursBesideInternship(rule, facts({ paidHoursAtSameWorkplace: true }));
    expect(check.message.da).toContain('forskellige opgaver');
    expect(check.message.en).toContain('work agreement');
    expect(paidHoursBesideInternship.describe(rule).en).toContain('different tasks');
    expect(checkPaidHoursBesideInternship(rule, facts()).message.da).toBe(
      'Borgeren har ingen ordinære timer på samme arbejdsplads ved siden af praktikken.',
    );
  });
});
