import type { Localized } from '@jobbro/core';
import type { ProposalAction } from './rules/proposal-rules';
import type { ProposalReason, ProposalStatus } from './proposal.enums';

/** Each status in plain words, as a person reads it (the citizen's own view included). */
export const PROPOSAL_STATUS_LABELS: Record<`${ProposalStatus}`, Localized> = {
  proposed_to_citizen: { da: 'venter på borgerens svar', en: 'waiting for the citizen’s answer' },
  proposed_to_employer: {
    da: 'venter på virksomhedens svar',
    en: 'waiting for the employer’s answer',
  },
  accepted_by_employer: { da: 'godkendt af virksomheden', en: 'accepted by the employer' },
  booked: { da: 'booket', en: 'booked' },
  declined_by_citizen: { da: 'afslået af borgeren', en: 'declined by the citizen' },
  declined_by_employer: { da: 'afslået af virksomheden', en: 'declined by the employer' },
  withdrawn: { da: 'trukket tilbage', en: 'withdrawn' },
  expired: { da: 'udløbet uden svar', en: 'expired without an answer' },
  obsolete: { da: 'bortfaldet', en: 'no longer relevant' },
};

export const PROPOSAL_REASON_LABELS: Record<`${ProposalReason}`, Localized> = {
  not_interested: { da: 'Ikke interesseret', en: 'Not interested' },
  timing: { da: 'Tidspunktet passer ikke', en: 'The timing does not fit' },
  transport: { da: 'Transporten er for svær', en: 'Getting there is too hard' },
  working_hours: { da: 'Arbejdstiderne passer ikke', en: 'The working hours do not fit' },
  health_or_personal: { da: 'Personlige grunde', en: 'Personal reasons' },
  no_capacity: { da: 'Ingen plads lige nu', en: 'No room right now' },
  profile_mismatch: { da: 'Passer ikke til opgaverne', en: 'Does not fit the tasks' },
  slot_changed: { da: 'Praktikpladsen er ændret', en: 'The slot has changed' },
  citizen_changed_plans: { da: 'Borgerens planer er ændret', en: 'The citizen’s plans changed' },
  better_match: { da: 'En anden plads passer bedre', en: 'Another slot fits better' },
  entered_in_error: { da: 'Oprettet ved en fejl', en: 'Created by mistake' },
  no_answer: { da: 'Intet svar i tide', en: 'No answer in time' },
  booked_elsewhere: {
    da: 'Borgeren er booket et andet sted i perioden',
    en: 'The citizen was booked elsewhere for the period',
  },
  other: { da: 'Anden grund', en: 'Another reason' },
};

/** What a transition does, for "can no longer be …" messages. */
export const PROPOSAL_ACTION_LABELS: Record<ProposalAction, Localized> = {
  citizenAccept: { da: 'accepteres', en: 'accepted' },
  citizenDecline: { da: 'afslås', en: 'declined' },
  employerAccept: { da: 'godkendes', en: 'accepted' },
  employerDecline: { da: 'afslås', en: 'declined' },
  book: { da: 'bookes', en: 'booked' },
  withdraw: { da: 'trækkes tilbage', en: 'withdrawn' },
  expire: { da: 'udløbe', en: 'expire' },
  makeObsolete: { da: 'bortfalde', en: 'become obsolete' },
};
