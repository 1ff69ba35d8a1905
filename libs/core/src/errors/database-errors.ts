import { QueryFailedError } from 'typeorm';
import { type CommonErrorCode, CommonException } from './common.exception';

/**
 * Constraints that stand for a rule a user can break, by name, and the domain error each becomes.
 * The services check these rules first; the database has the last word (a race, or a path that
 * forgot). A constraint not listed falls back on its SQLSTATE class below, never on an internal
 * error. (Duplicate CVR, mentor email and open partnership are caught by the company repository,
 * which owns those rules and their messages.) Names are PostgreSQL's (`<table>_<column>_key` for a plain UNIQUE) or our own.
 */
export const CONSTRAINT_ERRORS: Readonly<Record<string, CommonErrorCode>> = {
  citizen_target_group_no_overlap: 'TARGET_GROUP_OVERLAP',
  placement_hours_range: 'PLACEMENT_RULES_BROKEN',
  placement_start_window: 'PLACEMENT_RULES_BROKEN',
  placement_ordinary_hours_path: 'PLACEMENT_RULES_BROKEN',
  placement_publishable: 'PLACEMENT_RULES_BROKEN',
  // Bookings (libs/proposal): the service picks free seats under row locks; these hold the rest.
  booking_slot_seat_free: 'SEAT_TAKEN',
  booking_mentor_seat_free: 'SEAT_TAKEN',
  booking_citizen_once: 'SEAT_TAKEN',
  booking_seat_within_capacity: 'SEAT_TAKEN',
  capacity_covers_bookings: 'CAPACITY_BELOW_BOOKINGS',
  proposal_one_open_per_citizen_and_slot: 'OPEN_PROPOSAL_EXISTS',
};

/** By SQLSTATE, for constraints without an entry above. */
const SQLSTATE_ERRORS: Readonly<Record<string, CommonErrorCode>> = {
  '23505': 'ALREADY_EXISTS', // unique_violation
  '23503': 'REFERENCE_NOT_FOUND', // foreign_key_violation
  '23514': 'CONSTRAINT_VIOLATED', // check_violation
  '23502': 'CONSTRAINT_VIOLATED', // not_null_violation
  '23P01': 'CONSTRAINT_VIOLATED', // exclusion_violation
  '40001': 'VERSION_CONFLICT', // serialization_failure
  '40P01': 'VERSION_CONFLICT', // deadlock_detected
};

/** SQLSTATEs of a server that is going away or refusing connections (class 08 is handled apart). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** pg and pg-pool report a lost connection or a pool that cannot connect in these words only. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Cannot use a pool after calling end/;

const QUERY_CANCELED = '57014';
/** Seconds a client should wait before trying again after the database went away or timed out. */
export const DATABASE_RETRY_AFTER = 5;

interface DriverFacts {
  code?: string;
  constraint?: string;
}

function driverFacts(error: unknown): DriverFacts {
  const driver: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (driver === null || typeof driver !== 'object') return {};
  const { code, constraint } = driver as { code?: unknown; constraint?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    constraint: typeof constraint === 'string' ? constraint : undefined,
  };
}

/** Errors along the `cause` chain (TypeORM and pg wrap one another). */
function chain(error: unknown): unknown[] {
  const all: unknown[] = [];
  let current: unknown = error;
  while (current && all.length < 5 && !all.includes(current)) {
    all.push(current);
    if (current instanceof QueryFailedError) all.push(current.driverError);
    current = (current as { cause?: unknown }).cause;
  }
  return all;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => {
    const { code } = driverFacts(e);
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (code && /^08[0-9A-Z]{3}$/.test(code)) return true;
    return e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message);
  });
}

/** A domain error for anything the database (or the way to it) refused; null if not from there. */
export function fromDatabaseError(error: unknown): CommonException | null {
  if (isDatabaseUnavailable(error)) {
    return new CommonException('DATABASE_UNAVAILABLE', { retryAfter: DATABASE_RETRY_AFTER });
  }
  if (!(error instanceof QueryFailedError)) return null;
  const { code, constraint } = driverFacts(error);
  if (!code) return null;
  if (code === QUERY_CANCELED) {
    return new CommonException('QUERY_TIMEOUT', { retryAfter: DATABASE_RETRY_AFTER });
  }
  const byName = constraint ? CONSTRAINT_ERRORS[constraint] : undefined;
  if (byName) return new CommonException(byName);
  const byState = SQLSTATE_ERRORS[code];
  if (byState) return new CommonException(byState);
  if (code.startsWith('23')) return new CommonException('CONSTRAINT_VIOLATED');
  // Class 22 (data exception): a value out of range, badly encoded or too long for its column.
  if (code.startsWith('22')) return new CommonException('INVALID_VALUE');
  return null;
}

/**
 * What may be logged about an error. A driver's message quotes the values it refused (personal
 * data, say a birth date), so for database errors only the class, SQLSTATE and constraint name
 * are kept, and the stack without its message line.
 */
export function loggableError(error: unknown): { summary: string; stack?: string } {
  const err = error instanceof Error ? error : new Error('non-error thrown');
  const { code, constraint } = driverFacts(error);
  const fromDriver =
    error instanceof QueryFailedError ||
    err.name === 'DatabaseError' ||
    (code !== undefined && /^[0-9A-Z]{5}$/.test(code));
  if (!fromDriver) return { summary: `${err.name}: ${err.message}`, stack: err.stack };
  const facts = [`code=${code ?? '?'}`, ...(constraint ? [`constraint=${constraint}`] : [])];
  const frames = err.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  return { summary: `${err.name} (${facts.join(' ')})`, stack: frames?.join('\n') };
}
