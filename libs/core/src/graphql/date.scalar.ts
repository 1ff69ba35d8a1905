import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { EARLIEST_DATE, isIsoDate, LATEST_DATE } from '../errors/is-iso-date';

/** Thrown for a value that is not a date; input-guard.ts reports it as `isIsoDate` on its field. */
export class InvalidDateError extends TypeError {
  constructor() {
    // No value in the message: it reaches clients through GraphQL validation errors.
    super(`Must be a date YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}.`);
    this.name = 'InvalidDateError';
  }
}

function parse(value: unknown): string {
  if (!isIsoDate(value)) throw new InvalidDateError();
  return value;
}

/**
 * The one date-only type of the API: `YYYY-MM-DD`, a real calendar date from 1900-01-01 to
 * 2100-12-31. Resolvers receive and return plain strings, as PostgreSQL `date` columns are read.
 */
export const GraphQLDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `A calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  serialize(value: unknown): string {
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      return value.toISOString().slice(0, 10);
    }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    throw new GraphQLError('Date cannot represent this value.');
  },
  parseValue: parse,
  parseLiteral(ast): string {
    if (ast.kind !== Kind.STRING) throw new InvalidDateError();
    return parse(ast.value);
  },
});
