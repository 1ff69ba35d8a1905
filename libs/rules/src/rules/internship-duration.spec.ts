import { aRule } from '../testing/rule-fixtures';
import { facts } from '../testing/rule-fixtures';
import { checkInternshipDuration, internshipDuration } from './internship-duration';

const fourWeeks = aRule('internship_duration', { weeks: 4 }).forGroup('dagpenge').build();
const thirteenWeeks = aRule('internship_duration', { weeks: 13, extendedWeeks: 26 }).build();

describe('internship duration (LAB § 61)', () => {
  it.each([
    // [case, rule, start, end, extensionAssessed, passed, days, latestEnd]
    ['4 weeks exactly', fourWeeks, '2026-03-02', '2026-03-29', false, true, 28, '2026-03-29'],
    ['4 weeks and a day', fourWeeks, '2026-03-02', '2026-03-30', false, false, 29, '2026-03-29'],
    ['one day', fourWeeks, '2026-03-02', '2026-03-02', false, true, 1, '2026-03-29'],
    [
      '4 weeks over the spring DST change',
      fourWeeks,
      '2026-03-23',
      '2026-04-19',
      false,
      true,
      28,
      '2026-04-19',
    ],
    [
      '4 weeks and a day over DST',
      fourWeeks,
      '2026-03-23',
      '2026-04-20',
      false,
      false,
      29,
      '2026-04-19',
    ],
    [
      'an assessment does not extend a 4-week row',
      fourWeeks,
      '2026-03-02',
      '2026-03-30',
      true,
      false,
      29,
      '2026-03-29',
    ],
    ['13 weeks exactly', thirteenWeeks, '2026-03-02', '2026-05-31', false, true, 91, '2026-05-31'],
    [
      '13 weeks and a day',
      thirteenWeeks,
      '2026-03-02',
      '2026-06-01',
      false,
      false,
      92,
      '2026-05-31',
    ],
    [
      '26 weeks after an assessment',
      thirteenWeeks,
      '2026-03-02',
      '2026-08-30',
      true,
      true,
      182,
      '2026-08-30',
    ],
    [
      '26 weeks and a day after an assessment',
      thirteenWeeks,
      '2026-03-02',
      '2026-08-31',
      true,
      false,
      183,
      '2026-08-30',
    ],
  ] as const)('%s', (_case, rule, start, end, extensionAssessed, passed, days, latestEnd) => {
    const check = checkInternshipDuration(rule, facts({ start, end, extensionAssessed }));
    expect(check).toMatchObject({ rule: 'internship_duration', passed, severity: 'block' });
    expect(check.numbers).toMatchObject({ days, latestEnd });
  });

  it('names the numbers and the last allowed day in both languages', () => {
    const check = checkInternshipDuration(
      fourWeeks,
      facts({ start: '2026-03-02', end: '2026-03-30', targetGroup: 'dagpenge' }),
    );
    expect(check.message.da).toBe(
      'Virksomhedspraktikken varer 4 uger og 1 dag, men må højst vare 4 uger for borgerens målgruppe: sidste dag kan højst være 29. marts 2026.',
    );
    expect(check.message.en).toBe(
      "The internship lasts 4 weeks and 1 day, but may last at most 4 weeks for the citizen's target group: the last day can be 29 March 2026 at the latest.",
    );
    expect(check.numbers).toEqual({
      days: 29,
      limitWeeks: 4,
      limitDays: 28,
      latestEnd: '2026-03-29',
      targetGroup: 'dagpenge',
    });
    expect(check.source).toEqual(fourWeeks.source);
    expect([check.validFrom, check.validTo]).toEqual(['2020-01-01', '2026-12-31']);
  });

  it('points to the extension a concrete assessment allows, only where the row has one', () => {
    const over = facts({ start: '2026-03-02', end: '2026-06-01' });
    expect(checkInternshipDuration(thirteenWeeks, over).message.da).toContain(
      'Efter en konkret vurdering kan praktikken vare op til 26 uger.',
    );
    expect(checkInternshipDuration(thirteenWeeks, over).numbers.extendedWeeks).toBe(26);
    const assessed = facts({ start: '2026-03-02', end: '2026-08-31', extensionAssessed: true });
    expect(checkInternshipDuration(thirteenWeeks, assessed).message.da).not.toContain('vurdering');
    const within = facts({ start: '2026-03-02', end: '2026-03-10' });
    expect(checkInternshipDuration(thirteenWeeks, within).message.en).toBe(
      "The internship lasts 1 week and 2 days; for the citizen's target group it may last at most 13 weeks (up to and including 31 May 2026).",
    );
  });

  it('describes the row', () => {
    expect(internshipDuration.describe(thirteenWeeks)).toEqual({
      da: 'Virksomhedspraktik højst 13 uger, op til 26 uger efter en konkret vurdering.',
      en: 'Internship at most 13 weeks, up to 26 weeks after a concrete assessment.',
    });
    expect(internshipDuration.describe(fourWeeks).en).toBe('Internship at most 4 weeks.');
  });
});
