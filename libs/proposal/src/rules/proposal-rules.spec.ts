import { ProposalActor as A, ProposalReason as R, ProposalStatus as S } from '../proposal.enums';
import {
  answerDueAt,
  actingFor,
  availableProposalActions,
  decideProposalTransition,
  freeSeat,
  isExpired,
  periodsOverlap,
  type ProposalAction,
} from './proposal-rules';

describe('the proposal life cycle', () => {
  it.each<[S, ProposalAction, A, R | null, S]>([
    [S.ProposedToCitizen, 'citizenAccept', A.Citizen, null, S.ProposedToEmployer],
    [S.ProposedToCitizen, 'citizenDecline', A.Citizen, R.Timing, S.DeclinedByCitizen],
    [S.ProposedToEmployer, 'citizenDecline', A.Citizen, R.Other, S.DeclinedByCitizen],
    [S.AcceptedByEmployer, 'citizenDecline', A.Citizen, R.NotInterested, S.DeclinedByCitizen],
    [S.ProposedToEmployer, 'employerAccept', A.Employer, null, S.AcceptedByEmployer],
    [S.ProposedToEmployer, 'employerDecline', A.Employer, R.NoCapacity, S.DeclinedByEmployer],
    [S.AcceptedByEmployer, 'employerDecline', A.Employer, R.ProfileMismatch, S.DeclinedByEmployer],
    [S.AcceptedByEmployer, 'book', A.Consultant, null, S.Booked],
    [S.ProposedToCitizen, 'withdraw', A.Consultant, R.BetterMatch, S.Withdrawn],
    [S.Booked, 'withdraw', A.Consultant, R.CitizenChangedPlans, S.Withdrawn],
    [S.ProposedToCitizen, 'expire', A.System, R.NoAnswer, S.Expired],
    [S.ProposedToEmployer, 'expire', A.System, R.NoAnswer, S.Expired],
    [S.AcceptedByEmployer, 'makeObsolete', A.System, R.BookedElsewhere, S.Obsolete],
  ])('%s --%s by %s (%s)--> %s', (from, action, actor, reason, to) => {
    expect(decideProposalTransition(from, action, actor, reason)).toEqual({ ok: true, to });
  });

  it.each<[S, ProposalAction, A, R | null, string]>([
    // Order matters: nobody skips a party's answer.
    [S.ProposedToCitizen, 'employerAccept', A.Employer, null, 'INVALID_TRANSITION'],
    [S.ProposedToCitizen, 'employerDecline', A.Employer, R.NoCapacity, 'INVALID_TRANSITION'],
    [S.ProposedToCitizen, 'book', A.Consultant, null, 'INVALID_TRANSITION'],
    [S.ProposedToEmployer, 'book', A.Consultant, null, 'INVALID_TRANSITION'],
    [S.ProposedToEmployer, 'citizenAccept', A.Citizen, null, 'INVALID_TRANSITION'],
    // Closed is closed.
    [S.DeclinedByCitizen, 'citizenAccept', A.Citizen, null, 'INVALID_TRANSITION'],
    [S.Expired, 'withdraw', A.Consultant, R.Other, 'INVALID_TRANSITION'],
    [S.Withdrawn, 'withdraw', A.Consultant, R.Other, 'INVALID_TRANSITION'],
    [S.Booked, 'citizenDecline', A.Citizen, R.Other, 'INVALID_TRANSITION'],
    [S.Booked, 'expire', A.System, R.NoAnswer, 'INVALID_TRANSITION'],
    [S.Booked, 'makeObsolete', A.System, R.BookedElsewhere, 'INVALID_TRANSITION'],
    [S.AcceptedByEmployer, 'expire', A.System, R.NoAnswer, 'INVALID_TRANSITION'],
    // Each party makes only its own moves.
    [S.ProposedToCitizen, 'citizenAccept', A.Employer, null, 'NOT_YOURS_TO_MAKE'],
    [S.ProposedToEmployer, 'employerAccept', A.Citizen, null, 'NOT_YOURS_TO_MAKE'],
    [S.ProposedToEmployer, 'employerAccept', A.Consultant, null, 'NOT_YOURS_TO_MAKE'],
    [S.AcceptedByEmployer, 'book', A.Employer, null, 'NOT_YOURS_TO_MAKE'],
    [S.AcceptedByEmployer, 'book', A.Citizen, null, 'NOT_YOURS_TO_MAKE'],
    [S.ProposedToCitizen, 'withdraw', A.Citizen, R.Other, 'NOT_YOURS_TO_MAKE'],
    [S.ProposedToCitizen, 'expire', A.Consultant, R.NoAnswer, 'NOT_YOURS_TO_MAKE'],
    // Closing takes a coded reason of its own kind.
    [S.ProposedToCitizen, 'citizenDecline', A.Citizen, null, 'REASON_REQUIRED'],
    [S.ProposedToEmployer, 'employerDecline', A.Employer, null, 'REASON_REQUIRED'],
    [S.ProposedToCitizen, 'withdraw', A.Consultant, null, 'REASON_REQUIRED'],
    [S.ProposedToEmployer, 'employerDecline', A.Employer, R.NoAnswer, 'REASON_NOT_ALLOWED'],
    [S.ProposedToCitizen, 'citizenDecline', A.Citizen, R.NoCapacity, 'REASON_NOT_ALLOWED'],
    [S.ProposedToCitizen, 'citizenAccept', A.Citizen, R.Other, 'REASON_NOT_ALLOWED'],
  ])('%s --%s by %s (%s) is refused: %s', (from, action, actor, reason, refusal) => {
    expect(decideProposalTransition(from, action, actor, reason)).toEqual({ ok: false, refusal });
  });

  it.each<[S, A, ProposalAction[]]>([
    [S.ProposedToCitizen, A.Citizen, ['citizenAccept', 'citizenDecline']],
    [S.ProposedToCitizen, A.Employer, []],
    // The consultant may record the citizen's answers for them.
    [S.ProposedToCitizen, A.Consultant, ['citizenAccept', 'citizenDecline', 'withdraw']],
    [S.ProposedToEmployer, A.Employer, ['employerAccept', 'employerDecline']],
    [S.AcceptedByEmployer, A.Consultant, ['citizenDecline', 'book', 'withdraw']],
    [S.ProposedToEmployer, A.Consultant, ['citizenDecline', 'withdraw']],
    [S.Booked, A.Consultant, ['withdraw']],
    [S.Booked, A.Citizen, []],
    [S.Booked, A.Employer, []],
    [S.ProposedToCitizen, A.System, ['expire', 'makeObsolete']],
    [S.Expired, A.Consultant, []],
  ])('from %s, %s may: %j', (status, actor, actions) => {
    expect(availableProposalActions(status, actor)).toEqual(actions);
  });
});

describe('whose answer an action is', () => {
  it.each<[A, ProposalAction, A | null]>([
    [A.Citizen, 'citizenAccept', A.Citizen],
    [A.Consultant, 'citizenAccept', A.Citizen],
    [A.Consultant, 'citizenDecline', A.Citizen],
    [A.Consultant, 'book', A.Consultant],
    [A.Consultant, 'employerAccept', null],
    [A.Employer, 'citizenAccept', null],
    [A.Citizen, 'withdraw', null],
    [A.System, 'citizenDecline', null],
  ])('%s making %s acts for %s', (actor, action, forWhom) => {
    expect(actingFor(actor, action)).toBe(forWhom);
  });
});

describe('expiry', () => {
  const since = new Date('2026-12-01T09:00:00Z');
  const due = answerDueAt(since, 14);

  it('is due 14 whole days after waiting began', () => {
    expect(due.toISOString()).toBe('2026-12-15T09:00:00.000Z');
  });

  it.each<[S, string, boolean]>([
    [S.ProposedToCitizen, '2026-12-15T08:59:59.999Z', false],
    [S.ProposedToCitizen, '2026-12-15T09:00:00.000Z', true],
    [S.ProposedToEmployer, '2026-12-20T00:00:00.000Z', true],
    [S.AcceptedByEmployer, '2026-12-20T00:00:00.000Z', false],
    [S.Booked, '2027-06-01T00:00:00.000Z', false],
  ])('%s at %s: expired %s', (status, now, expired) => {
    expect(isExpired(status, due, new Date(now))).toBe(expired);
  });

  it('never expires without a due time', () => {
    expect(isExpired(S.ProposedToCitizen, null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('periods and seats', () => {
  it.each([
    ['2027-01-01', '2027-01-31', '2027-01-31', '2027-02-28', true],
    ['2027-01-01', '2027-01-31', '2027-02-01', '2027-02-28', false],
    ['2027-02-01', '2027-02-28', '2027-01-01', '2027-01-31', false],
    ['2027-01-10', '2027-01-12', '2027-01-01', '2027-01-31', true],
    ['2027-01-01', '2027-01-01', '2027-01-01', '2027-01-01', true],
  ])('%s..%s and %s..%s overlap: %s', (s1, e1, s2, e2, overlap) => {
    expect(periodsOverlap({ start: s1, end: e1 }, { start: s2, end: e2 })).toBe(overlap);
  });

  it.each<[number, number[], number | null]>([
    [1, [], 1],
    [1, [1], null],
    [3, [1, 3], 2],
    [3, [2], 1],
    [3, [1, 2, 3], null],
    // A capacity lowered below held seats has no free seat while they run.
    [2, [1, 2, 3], null],
    [2, [3], 1],
  ])('capacity %i with seats %j held takes seat %s', (capacity, taken, seat) => {
    expect(freeSeat(capacity, taken)).toBe(seat);
  });
});
