import { Foundation1764090000000 } from './1764090000000-foundation';
import { ReferenceData1764090000001 } from './1764090000001-reference-data';
import { CompanySide1764090000002 } from './1764090000002-company-side';
import { DanishOccupationLabels1764090000003 } from './1764090000003-danish-occupation-labels';
import { CitizenSide1764090000004 } from './1764090000004-citizen-side';
import { PlacementSearch1764090000005 } from './1764090000005-placement-search';
import { MatchScopeVersion1764090000006 } from './1764090000006-match-scope-version';
import { SearchVocabulary1764090000007 } from './1764090000007-search-vocabulary';
import { CitizenMatchProfile1764090000008 } from './1764090000008-citizen-match-profile';
import { RateLimits1764090000009 } from './1764090000009-rate-limits';
import { SessionsAndSignUp1764090000010 } from './1764090000010-sessions-and-sign-up';
import { CitizenTeamChanges1764090000011 } from './1764090000011-citizen-team-changes';
import { MailDelivery1764090000012 } from './1764090000012-mail-delivery';
import { People1764090000013 } from './1764090000013-people';
import { CompanyEditing1764090000014 } from './1764090000014-company-editing';
import { MeetingsReminders1764090000015 } from './1764090000015-meetings-reminders';
import { SignUpWithoutPassword1764090000016 } from './1764090000016-sign-up-without-password';
import { DanishEscoLabels1764090000017 } from './1764090000017-danish-esco-labels';
import { ProposalsBookings1764090000018 } from './1764090000018-proposals-bookings';
import { LegalRules1764090000019 } from './1764090000019-legal-rules';
import { CitizenQualificationsAvailability1764090000020 } from './1764090000020-citizen-qualifications-availability';
import { ProposalRuleOverrides1764090000021 } from './1764090000021-proposal-rule-overrides';
import { CitizenNoEmployment1764090000022 } from './1764090000022-citizen-no-employment';
import { ReasonablenessAverageMonths1764090000023 } from './1764090000023-reasonableness-average-months';
import { PlacementTypeRules1764090000024 } from './1764090000024-placement-type-rules';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
export const migrations = [
  Foundation1764090000000,
  ReferenceData1764090000001,
  CompanySide1764090000002,
  DanishOccupationLabels1764090000003,
  CitizenSide1764090000004,
  PlacementSearch1764090000005,
  MatchScopeVersion1764090000006,
  SearchVocabulary1764090000007,
  CitizenMatchProfile1764090000008,
  RateLimits1764090000009,
  SessionsAndSignUp1764090000010,
  CitizenTeamChanges1764090000011,
  MailDelivery1764090000012,
  People1764090000013,
  CompanyEditing1764090000014,
  MeetingsReminders1764090000015,
  SignUpWithoutPassword1764090000016,
  DanishEscoLabels1764090000017,
  ProposalsBookings1764090000018,
  LegalRules1764090000019,
  CitizenQualificationsAvailability1764090000020,
  ProposalRuleOverrides1764090000021,
  CitizenNoEmployment1764090000022,
  ReasonablenessAverageMonths1764090000023,
  PlacementTypeRules1764090000024,
];
