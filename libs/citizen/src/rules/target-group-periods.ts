/** The period that starts last for a citizen, as the next step needs it. */
export interface LatestTargetGroupPeriod {
  id: string;
  validFrom: string;
  validTo: string | null;
}

/** What setting a target group from `validFrom` does to the citizen's dated list of periods. */
export type TargetGroupStep =
  /** No period yet, or the last one ended before: a new period starts. */
  | { kind: 'start' }
  /** A new period from the day the latest one started: it replaces that one's group. */
  | { kind: 'replace'; periodId: string }
  /** The latest period ends the day before the new one starts. */
  | { kind: 'follow'; periodId: string; endPreviousOn: string }
  /** History is not rewritten: a period may not start before the latest one. */
  | { kind: 'beforeCurrent'; currentFrom: string };

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Target groups form a dated, non-overlapping list (the database's exclusion constraint). A new
 * period ends the one before it; one that starts on the same day as the latest replaces it (the
 * group was set wrongly or changed the same day); an earlier start is refused.
 */
export function nextTargetGroupStep(
  latest: LatestTargetGroupPeriod | null,
  validFrom: string,
): TargetGroupStep {
  if (!latest) return { kind: 'start' };
  if (validFrom < latest.validFrom) return { kind: 'beforeCurrent', currentFrom: latest.validFrom };
  if (validFrom === latest.validFrom) return { kind: 'replace', periodId: latest.id };
  if (latest.validTo !== null && latest.validTo < validFrom) return { kind: 'start' };
  return { kind: 'follow', periodId: latest.id, endPreviousOn: dayBefore(validFrom) };
}
