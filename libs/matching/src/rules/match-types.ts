import type { Localized } from '@jobbro/core';
import type { WorkingTimes } from '@jobbro/reference';

/** What matching needs to know about a placement slot (built from the company side). */
export interface MatchPlacement {
  id: string;
  companyId: string;
  type: 'internship' | 'wage_subsidy' | 'ordinary_hours' | 'flex_job';
  status: 'draft' | 'published' | 'paused' | 'closed';
  title: string;
  description: string;
  tasks: string[];
  iscoCode: string;
  occupationLabel: string;
  capacity: number;
  /** Seats held by bookings in the slot's next period (libs/proposal `heldSeatsSql`). */
  occupied: number;
  weeklyHoursMin: number;
  weeklyHoursMax: number;
  startEarliest: string;
  startLatest: string | null;
  accommodations: string[];
  requirements: string[];
  ordinaryHoursPossible: boolean;
  ordinaryHoursAfterWeeks: number | null;
  ordinaryHoursPerWeek: number | null;
  /** The site's coordinates; null without a site (a draft or a closed slot may have none). */
  latitude: number | null;
  longitude: number | null;
  municipalityCode?: number | null;
  /** Free places with the slot's mentor; null when no mentor is named. */
  mentorFreeCapacity: number | null;
  /** The company's outcomes so far; null until any placement has ended. */
  trackRecord: { ended: number; ledToJob: number } | null;
  /** The days and hours the work takes; null or absent when only free-text notes say it. */
  workingTimes?: WorkingTimes | null;
}

/** What matching needs to know about a citizen (from the citizen side; never leaves PostgreSQL). */
export interface MatchCitizen {
  targetGroup: string | null;
  goal: {
    iscoCodes: string[];
    occupationLabels: string[];
    ownWords: string;
    hoursNow: number | null;
    hoursLater: number | null;
    maxCommuteKm: number | null;
    earliestStart: string | null;
  } | null;
  accommodationsNeeded: string[];
  /** Requirements the citizen is known to meet (driving licence, food hygiene certificate...). */
  qualifications: string[];
  /** Home coordinates; null when unknown, which means no distance to any slot. */
  latitude: number | null;
  longitude: number | null;
  mostRecentEmployerCompanyId: string | null;
  /** The days and hours the citizen can work; null or absent when not recorded. */
  availability?: WorkingTimes | null;
}

export interface HardFilterResult {
  filter: string;
  passed: boolean;
  reason: Localized;
}

export interface ScoreFactor {
  factor: string;
  /** 0..1 before weighting. */
  value: number;
  weight: number;
  reason: Localized;
}
