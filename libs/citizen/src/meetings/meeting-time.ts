const HOUR = 3_600_000;
/** A meeting is planned at most two years ahead. */
export const LATEST_START_MS = 2 * 366 * 24 * HOUR;
/** And lasts at most 12 hours (the database checks this too). */
export const LONGEST_MS = 12 * HOUR;

/**
 * What is wrong with a planned meeting's time, as the input field to point at, or null when it
 * fits: it starts in the future (at most two years ahead) and ends after it starts, at most 12
 * hours later.
 */
export function meetingTimeProblem(
  startsAt: Date,
  endsAt: Date,
  now: Date,
): 'startsAt' | 'endsAt' | null {
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (Number.isNaN(start) || start <= now.getTime() || start > now.getTime() + LATEST_START_MS)
    return 'startsAt';
  if (Number.isNaN(end) || end <= start || end - start > LONGEST_MS) return 'endsAt';
  return null;
}
