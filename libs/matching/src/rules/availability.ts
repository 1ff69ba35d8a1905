import type { Weekday, WorkingTimes } from '@jobbro/reference';

/** How a slot's working times sit against the times a citizen can work. */
export interface AvailabilityFit {
  fits: boolean;
  /** Days the slot needs work that the citizen cannot work. */
  missingDays: Weekday[];
  /** The slot's work starts before the citizen can start. */
  startsTooEarly: boolean;
  /** The slot's work ends after the citizen must stop. */
  endsTooLate: boolean;
}

/**
 * Every day the slot needs work must be a day the citizen can work, and the slot's hours must lie
 * inside the citizen's. Each part is compared only when both sides know it: unknown passes (a slot
 * with only free-text schedule notes, a citizen who has not said).
 */
export function availabilityFit(
  citizen: WorkingTimes | null | undefined,
  slot: WorkingTimes | null | undefined,
): AvailabilityFit {
  const can = citizen?.weekdays;
  const needs = slot?.weekdays;
  const missingDays = can && needs ? needs.filter((d) => !can.includes(d)) : [];
  const startsTooEarly = !!citizen?.from && !!slot?.from && slot.from < citizen.from;
  const endsTooLate = !!citizen?.until && !!slot?.until && slot.until > citizen.until;
  return {
    fits: missingDays.length === 0 && !startsTooEarly && !endsTooLate,
    missingDays,
    startsTooEarly,
    endsTooLate,
  };
}

/** Whether both sides say anything comparable (for the reason's wording only). */
export const availabilityCompared = (
  citizen: WorkingTimes | null | undefined,
  slot: WorkingTimes | null | undefined,
): boolean =>
  (!!citizen?.weekdays && !!slot?.weekdays) ||
  (!!citizen?.from && !!slot?.from) ||
  (!!citizen?.until && !!slot?.until);
