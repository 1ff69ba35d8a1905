import { aRule, facts } from '../testing/rule-fixtures';
import { lastDayOfMonths } from './rule-support';
import { checkWageSubsidyDuration, wageSubsidyDuration } from './wage-subsidy-duration';

const privateSix = aRule('wage_subsidy_duration', { months: 6 })
  .forGroup('dagpenge')
  .inSector('private')
  .build();
const publicFour = aRule('wage_subsidy_duration', { months: 4 })
  .forGroup('dagpenge')
  .inSector('public')
  .build();
const general = aRule('wage_subsidy_duration', { months: 12 }).build();

describe('wage-subsidy duration (LAB § 68)', () => {
  it.each([
    ['2026-01-01', 6, '2026-06-30'],
    ['2026-01-15', 6, '2026-07-14'],
    ['2026-08-28', 6, '2027-02-27'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-07-31', 6, '2027-01-30'],
    ['2026-03-01', 4, '2026-06-30'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2026-11-01', 12, '2027-10-31'],
  ])('from %s, %d months end on %s', (start, months, last) => {
    expect(lastDayOfMonths(start, months)).toBe(last);
  });

  it.each([
    ['6 months, private', privateSix, '2026-01-01', '2026-06-30', true],
    ['6 months and a day, private', privateSix, '2026-01-01', '2026-07-01', false],
    ['4 months, public', publicFour, '2026-01-01', '2026-04-30', true],
    ['4 months and a day, public', publicFour, '2026-01-01', '2026-05-01', false],
    ['12 months, others', general, '2026-01-01', '2026-12-31', true],
    ['12 months and a day, others', general, '2026-01-01', '2027-01-01', false],
  ] as const)('%s', (_case, rule, start, end, passed) => {
    const check = checkWageSubsidyDuration(
      rule,
      facts({ placementType: 'wage_subsidy', start, end }),
    );
    expect(check).toMatchObject({ rule: 'wage_subsidy_duration', passed, severity: 'block' });
    expect(check.numbers).toMatchObject({ months: rule.params.months, end });
  });

  it('names the months, the sector and the last allowed day', () => {
    const check = checkWageSubsidyDuration(
      publicFour,
      facts({
        placementType: 'wage_subsidy',
        start: '2026-01-01',
        end: '2026-05-01',
        sector: 'public',
      }),
    );
    expect(check.message.da).toBe(
      'Løntilskuddet slutter 1. maj 2026, men må højst vare 4 måneder for borgerens målgruppe hos en offentlig arbejdsgiver: sidste dag kan højst være 30. april 2026.',
    );
    expect(check.numbers).toEqual({
      months: 4,
      latestEnd: '2026-04-30',
      end: '2026-05-01',
      sector: 'public',
      targetGroup: 'kontanthjaelp_aktivitetsparat',
    });
    const ok = checkWageSubsidyDuration(
      general,
      facts({ placementType: 'wage_subsidy', start: '2026-01-01', end: '2026-03-31' }),
    );
    expect(ok.message.en).toBe(
      "The wage subsidy ends on 31 March 2026; for the citizen's target group it may last at most 12 months (up to and including 31 December 2026).",
    );
  });

  it('describes the row', () => {
    expect(wageSubsidyDuration.describe(privateSix).da).toBe(
      'Løntilskud højst 6 måneder hos en privat arbejdsgiver.',
    );
    expect(wageSubsidyDuration.describe(general)).toEqual({
      da: 'Løntilskud højst 12 måneder.',
      en: 'Wage subsidy at most 12 months.',
    });
    expect(wageSubsidyDuration.describe(publicFour).en).toBe(
      'Wage subsidy at most 4 months at a public employer.',
    );
  });
});
