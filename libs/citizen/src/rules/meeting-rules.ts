import type { Localized } from '@jobbro/core';
import { MeetingKind, ParticipantRole } from '../citizen.enums';

/** The seeds: a start meeting has at least the caseworker, the social-support worker and the company consultant. */
export const START_MEETING_ROLES: readonly ParticipantRole[] = [
  ParticipantRole.Caseworker,
  ParticipantRole.SocialSupport,
  ParticipantRole.CompanyConsultant,
];

const ROLE_LABELS: Record<ParticipantRole, Localized> = {
  citizen: { da: 'borgeren', en: 'the citizen' },
  caseworker: { da: 'sagsbehandler', en: 'caseworker' },
  social_support: { da: 'social støtte/CTI-medarbejder', en: 'social-support (CTI) worker' },
  company_consultant: { da: 'virksomhedskonsulent', en: 'company consultant' },
  job_consultant: { da: 'jobkonsulent', en: 'job consultant' },
  mentor: { da: 'mentor', en: 'mentor' },
  employer: { da: 'arbejdsgiver', en: 'employer' },
  other: { da: 'anden', en: 'other' },
};

/** Warnings (not errors: the meeting happened) about who was missing. */
export function meetingWarnings(kind: MeetingKind, roles: readonly ParticipantRole[]): Localized[] {
  if (kind !== MeetingKind.Start) return [];
  const missing = START_MEETING_ROLES.filter((r) => !roles.includes(r));
  if (missing.length === 0) return [];
  return [
    {
      da: `Et opstartsmøde bør have ${missing.map((r) => ROLE_LABELS[r].da).join(', ')} med.`,
      en: `A start meeting should include the ${missing.map((r) => ROLE_LABELS[r].en).join(', ')}.`,
    },
  ];
}
