import type { Accommodation } from '@jobbro/reference';
import type {
  AssessorRole,
  AssignmentRole,
  CitizenStatus,
  ContactPreference,
  ConsentScope,
  MeetingKind,
  MilestoneStatus,
  ParticipantRole,
} from './citizen.enums';

export interface CitizenRow {
  id: string;
  jobCentreId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  postalCode: string;
  municipalityCode: number;
  latitude: number;
  longitude: number;
  cprEncrypted: string | null;
  birthDate: string | null;
  status: CitizenStatus;
  userId: string | null;
  contactPreference: ContactPreference;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AssignmentRow {
  userId: string;
  role: AssignmentRole;
  displayName: string;
  email: string;
}

/** One change of a citizen's team, as the citizen reads it. */
export interface TeamChangeRow {
  occurredAt: Date;
  kind: 'added' | 'removed';
  role: AssignmentRole;
  reason: string;
  changedByRole: string | null;
  changedByName: string | null;
  memberName: string | null;
}

export interface TargetGroupPeriodRow {
  id: string;
  targetGroup: string;
  labelDa: string;
  labelEn: string;
  validFrom: string;
  validTo: string | null;
}

export interface JobGoalRow {
  id: string;
  citizenId: string;
  occupationIds: string[];
  ownWords: string;
  hoursNow: number | null;
  hoursLater: number | null;
  maxCommuteKm: number | null;
  earliestStart: string | null;
  conditions: string | null;
  priority: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NeedRow {
  accommodations: Accommodation[];
  accommodationNotes: string | null;
  functionalLimits: string | null;
  supportNeeds: string | null;
  updatedAt: Date;
}

export interface AssessmentRow {
  id: string;
  dimension: string;
  labelDa: string;
  labelEn: string;
  scaleMax: number;
  specialCategory: boolean;
  assessorRole: AssessorRole;
  score: number;
  assessedOn: string;
  note: string | null;
}

export interface Milestone {
  id: string;
  title: string;
  deadline: string | null;
  status: MilestoneStatus;
}

export interface Activity {
  id: string;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  responsible: string | null;
}

export interface PlanRow {
  citizenId: string;
  longTermGoal: string;
  milestones: Milestone[];
  activities: Activity[];
  version: number;
  updatedAt: Date | null;
}

export interface Participant {
  name: string;
  role: ParticipantRole;
}

export interface MeetingRow {
  id: string;
  citizenId: string;
  kind: MeetingKind;
  heldOn: string;
  participants: Participant[];
  notes: string | null;
  decisions: string | null;
  nextFollowUpOn: string | null;
  createdAt: Date;
}

export interface ConsentRow {
  id: string;
  citizenId: string;
  companyId: string;
  companyName: string;
  scopes: ConsentScope[];
  purpose: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}
