import type { Localized } from '@jobbro/core';
import type { LegalRule, RuleCheck } from './rule-types';

/** The row's number `name`; a row without it is bad data (the table's CHECK refuses it). */
export function numberParam(rule: LegalRule, name: string): number {
  const value = rule.params[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`legal_rule ${rule.id} (${rule.code}): params.${name} is not a number`);
  }
  return value;
}

/** The row's optional number `name`, null when the row has none. */
export function optionalNumberParam(rule: LegalRule, name: string): number | null {
  return rule.params[name] === undefined ? null : numberParam(rule, name);
}

/** The row's list of strings `name`. */
export function stringListParam(rule: LegalRule, name: string): string[] {
  const value = rule.params[name];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new Error(`legal_rule ${rule.id} (${rule.code}): params.${name} is not a list of text`);
  }
  return value;
}

/** A verdict over a row in force. */
export function verdict(
  rule: LegalRule,
  passed: boolean,
  message: Localized,
  numbers: Record<string, number | string>,
): RuleCheck {
  return {
    rule: rule.code,
    severity: rule.severity,
    passed,
    message,
    numbers,
    source: rule.source,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
  };
}

/**
 * A rule that cannot be decided because facts are unknown: never a silent pass, a warning that
 * says what to record (`missing` names the facts).
 */
export function undecided(
  rule: LegalRule,
  missing: string[],
  message: Localized,
  numbers: Record<string, number | string> = {},
): RuleCheck {
  return {
    ...verdict(rule, false, message, { ...numbers, missing: missing.join(',') }),
    severity: 'warning',
  };
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a date YYYY-MM-DD (UTC); a RangeError for anything else. */
export function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!ISO_DATE.test(date) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError('Not a date YYYY-MM-DD');
  return ms / DAY_MS;
}

/** The number of days from start to end, both included. */
export const daysInclusive = (start: string, end: string): number =>
  dayNumber(end) - dayNumber(start) + 1;

const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The day `days` after the date (negative: before). */
export const addDays = (date: string, days: number): string =>
  isoOf((dayNumber(date) + days) * DAY_MS);

/**
 * The last day of a period of `months` months that starts on `start`: the day before the same
 * date `months` later (1 January + 6 months ends 30 June), or the last day of that month when it
 * has no such date (31 August + 6 months ends 28 February).
 */
export function lastDayOfMonths(start: string, months: number): string {
  dayNumber(start);
  const [y, m, d] = start.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const daysInTarget = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  if (d > daysInTarget) return isoOf(Date.UTC(y, monthIndex, daysInTarget));
  return isoOf(Date.UTC(y, monthIndex, d) - DAY_MS);
}

const NUMBER = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const LONG_DATE = {
  da: new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A number as each language writes it: 37,5 and 37.5. */
export const num = (n: number): Localized => ({ da: NUMBER.da.format(n), en: NUMBER.en.format(n) });

/** A date as people write it: "30. juni 2026", "30 June 2026". */
export function longDate(date: string): Localized {
  const d = new Date(dayNumber(date) * DAY_MS);
  return { da: LONG_DATE.da.format(d), en: LONG_DATE.en.format(d) };
}

/** "4 uger", "1 uge" / "4 weeks", "1 week" and the like: a count with its noun. */
export function counted(n: number, da: [string, string], en: [string, string]): Localized {
  const f = num(n);
  return {
    da: `${f.da} ${n === 1 ? da[0] : da[1]}`,
    en: `${f.en} ${n === 1 ? en[0] : en[1]}`,
  };
}

export const weeksText = (n: number): Localized => counted(n, ['uge', 'uger'], ['week', 'weeks']);
export const daysText = (n: number): Localized => counted(n, ['dag', 'dage'], ['day', 'days']);
export const monthsText = (n: number): Localized =>
  counted(n, ['måned', 'måneder'], ['month', 'months']);

/** A span of days as weeks and days: "4 uger og 1 dag", "4 weeks and 1 day". */
export function weeksAndDays(days: number): Localized {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return daysText(rest);
  if (rest === 0) return weeksText(weeks);
  const w = weeksText(weeks);
  const d = daysText(rest);
  return { da: `${w.da} og ${d.da}`, en: `${w.en} and ${d.en}` };
}
