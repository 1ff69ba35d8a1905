import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The dates Jobbro accepts anywhere: birth dates of living people to plans a few decades out. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * A calendar date written YYYY-MM-DD that exists (no 2026-02-30) and lies from EARLIEST_DATE to
 * LATEST_DATE (no year 0000, which PostgreSQL refuses). The one rule behind the `Date` scalar,
 * the `IsIsoDate` decorator and cursor decoding.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  if (value < EARLIEST_DATE || value > LATEST_DATE) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date written YYYY-MM-DD that exists, within Jobbro's range (see isIsoDate). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: isIsoDate },
    });
  };
}
