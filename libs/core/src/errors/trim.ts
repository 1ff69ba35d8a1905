import { Transform } from 'class-transformer';

/**
 * Trims text before it is validated, so the length and emptiness checks see what is stored: a
 * name of only spaces is "required", not an empty row the database's checks refuse with a 500.
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * An email address as it is stored and compared: trimmed, lower case. For addresses that reach a
 * service from another lib's call rather than through a DTO with @NormalizeEmail().
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Stores an email address as it is compared (normalizeEmail) and validates that form: lower
 * case can be longer than the input ('İ' becomes two characters), which the column's length check
 * would otherwise refuse with a 500.
 */
export const NormalizeEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeEmail(value) : value,
  );
