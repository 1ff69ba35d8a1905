import { meetingTimeProblem } from './meeting-time';

const NOW = new Date('2026-12-02T12:00:00Z');
const at = (iso: string): Date => new Date(iso);

describe('meetingTimeProblem', () => {
  it.each([
    ['an hour tomorrow', '2026-12-03T09:00:00Z', '2026-12-03T10:00:00Z', null],
    ['starting now', '2026-12-02T12:00:00Z', '2026-12-02T13:00:00Z', 'startsAt'],
    ['in the past', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z', 'startsAt'],
    ['more than two years ahead', '2029-01-01T09:00:00Z', '2029-01-01T10:00:00Z', 'startsAt'],
    ['ending when it starts', '2026-12-03T09:00:00Z', '2026-12-03T09:00:00Z', 'endsAt'],
    ['ending before it starts', '2026-12-03T09:00:00Z', '2026-12-03T08:00:00Z', 'endsAt'],
    ['12 hours', '2026-12-03T06:00:00Z', '2026-12-03T18:00:00Z', null],
    ['longer than 12 hours', '2026-12-03T06:00:00Z', '2026-12-03T18:00:01Z', 'endsAt'],
    ['an invalid start', 'nonsense', '2026-12-03T10:00:00Z', 'startsAt'],
  ] as const)('%s', (_what, start, end, expected) => {
    expect(meetingTimeProblem(at(start), at(end), NOW)).toBe(expected);
  });
});
