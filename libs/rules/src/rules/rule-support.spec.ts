import { aRule } from '../testing/rule-fixtures';
import {
  dayNumber,
  numberParam,
  optionalNumberParam,
  stringListParam,
  weeksAndDays,
} from './rule-support';

describe('rule support', () => {
  it.each([
    ['2026-02-30', 'a day that does not exist'],
    ['2026-3-01', 'no leading zero'],
    ['20260301', 'no dashes'],
    ['2026-03-01T00:00', 'a time'],
    ['soon', 'words'],
    ['', 'nothing'],
  ])('refuses %s (%s) as a date', (date) => {
    expect(() => dayNumber(date)).toThrow(RangeError);
  });

  it('counts days from 1970 in UTC', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
  });

  it.each([
    [1, '1 dag', '1 day'],
    [3, '3 dage', '3 days'],
    [7, '1 uge', '1 week'],
    [14, '2 uger', '2 weeks'],
    [15, '2 uger og 1 dag', '2 weeks and 1 day'],
    [30, '4 uger og 2 dage', '4 weeks and 2 days'],
  ])('%d days read "%s" / "%s"', (days, da, en) => {
    expect(weeksAndDays(days)).toEqual({ da, en });
  });

  it.each([
    ['text', { weeks: '4' }],
    ['missing', {}],
    ['infinite', { weeks: Infinity }],
    ['not a number', { weeks: NaN }],
  ])('refuses a number param that is %s', (_case, params) => {
    const rule = aRule('internship_duration', params).build();
    expect(() => numberParam(rule, 'weeks')).toThrow(/params.weeks is not a number/);
  });

  it('reads an optional number as null only when it is absent', () => {
    const rule = aRule('internship_duration', { weeks: 13, extendedWeeks: 26 }).build();
    expect(optionalNumberParam(rule, 'extendedWeeks')).toBe(26);
    expect(optionalNumberParam(rule, 'other')).toBeNull();
    expect(() =>
      optionalNumberParam(aRule('internship_duration', { x: 'y' }).build(), 'x'),
    ).toThrow();
  });

  it.each([
    ['text', 'dagpenge'],
    ['a list with a number', ['dagpenge', 4]],
    ['missing', undefined],
  ])('refuses a list param that is %s', (_case, value) => {
    const rule = aRule('not_last_employer', { targetGroups: value }).build();
    expect(() => stringListParam(rule, 'targetGroups')).toThrow(/not a list of text/);
  });

  it('reads a list of text, an empty one too', () => {
    expect(stringListParam(aRule('not_last_employer', { g: ['a', 'b'] }).build(), 'g')).toEqual([
      'a',
      'b',
    ]);
    expect(stringListParam(aRule('not_last_employer', { g: [] }).build(), 'g')).toEqual([]);
  });
});
