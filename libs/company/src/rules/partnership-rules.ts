import { PartnershipStatus } from '../company.enums';

/** Which side of a partnership a user acts for. */
export type PartySide = 'company' | 'job_centre';

interface PartnershipTransition {
  from: readonly PartnershipStatus[];
  /** Who may make the move; 'other' = the side that did not propose. */
  by: 'either' | 'other';
}

const S = PartnershipStatus;

/**
 * The partnership life cycle as data. A proposal is accepted by the other side; either side may
 * pause, resume or end an agreement; an ended partnership stays ended (propose a new one).
 */
export const PARTNERSHIP_TRANSITIONS: Record<
  Exclude<PartnershipStatus, 'proposed'>,
  PartnershipTransition[]
> = {
  [S.Active]: [
    { from: [S.Proposed], by: 'other' },
    { from: [S.Paused], by: 'either' },
  ],
  [S.Paused]: [{ from: [S.Active], by: 'either' }],
  [S.Ended]: [{ from: [S.Proposed, S.Active, S.Paused], by: 'either' }],
};

export function canChangePartnership(
  current: { status: PartnershipStatus; proposedBySide: PartySide },
  to: PartnershipStatus,
  side: PartySide,
): boolean {
  if (to === S.Proposed) return false;
  return PARTNERSHIP_TRANSITIONS[to].some(
    (t) =>
      t.from.includes(current.status) && (t.by === 'either' || side !== current.proposedBySide),
  );
}

/** Partnerships under which a job centre's staff see a company's slots. */
export const VISIBLE_PARTNERSHIP_STATUSES: readonly PartnershipStatus[] = [S.Active, S.Paused];
