import { Transform } from 'class-transformer';

/**
 * Trims text before it is validated, so the length and emptiness checks see what is stored: a
 * name of only spaces is "required", not an empty row the database's checks refuse with a 500.
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
