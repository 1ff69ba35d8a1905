import { citizenIdsIn } from '../guards';
import { statusOf } from '../invitations/invitation.types';

const A = '0b5c6f4e-1111-4222-8333-444455556666';
const B = '1c6d7f5e-2222-4333-9444-555566667777';

describe('citizenIdsIn (which citizens a refused operation names)', () => {
  it('finds citizenId at the top and one level down, and marked paths', () => {
    expect(citizenIdsIn({ citizenId: A }, [])).toEqual([A]);
    expect(citizenIdsIn({ input: { citizenId: A, other: B } }, [])).toEqual([A]);
    expect(citizenIdsIn({ id: B }, ['id'])).toEqual([B]);
    expect(citizenIdsIn({ input: { id: B, citizenId: A } }, ['input.id']).sort()).toEqual(
      [A, B].sort(),
    );
  });

  it('ignores ids that are not UUIDs, unmarked ids, and deeper or missing places', () => {
    expect(citizenIdsIn({ id: A }, [])).toEqual([]);
    expect(citizenIdsIn({ citizenId: 'not-a-uuid' }, [])).toEqual([]);
    expect(citizenIdsIn({ input: { deeper: { citizenId: A } } }, [])).toEqual([]);
    expect(citizenIdsIn({}, ['input.id'])).toEqual([]);
    expect(citizenIdsIn({ citizenId: A.toUpperCase() }, [])).toEqual([A]);
  });
});

describe('statusOf (an invitation’s status)', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const later = new Date('2026-12-09T12:00:00Z');
  const earlier = new Date('2026-12-01T12:00:00Z');
  it.each([
    [{ acceptedAt: null, revokedAt: null, expiresAt: later }, 'pending'],
    [{ acceptedAt: null, revokedAt: null, expiresAt: now }, 'expired'],
    [{ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, 'accepted'],
    [{ acceptedAt: null, revokedAt: earlier, expiresAt: later }, 'revoked'],
  ])('%o is %s', (row, status) => {
    expect(statusOf(row, now)).toBe(status);
  });
});
