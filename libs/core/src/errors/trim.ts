import { Transform } from 'class-transformer';

/**
 * Trims text before it is validated, so the length and emptiness checks see what is stored: a
 * name of only spaces is "required", not an empty row the database's checks refuse with a 500.
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Stores an email address as it is compared (trimmed, lower case) and validates that form: lower
 * case can be longer than the input ('İ' becomes two characters), which the column's length check
 * would otherwise refuse with a 500.
 */
export const NormalizeEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );
