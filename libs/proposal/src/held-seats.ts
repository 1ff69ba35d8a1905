/**
 * Seats held by bookings in a slot's next period, as SQL over the slot's alias: the one definition
 * of a slot's `occupied` that matching uses (its free capacity is capacity minus this). The next
 * period runs from the slot's earliest start (today, if that has passed) for its duration, so a
 * booking that has ended, or starts after that period, does not take the seat.
 */
export const heldSeatsSql = (p: string): string =>
  `(SELECT count(*)::int FROM booking b WHERE b.placement_id = ${p}.id AND b.released_at IS NULL
     AND b.period && daterange(greatest(current_date, ${p}.start_earliest),
                               greatest(current_date, ${p}.start_earliest) + ${p}.duration_weeks * 7))`;
