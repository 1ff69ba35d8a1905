import {
  availabilityProblems,
  employmentProblems,
  confirmedOnProblems,
} from './work-profile-rules';

const TODAY = '2026-11-25';
const fields = (problems: { field: string }[]): string[] => problems.map((p) => p.field);

describe('employmentProblems', () => {
  const job = {
    companyId: null,
    employerName: 'Bageriet ApS',
    cvr: null,
    startedOn: '2020-03-01',
    endedOn: '2025-06-30',
  };
  it.each([
    ['a named employer with dates', {}, []],
    ['a partner company', { companyId: 'c', employerName: null }, []],
    ['an ongoing job', { endedOn: null }, []],
    ['a one-day job', { endedOn: '2020-03-01' }, []],
    ['a valid CVR number', { cvr: '10150817' }, []],
    ['neither company nor name', { employerName: null }, ['employerName']],
    ['both company and name', { companyId: 'c' }, ['employerName']],
    [
      'a CVR number with a partner company',
      { companyId: 'c', employerName: null, cvr: '10150817' },
      ['cvr'],
    ],
    ['a CVR number failing the checksum', { cvr: '10150818' }, ['cvr']],
    ['ended before it started', { endedOn: '2020-02-29' }, ['endedOn']],
    ['started in the future', { startedOn: '2026-11-26', endedOn: null }, ['startedOn']],
    ['started today', { startedOn: TODAY, endedOn: null }, []],
    ['started before 1950', { startedOn: '1949-12-31' }, ['startedOn']],
    ['started on the first day of 1950', { startedOn: '1950-01-01' }, []],
  ] as const)('%s: %j', (_name, change, expected) => {
    expect(fields(employmentProblems({ ...job, ...change }, TODAY))).toEqual(expected);
  });

  it('explains in Danish and English', () => {
    expect(employmentProblems({ ...job, employerName: null }, TODAY)[0].message).toEqual({
      da: 'Vælg en partnervirksomhed eller skriv arbejdsgiverens navn (ikke begge).',
      en: 'Choose a partner company or write the employer’s name (not both).',
    });
  });
});

describe('confirmedOnProblems', () => {
  it.each([
    ['confirmed today', TODAY, []],
    ['confirmed in the past', '1990-05-01', []],
    ['confirmed tomorrow', '2026-11-26', ['confirmedOn']],
  ] as const)('%s', (_name, confirmedOn, expected) => {
    expect(fields(confirmedOnProblems(confirmedOn, TODAY))).toEqual(expected);
  });
});

describe('availabilityProblems', () => {
  it.each([
    ['nothing known', null, []],
    ['from before until', { weekdays: null, from: '08:00', until: '16:00' }, []],
    ['only from', { weekdays: null, from: '08:00', until: null }, []],
    ['until equal to from', { weekdays: null, from: '08:00', until: '08:00' }, ['until']],
    ['until before from', { weekdays: null, from: '16:00', until: '08:00' }, ['until']],
  ] as const)('%s', (_name, times, expected) => {
    expect(fields(availabilityProblems(times))).toEqual(expected);
  });
});
