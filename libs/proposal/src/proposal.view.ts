import type { Language } from '@jobbro/core';
import { codeLabels } from '@jobbro/reference';
import {
  type ProposalEventModel,
  type ProposalModel,
  ProposalActionName,
  type SharedProfileModel,
} from './models/proposal.models';
import { PROPOSAL_REASON_LABELS, PROPOSAL_STATUS_LABELS } from './proposal-labels';
import { type ProposalActor, type ProposalReason, ProposalStatus } from './proposal.enums';
import type { ProposalEventRow, SharedProfile } from './proposal.repository';
import type { ProposalView } from './proposal.service';
import { availableProposalActions, type ProposalAction, reasonsFor } from './rules/proposal-rules';

const LABELS = codeLabels();

const ACTION_NAMES: Record<
  Exclude<ProposalAction, 'expire' | 'makeObsolete'>,
  ProposalActionName
> = {
  citizenAccept: ProposalActionName.CitizenAccept,
  citizenDecline: ProposalActionName.CitizenDecline,
  employerAccept: ProposalActionName.EmployerAccept,
  employerDecline: ProposalActionName.EmployerDecline,
  book: ProposalActionName.Book,
  withdraw: ProposalActionName.Withdraw,
};
const DAY = 24 * 60 * 60 * 1000;

const reasonLabel = (reason: string | null, l: Language): string | null =>
  reason ? (PROPOSAL_REASON_LABELS[reason as ProposalReason]?.[l] ?? null) : null;

function sharedProfile(p: SharedProfile | null, l: Language): SharedProfileModel | null {
  if (!p) return null;
  return {
    firstName: p.firstName ?? null,
    goalInOwnWords: p.goalInOwnWords ?? null,
    accommodations: p.accommodations ?? null,
    accommodationLabels: p.accommodations?.map((a) => LABELS('accommodation', a)[l]) ?? null,
    availability: p.availability ?? null,
  };
}

/** The proposal as this viewer may see it, in their language. */
export function proposalModel(view: ProposalView, l: Language, now = new Date()): ProposalModel {
  const { row, viewer } = view;
  // The employer never learns why a citizen said no; the citizen reads an employer's reason only
  // where the employer allowed it.
  const reasonHidden =
    (viewer === 'employer' && row.status === ProposalStatus.DeclinedByCitizen) ||
    (viewer === 'citizen' &&
      row.status === ProposalStatus.DeclinedByEmployer &&
      !row.closingReasonVisible);
  const actions = availableProposalActions(row.status, view.actor).filter(
    (a) => a !== 'expire' && a !== 'makeObsolete',
  );
  const closingReasons = [
    ...new Set(
      actions.flatMap((a) => (a.endsWith('Decline') || a === 'withdraw' ? reasonsFor(a) : [])),
    ),
  ];
  return {
    id: row.id,
    status: row.status,
    statusLabel: PROPOSAL_STATUS_LABELS[row.status][l],
    start: row.start,
    end: row.end,
    weeklyHours: row.weeklyHours,
    placement: {
      id: row.placementId,
      title: row.placementTitle,
      typeLabel: LABELS('placementType', row.placementType)[l],
      companyId: row.companyId,
      companyName: row.companyName,
    },
    citizen:
      viewer === 'staff' && view.citizenName
        ? {
            id: row.citizenId,
            firstName: view.citizenName.firstName,
            lastName: view.citizenName.lastName,
          }
        : null,
    shareScopes: row.shareScopes,
    sharedProfile: sharedProfile(row.sharedProfile, l),
    answerDueAt: row.answerDueAt,
    ageDays: Math.max(0, Math.floor((now.getTime() - new Date(row.createdAt).getTime()) / DAY)),
    closingReason: reasonHidden ? null : row.closingReason,
    closingReasonLabel: reasonHidden ? null : reasonLabel(row.closingReason, l),
    availableActions: actions.map((a) => ACTION_NAMES[a]),
    closingReasons,
    declineReasons: actions
      .filter((a) => a === 'citizenDecline' || a === 'employerDecline')
      .flatMap((a) => reasonsFor(a))
      .map((code) => ({ code, label: PROPOSAL_REASON_LABELS[code][l] })),
    withdrawReasons: actions
      .filter((a) => a === 'withdraw')
      .flatMap((a) => reasonsFor(a))
      .map((code) => ({ code, label: PROPOSAL_REASON_LABELS[code][l] })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    viewer,
  };
}

const ACTOR_WORDS: Record<ProposalActor, { da: string; en: string }> = {
  citizen: { da: 'Borgeren', en: 'The citizen' },
  employer: { da: 'Virksomheden', en: 'The employer' },
  consultant: { da: 'Jobkonsulenten', en: 'The job consultant' },
  system: { da: 'Jobbro', en: 'Jobbro' },
};

const CHANNEL_WORDS: Record<string, { da: string; en: string }> = {
  meeting: { da: 'på et møde', en: 'at a meeting' },
  phone: { da: 'i telefonen', en: 'by phone' },
  writing: { da: 'skriftligt', en: 'in writing' },
};

/** One step as a plain sentence: who did what, and for the citizen's own answers, how. */
function sentence(e: ProposalEventRow, l: Language): string {
  const who = ACTOR_WORDS[e.actor][l];
  const what: Record<ProposalStatus, { da: string; en: string }> = {
    proposed_to_citizen: { da: 'foreslog pladsen', en: 'proposed the slot' },
    proposed_to_employer: {
      da: 'sagde ja og valgte, hvad virksomheden må se',
      en: 'said yes and chose what the employer may see',
    },
    accepted_by_employer: { da: 'sagde ja', en: 'said yes' },
    booked: { da: 'bookede pladsen', en: 'booked the seat' },
    declined_by_citizen: { da: 'sagde nej', en: 'said no' },
    declined_by_employer: { da: 'sagde nej', en: 'said no' },
    withdrawn: { da: 'trak forslaget tilbage', en: 'withdrew the proposal' },
    expired: {
      da: 'lukkede forslaget, fordi der ikke kom svar i tide',
      en: 'closed the proposal because no answer came in time',
    },
    obsolete: {
      da: 'lukkede forslaget, fordi borgeren er booket et andet sted i perioden',
      en: 'closed the proposal because the citizen was booked elsewhere for the period',
    },
  };
  let text = `${who} ${what[e.toStatus][l]}`;
  if (e.onBehalf && e.channel)
    text +=
      l === 'da'
        ? ` (registreret af jobkonsulenten; svaret blev givet ${CHANNEL_WORDS[e.channel].da})`
        : ` (recorded by the job consultant; the answer was given ${CHANNEL_WORDS[e.channel].en})`;
  const reason =
    e.toStatus === ProposalStatus.Expired || e.toStatus === ProposalStatus.Obsolete
      ? null
      : reasonLabel(e.reason, l);
  if (reason) text += `: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  return `${text}.`;
}

export function eventModel(e: ProposalEventRow, l: Language): ProposalEventModel {
  return {
    at: e.createdAt,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: e.actor,
    actorRole: e.actorRole,
    actorName: e.actorName,
    onBehalf: e.onBehalf,
    channel: e.channel,
    answeredAt: e.answeredAt,
    reason: e.reason,
    reasonLabel: reasonLabel(e.reason, l),
    note: e.note,
    shareScopes: e.shareScopes,
    text: sentence(e, l),
  };
}
