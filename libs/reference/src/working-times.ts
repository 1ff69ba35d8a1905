import type { Localized } from '@jobbro/core';
import { graphqlEnum } from '@jobbro/core';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Matches } from 'class-validator';

/** Days of the week, Monday first. Mirrors the `weekday` enum type in the database. */
export enum Weekday {
  Monday = 'monday',
  Tuesday = 'tuesday',
  Wednesday = 'wednesday',
  Thursday = 'thursday',
  Friday = 'friday',
  Saturday = 'saturday',
  Sunday = 'sunday',
}
export const WeekdayGql = graphqlEnum(Weekday, 'Weekday');

export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);

export const WEEKDAY_LABELS = {
  [Weekday.Monday]: { da: 'mandag', en: 'Monday' },
  [Weekday.Tuesday]: { da: 'tirsdag', en: 'Tuesday' },
  [Weekday.Wednesday]: { da: 'onsdag', en: 'Wednesday' },
  [Weekday.Thursday]: { da: 'torsdag', en: 'Thursday' },
  [Weekday.Friday]: { da: 'fredag', en: 'Friday' },
  [Weekday.Saturday]: { da: 'lørdag', en: 'Saturday' },
  [Weekday.Sunday]: { da: 'søndag', en: 'Sunday' },
} satisfies Record<Weekday, Localized>;

/**
 * Weekdays and a time of day, on either side of a match: the days and hours a citizen can work,
 * or the days and hours a slot's work takes. Each part may be unknown (null): days, start, end.
 * Times are "HH:MM" (24-hour), so they compare as strings.
 */
export interface WorkingTimes {
  weekdays: Weekday[] | null;
  from: string | null;
  until: string | null;
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Days in week order, without repeats; null for none (unknown). */
export const normalizeWeekdays = (days: readonly Weekday[] | null | undefined): Weekday[] | null =>
  days?.length ? WEEKDAYS.filter((d) => days.includes(d)) : null;

/**
 * Days as people write them: runs of three or more as a range ("mandag–fredag"), the rest listed
 * ("mandag, onsdag og lørdag"). Days are given in week order.
 */
export function weekdayList(days: readonly Weekday[]): Localized {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(run[run.length - 1]) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = (l: 'da' | 'en'): string[] =>
    runs.flatMap((run) =>
      run.length >= 3
        ? [`${WEEKDAY_LABELS[run[0]][l]}–${WEEKDAY_LABELS[run[run.length - 1]][l]}`]
        : run.map((d) => WEEKDAY_LABELS[d][l]),
    );
  const join = (items: string[], and: string): string =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
  return { da: join(parts('da'), 'og'), en: join(parts('en'), 'and') };
}

@ObjectType('WorkingTimes', {
  description:
    'Weekdays and time of day. Each part may be null (not known): then matching does not filter on it.',
})
export class WorkingTimesModel {
  @Field(() => [WeekdayGql], { nullable: true }) weekdays!: Weekday[] | null;
  @Field(() => String, { nullable: true, description: 'From (HH:MM, 24-hour).' })
  from!: string | null;
  @Field(() => String, { nullable: true, description: 'Until (HH:MM, 24-hour).' })
  until!: string | null;
}

@InputType({
  description:
    'Weekdays and time of day; leave a part out (or null) when it is not known or does not matter.',
})
export class WorkingTimesInput {
  @Field(() => [WeekdayGql], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(Weekday, { each: true })
  weekdays?: Weekday[] | null;
  @Field(() => String, { nullable: true, description: 'HH:MM (24-hour), e.g. 08:00.' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'must be a time of day as HH:MM' })
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'HH:MM (24-hour), after `from`.' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'must be a time of day as HH:MM' })
  until?: string | null;
}

/** The input as stored: days in order, unknown parts null; null when nothing is known at all. */
export function workingTimesOf(input: WorkingTimesInput | null | undefined): WorkingTimes | null {
  if (!input) return null;
  const times: WorkingTimes = {
    weekdays: normalizeWeekdays(input.weekdays),
    from: input.from ?? null,
    until: input.until ?? null,
  };
  return times.weekdays || times.from || times.until ? times : null;
}

/** Whether the end comes after the start (when both are given). */
export const workingTimesInOrder = (t: WorkingTimes | null): boolean =>
  !t || t.from === null || t.until === null || t.from < t.until;
