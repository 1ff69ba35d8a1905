import type { FieldProblem } from '@jobbro/core';
import { PlacementStatus } from '../company.enums';

/** The parts of a placement the rules look at. */
export interface PlacementFacts {
  status: PlacementStatus;
  siteId: string | null;
  mentorId: string | null;
  tasks: string[];
  weeklyHoursMin: number;
  weeklyHoursMax: number;
  startEarliest: string;
  startLatest: string | null;
  ordinaryHoursPossible: boolean;
  ordinaryHoursAfterWeeks: number | null;
  ordinaryHoursPerWeek: number | null;
  durationWeeks: number;
  /** Working hours (HH:MM); absent or null when not given. */
  workFrom?: string | null;
  workUntil?: string | null;
}

const problem = (field: string, constraint: string, da: string, en: string): FieldProblem => ({
  field,
  constraint,
  message: { da, en },
});

/** Consistency between fields, checked on every create and update (and again by the database). */
export function placementProblems(p: PlacementFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.weeklyHoursMin > p.weeklyHoursMax) {
    problems.push(
      problem(
        'weeklyHoursMin',
        'hoursRange',
        `Mindste antal timer (${p.weeklyHoursMin}) er større end største (${p.weeklyHoursMax}).`,
        `Minimum hours (${p.weeklyHoursMin}) are more than maximum hours (${p.weeklyHoursMax}).`,
      ),
    );
  }
  if (p.startLatest !== null && p.startLatest < p.startEarliest) {
    problems.push(
      problem(
        'startLatest',
        'startWindow',
        'Seneste start ligger før tidligste start.',
        'The latest start is before the earliest start.',
      ),
    );
  }
  if (p.workFrom && p.workUntil && p.workUntil <= p.workFrom) {
    problems.push(
      problem(
        'workingTimes.until',
        'afterFrom',
        `Arbejdstiden slutter (${p.workUntil}) før den begynder (${p.workFrom}).`,
        `The working hours end (${p.workUntil}) before they start (${p.workFrom}).`,
      ),
    );
  }
  if (p.ordinaryHoursPossible) {
    if (p.ordinaryHoursAfterWeeks === null || p.ordinaryHoursPerWeek === null) {
      problems.push(
        problem(
          'ordinaryHoursPath',
          'ordinaryHoursPath',
          'Angiv efter hvor mange uger og hvor mange ordinære timer om ugen.',
          'Say after how many weeks and how many ordinary hours per week.',
        ),
      );
    } else {
      if (p.ordinaryHoursPerWeek > p.weeklyHoursMax) {
        problems.push(
          problem(
            'ordinaryHoursPath.hoursPerWeek',
            'ordinaryHoursPath',
            `De ordinære timer (${p.ordinaryHoursPerWeek}) kan ikke overstige ugens timer (${p.weeklyHoursMax}).`,
            `Ordinary hours (${p.ordinaryHoursPerWeek}) cannot exceed the weekly hours (${p.weeklyHoursMax}).`,
          ),
        );
      }
      if (p.ordinaryHoursAfterWeeks > p.durationWeeks) {
        problems.push(
          problem(
            'ordinaryHoursPath.afterWeeks',
            'ordinaryHoursPath',
            `Ordinære timer efter ${p.ordinaryHoursAfterWeeks} uger ligger efter forløbets ${p.durationWeeks} uger.`,
            `Ordinary hours after ${p.ordinaryHoursAfterWeeks} weeks falls after the ${p.durationWeeks}-week placement.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** What publishing needs beyond consistency: a mentor, at least one task, a site, a start still open. */
export function publishProblems(p: PlacementFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!p.mentorId) {
    problems.push(
      problem(
        'mentorId',
        'required',
        'Vælg en mentor før opslaget offentliggøres.',
        'Choose a mentor before publishing.',
      ),
    );
  }
  if (p.tasks.filter((t) => t.trim().length > 0).length === 0) {
    problems.push(
      problem(
        'tasks',
        'required',
        'Beskriv mindst én konkret arbejdsopgave.',
        'Describe at least one concrete task.',
      ),
    );
  }
  if (!p.siteId) {
    problems.push(
      problem('siteId', 'required', 'Vælg arbejdsstedet (adresse).', 'Choose the site (address).'),
    );
  }
  if ((p.startLatest ?? '9999-12-31') < today) {
    problems.push(
      problem(
        'startLatest',
        'expired',
        'Startvinduet er udløbet; ret datoerne.',
        'The start window has passed; update the dates.',
      ),
    );
  }
  return problems;
}

export type PlacementAction = 'publish' | 'pause' | 'close';

interface Transition {
  to: PlacementStatus;
  from: readonly PlacementStatus[];
  guard?: (p: PlacementFacts, today: string) => FieldProblem[];
}

/** The placement life cycle, as data: draft -> published <-> paused, and closed from anywhere open. */
export const PLACEMENT_TRANSITIONS: Record<PlacementAction, Transition> = {
  publish: {
    to: PlacementStatus.Published,
    from: [PlacementStatus.Draft, PlacementStatus.Paused],
    guard: (p, today) => [...placementProblems(p), ...publishProblems(p, today)],
  },
  pause: { to: PlacementStatus.Paused, from: [PlacementStatus.Published] },
  close: {
    to: PlacementStatus.Closed,
    from: [PlacementStatus.Draft, PlacementStatus.Published, PlacementStatus.Paused],
  },
};

/** Content may change while a slot is open; a closed slot is history. */
export const EDITABLE_STATUSES: readonly PlacementStatus[] = [
  PlacementStatus.Draft,
  PlacementStatus.Published,
  PlacementStatus.Paused,
];

export type TransitionResult =
  | { ok: true; to: PlacementStatus }
  | { ok: false; reason: 'INVALID_TRANSITION' }
  | { ok: false; reason: 'NOT_PUBLISHABLE'; problems: FieldProblem[] };

export function decideTransition(
  p: PlacementFacts,
  action: PlacementAction,
  today: string,
): TransitionResult {
  const transition = PLACEMENT_TRANSITIONS[action];
  if (!transition.from.includes(p.status)) return { ok: false, reason: 'INVALID_TRANSITION' };
  const problems = transition.guard?.(p, today) ?? [];
  if (problems.length > 0) return { ok: false, reason: 'NOT_PUBLISHABLE', problems };
  return { ok: true, to: transition.to };
}

/** The actions open from a status, for the UI to offer. */
export function availableActions(status: PlacementStatus): PlacementAction[] {
  return (Object.keys(PLACEMENT_TRANSITIONS) as PlacementAction[]).filter((a) =>
    PLACEMENT_TRANSITIONS[a].from.includes(status),
  );
}
