import { aRule, facts } from '../testing/rule-fixtures';
import {
  allowedSupportedPersons,
  checkReasonablenessRatio,
  ratioParams,
  reasonablenessRatio,
} from './reasonableness-ratio';

const rule = aRule('reasonableness_ratio', {
  employeesPerPerson: 5,
  threshold: 50,
  employeesPerPersonBeyond: 10,
  minimum: 1,
}).build();
const p = ratioParams(rule);

describe('reasonableness rule (BEK § 65)', () => {
  it.each([
    [0, 1],
    [4, 1],
    [5, 1],
    [6, 1],
    [9.99, 1],
    [10, 2],
    [14.99, 2],
    [15, 3],
    [49.99, 9],
    [50, 10],
    [51, 10],
    [59.99, 10],
    [60, 11],
    [100, 15],
  ])('%d ordinary employees allow %d persons', (fte, allowed) => {
    expect(allowedSupportedPersons(fte, p)).toBe(allowed);
  });

  it.each([
    // [ordinary FTE, persons already there, passed]
    [5, 0, true],
    [5, 1, false],
    [6, 1, false],
    [10, 1, true],
    [10, 2, false],
    [0, 0, true],
    [50, 9, true],
    [50, 10, false],
    [51, 10, false],
    [60, 10, true],
  ])(
    '%d ordinary employees with %d already there: passed %s',
    (ordinaryFte, supportedPersons, passed) => {
      const check = checkReasonablenessRatio(
        rule,
        facts({ site: { ordinaryFte, supportedPersons } }),
      );
      expect(check).toMatchObject({ rule: 'reasonableness_ratio', passed, severity: 'block' });
      expect(check.numbers).toEqual({
        ordinaryFte,
        allowed: allowedSupportedPersons(ordinaryFte, p),
        persons: supportedPersons + 1,
      });
    },
  );

  it('names the numbers', () => {
    const check = checkReasonablenessRatio(
      rule,
      facts({ site: { ordinaryFte: 6, supportedPersons: 1 } }),
    );
    expect(check.message.da).toBe(
      'Arbejdsstedet har 6 ordinært ansatte og må højst have 1 i praktik eller løntilskud ad gangen (1 pr. 5 ansatte op til 50, dog altid 1, og 1 pr. 10 derudover), men med denne borger bliver der 2.',
    );
    expect(check.message.en).toContain('may have at most 1 in internship or wage subsidy');
    const fine = checkReasonablenessRatio(
      rule,
      facts({ site: { ordinaryFte: 12.5, supportedPersons: 1 } }),
    );
    expect(fine.message.da).toContain('har 12,5 ordinært ansatte og må have 2');
    expect(fine.message.en).toContain('with this citizen there are 2');
  });

  it('warns, never passes, when the site has no recorded headcount', () => {
    const check = checkReasonablenessRatio(
      rule,
      facts({ site: { ordinaryFte: null, supportedPersons: 0 } }),
    );
    expect(check).toMatchObject({ passed: false, severity: 'warning' });
    expect(check.numbers).toEqual({ persons: 1, missing: 'site.ordinaryFte' });
    expect(check.message.da).toContain('Registrér arbejdsstedets ordinært ansatte');
  });

  it('describes the row', () => {
    expect(reasonablenessRatio.describe(rule).da).toBe(
      'Højst 1 person i praktik eller løntilskud pr. 5 ordinært ansatte på arbejdsstedet op til 50 (dog altid 1), og 1 pr. 10 derudover.',
    );
  });

  it('says the figure is an average when the row names its months', () => {
    const averaged = { ...rule, params: { ...rule.params, averageMonths: 4 } };
    expect(reasonablenessRatio.describe(averaged).da).toContain(
      'ordinært ansatte på arbejdsstedet (gennemsnit af de seneste 4 måneder) op til 50',
    );
    const check = checkReasonablenessRatio(
      averaged,
      facts({ site: { ordinaryFte: 6, supportedPersons: 1 } }),
    );
    expect(check.message.da).toContain(
      'har 6 ordinært ansatte (gennemsnit af de seneste 4 måneder) og må højst have 1',
    );
    expect(check.message.en).toContain('(averaged over the last 4 months)');
  });
});
