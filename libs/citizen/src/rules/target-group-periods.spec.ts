import { nextTargetGroupStep } from './target-group-periods';

describe('nextTargetGroupStep', () => {
  const open = { id: 'p', validFrom: '2026-03-01', validTo: null };
  const ended = { id: 'p', validFrom: '2026-03-01', validTo: '2026-04-30' };

  it.each([
    ['no period yet', null, '2026-03-01', { kind: 'start' }],
    ['same day as the open period', open, '2026-03-01', { kind: 'replace', periodId: 'p' }],
    [
      'the day after the open period started',
      open,
      '2026-03-02',
      { kind: 'follow', periodId: 'p', endPreviousOn: '2026-03-01' },
    ],
    [
      'across a month and year end',
      { id: 'p', validFrom: '2025-12-01', validTo: null },
      '2026-01-01',
      { kind: 'follow', periodId: 'p', endPreviousOn: '2025-12-31' },
    ],
    [
      'before the open period',
      open,
      '2026-02-28',
      { kind: 'beforeCurrent', currentFrom: '2026-03-01' },
    ],
    ['same day as an ended period', ended, '2026-03-01', { kind: 'replace', periodId: 'p' }],
    [
      'inside an ended period',
      ended,
      '2026-04-01',
      { kind: 'follow', periodId: 'p', endPreviousOn: '2026-03-31' },
    ],
    ['after an ended period', ended, '2026-05-01', { kind: 'start' }],
    [
      'on the last day of an ended period',
      ended,
      '2026-04-30',
      { kind: 'follow', periodId: 'p', endPreviousOn: '2026-04-29' },
    ],
  ] as const)('%s', (_name, latest, validFrom, step) => {
    expect(nextTargetGroupStep(latest, validFrom)).toEqual(step);
  });
});
