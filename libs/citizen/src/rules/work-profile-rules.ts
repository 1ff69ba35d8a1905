import type { FieldProblem } from '@jobbro/core';
import { isValidCvr } from '@jobbro/company';
import { type WorkingTimes, workingTimesInOrder } from '@jobbro/reference';

/** The earliest start of a recorded employment: older jobs say nothing about a most recent one. */
const EARLIEST_EMPLOYMENT = '1950-01-01';

export interface EmploymentFacts {
  companyId: string | null;
  employerName: string | null;
  cvr: string | null;
  startedOn: string;
  endedOn: string | null;
}

/**
 * An employment names its employer once: a partner company (by id), or a name with an optional
 * CVR number (an employer outside Jobbro). It started on or before today (and not before 1950)
 * and ends, if it has ended, on or after its start.
 */
export function employmentProblems(e: EmploymentFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if ((e.companyId === null) === (e.employerName === null))
    problems.push({
      field: 'employerName',
      constraint: 'oneEmployer',
      message: {
        da: 'Vælg en partnervirksomhed eller skriv arbejdsgiverens navn (ikke begge).',
        en: 'Choose a partner company or write the employer’s name (not both).',
      },
    });
  if (e.cvr !== null && e.companyId !== null)
    problems.push({
      field: 'cvr',
      constraint: 'onlyWithName',
      message: {
        da: 'CVR-nummeret skrives kun ved en arbejdsgiver uden for Jobbro.',
        en: 'The CVR number is only for an employer outside Jobbro.',
      },
    });
  else if (e.cvr !== null && !isValidCvr(e.cvr))
    problems.push({
      field: 'cvr',
      constraint: 'cvr',
      message: { da: 'Ugyldigt CVR-nummer.', en: 'Invalid CVR number.' },
    });
  if (e.startedOn > today || e.startedOn < EARLIEST_EMPLOYMENT)
    problems.push({
      field: 'startedOn',
      constraint: 'range',
      message: {
        da: 'Startdatoen skal ligge mellem 1. januar 1950 og i dag.',
        en: 'The start date must be between 1 January 1950 and today.',
      },
    });
  if (e.endedOn !== null && e.endedOn < e.startedOn)
    problems.push({
      field: 'endedOn',
      constraint: 'afterStart',
      message: {
        da: 'Slutdatoen kan ikke ligge før startdatoen.',
        en: 'The end date cannot be before the start date.',
      },
    });
  return problems;
}

/** A confirmation (of a qualification, of "no employment") is dated today or earlier. */
export function confirmedOnProblems(confirmedOn: string, today: string): FieldProblem[] {
  return confirmedOn > today
    ? [
        {
          field: 'confirmedOn',
          constraint: 'notInFuture',
          message: {
            da: 'Datoen for bekræftelsen kan ikke ligge i fremtiden.',
            en: 'The confirmation date cannot be in the future.',
          },
        },
      ]
    : [];
}

/** Working times end after they start (when both are given). */
export function availabilityProblems(times: WorkingTimes | null): FieldProblem[] {
  return workingTimesInOrder(times)
    ? []
    : [
        {
          field: 'until',
          constraint: 'afterFrom',
          message: {
            da: 'Sluttidspunktet skal ligge efter starttidspunktet.',
            en: 'The end time must be after the start time.',
          },
        },
      ];
}
