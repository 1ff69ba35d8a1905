import {
  ProposalActor as A,
  ProposalReason as R,
  ProposalStatus as S,
  type ProposalActor,
  type ProposalReason,
  type ProposalStatus,
} from '../proposal.enums';

export type ProposalAction =
  | 'citizenAccept'
  | 'citizenDecline'
  | 'employerAccept'
  | 'employerDecline'
  | 'book'
  | 'withdraw'
  | 'expire'
  | 'makeObsolete';

/** Waiting for someone's answer: these expire when nobody answers in time. */
export const AWAITING_ANSWER: readonly ProposalStatus[] = [
  S.ProposedToCitizen,
  S.ProposedToEmployer,
];
/** Open: still on its way to a booking. */
export const OPEN_STATUSES: readonly ProposalStatus[] = [...AWAITING_ANSWER, S.AcceptedByEmployer];
/** Holding a seat (the agreements issue turns a booking into a running placement). */
export const SEAT_HOLDING: readonly ProposalStatus[] = [S.Booked];

const CITIZEN_REASONS = [
  R.NotInterested,
  R.Timing,
  R.Transport,
  R.WorkingHours,
  R.HealthOrPersonal,
  R.Other,
];
const EMPLOYER_REASONS = [R.NoCapacity, R.ProfileMismatch, R.Timing, R.SlotChanged, R.Other];
const WITHDRAW_REASONS = [
  R.CitizenChangedPlans,
  R.BetterMatch,
  R.SlotChanged,
  R.EnteredError,
  R.Other,
];

interface Transition {
  to: ProposalStatus;
  from: readonly ProposalStatus[];
  /** Who may make it. The citizen's answers may be recorded by staff on their behalf (marked so). */
  actors: readonly ProposalActor[];
  /** The coded reasons it takes; empty when it takes none. */
  reasons: readonly ProposalReason[];
}

/**
 * The proposal life cycle as data: target status, allowed from-statuses, who may make it and with
 * which reasons. A booking may still be withdrawn by the consultant (the seat is freed).
 */
export const PROPOSAL_TRANSITIONS: Record<ProposalAction, Transition> = {
  citizenAccept: {
    to: S.ProposedToEmployer,
    from: [S.ProposedToCitizen],
    actors: [A.Citizen],
    reasons: [],
  },
  citizenDecline: {
    to: S.DeclinedByCitizen,
    from: OPEN_STATUSES,
    actors: [A.Citizen],
    reasons: CITIZEN_REASONS,
  },
  employerAccept: {
    to: S.AcceptedByEmployer,
    from: [S.ProposedToEmployer],
    actors: [A.Employer],
    reasons: [],
  },
  employerDecline: {
    to: S.DeclinedByEmployer,
    from: [S.ProposedToEmployer, S.AcceptedByEmployer],
    actors: [A.Employer],
    reasons: EMPLOYER_REASONS,
  },
  book: { to: S.Booked, from: [S.AcceptedByEmployer], actors: [A.Consultant], reasons: [] },
  withdraw: {
    to: S.Withdrawn,
    from: [...OPEN_STATUSES, S.Booked],
    actors: [A.Consultant],
    reasons: WITHDRAW_REASONS,
  },
  expire: { to: S.Expired, from: AWAITING_ANSWER, actors: [A.System], reasons: [R.NoAnswer] },
  makeObsolete: {
    to: S.Obsolete,
    from: OPEN_STATUSES,
    actors: [A.System],
    reasons: [R.BookedElsewhere],
  },
};

export type ProposalDecision =
  | { ok: true; to: ProposalStatus }
  | {
      ok: false;
      refusal:
        'INVALID_TRANSITION' | 'NOT_YOURS_TO_MAKE' | 'REASON_REQUIRED' | 'REASON_NOT_ALLOWED';
    };

/** Whether `actor` may take `action` from `status` with `reason`; the first refusal that applies. */
export function decideProposalTransition(
  status: ProposalStatus,
  action: ProposalAction,
  actor: ProposalActor,
  reason: ProposalReason | null,
): ProposalDecision {
  const t = PROPOSAL_TRANSITIONS[action];
  if (!t.actors.includes(actor)) return { ok: false, refusal: 'NOT_YOURS_TO_MAKE' };
  if (!t.from.includes(status)) return { ok: false, refusal: 'INVALID_TRANSITION' };
  if (t.reasons.length > 0 && reason === null) return { ok: false, refusal: 'REASON_REQUIRED' };
  if (reason !== null && !t.reasons.includes(reason))
    return { ok: false, refusal: 'REASON_NOT_ALLOWED' };
  return { ok: true, to: t.to };
}

/** The actions `actor` may take now, for the UI to offer. */
/**
 * Whose answers an actor may record on their behalf: the consultant records the citizen's (with
 * how and when it was given, marked so in the history), for the many citizens who never sign in.
 */
export const RECORDS_ANSWERS_OF: Readonly<Partial<Record<ProposalActor, ProposalActor>>> = {
  [A.Consultant]: A.Citizen,
};

/** The actor `actor` makes `action` for (themself, or the one whose answer they record); null: none. */
export function actingFor(actor: ProposalActor, action: ProposalAction): ProposalActor | null {
  const { actors } = PROPOSAL_TRANSITIONS[action];
  if (actors.includes(actor)) return actor;
  const other = RECORDS_ANSWERS_OF[actor];
  return other !== undefined && actors.includes(other) ? other : null;
}

/** What `actor` may do from `status`, their own transitions and the answers they may record. */
export function availableProposalActions(
  status: ProposalStatus,
  actor: ProposalActor,
): ProposalAction[] {
  return (Object.keys(PROPOSAL_TRANSITIONS) as ProposalAction[]).filter(
    (a) => PROPOSAL_TRANSITIONS[a].from.includes(status) && actingFor(actor, a) !== null,
  );
}

/** The reasons a transition takes (for pickers). */
export const reasonsFor = (action: ProposalAction): readonly ProposalReason[] =>
  PROPOSAL_TRANSITIONS[action].reasons;

/** When an answer is due: `days` whole days after the proposal started waiting (UTC instants). */
export function answerDueAt(waitingSince: Date, days: number): Date {
  return new Date(waitingSince.getTime() + days * 24 * 60 * 60 * 1000);
}

/** Whether a proposal waiting for an answer has gone unanswered too long. */
export function isExpired(status: ProposalStatus, dueAt: Date | null, now: Date): boolean {
  return AWAITING_ANSWER.includes(status) && dueAt !== null && now.getTime() >= dueAt.getTime();
}

/** Two periods of whole days (inclusive, YYYY-MM-DD) overlap when they share at least one day. */
export const periodsOverlap = (
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean => a.start <= b.end && b.start <= a.end;

/**
 * The seat a new booking takes: the lowest number in 1..capacity that no active booking
 * overlapping any day of its period holds, or null when there is none. Counting every booking
 * that overlaps the period (not day by day) is stricter, and it means the seat is free for the
 * whole period, which the database's exclusion constraint then holds. Seats above a lowered
 * capacity count as taken.
 */
export function freeSeat(capacity: number, taken: readonly number[]): number | null {
  const used = new Set(taken);
  for (let seat = 1; seat <= capacity; seat++) if (!used.has(seat)) return seat;
  return null;
}
