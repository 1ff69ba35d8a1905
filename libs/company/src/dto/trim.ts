import { Transform } from 'class-transformer';

/**
 * Trims text before it is validated, so the emptiness and length checks see what is stored: a
 * name of only spaces is "required" (BAD_USER_INPUT naming the field), not a row the database's
 * checks refuse. (The citizen side has the same decorator; it belongs in @jobbro/core.)
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
