import type { Language } from '@jobbro/core';
import { type CitizenAccessDecision, mayKnowWhatIsHidden, shares } from './citizen.access';
import { ConsentScope } from './citizen.enums';
import type { CitizenRepository } from './citizen.repository';
import type { CitizenRow } from './citizen.types';
import type { CitizenModel, CitizenSummaryModel, PlanModel } from './models/citizen.models';

/**
 * A special-category value the caller may not see is dropped here and its parent marked
 * (`specialCategoryVisible: false`); the field resolvers then refuse the field with FORBIDDEN (and
 * an audit row) whether or not it held a value, so the answer says nothing about the data.
 */
const restrict = (value: string | null, allowed: boolean): string | null =>
  allowed ? value : null;

export function summaryOf(c: CitizenRow): CitizenSummaryModel {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    postalCode: c.postalCode,
    municipalityCode: c.municipalityCode,
    status: c.status,
    createdAt: c.createdAt,
  };
}

export async function planOf(
  repo: CitizenRepository,
  citizenId: string,
): Promise<PlanModel | null> {
  const plan = await repo.plan(citizenId);
  if (!plan) return null;
  return { ...plan, revisions: await repo.planRevisions(citizenId) };
}

/**
 * Assembles what this caller may see of a citizen. Special-category items are left out unless the
 * decision allows them; company users get only the scopes the citizen shared, never special data.
 */
export async function citizenView(
  repo: CitizenRepository,
  c: CitizenRow,
  d: CitizenAccessDecision,
  language: Language,
): Promise<CitizenModel> {
  const staffOrSelf = d.sharedScopes === 'all';
  const [targetGroups, team, jobGoals, needs, assessments, plan, meetings, consents] =
    await Promise.all([
      staffOrSelf ? repo.targetGroups(c.id) : [],
      staffOrSelf ? repo.assignments(c.id) : [],
      shares(d, ConsentScope.JobGoals) ? repo.jobGoals(c.id) : [],
      shares(d, ConsentScope.Needs) ? repo.needs(c.id) : null,
      shares(d, ConsentScope.Assessments) ? repo.assessments(c.id) : [],
      shares(d, ConsentScope.Plan) ? planOf(repo, c.id) : null,
      staffOrSelf ? repo.meetings(c.id) : [],
      staffOrSelf ? repo.consents(c.id) : [],
    ]);
  const special = d.specialCategory;
  // Only staff of the citizen's job centre may learn that something is hidden from them.
  const told = mayKnowWhatIsHidden(d);
  const hiddenNeeds =
    told && !!(needs?.accommodationNotes || needs?.functionalLimits || needs?.supportNeeds);
  const hiddenAssessments = told && assessments.some((a) => a.specialCategory);
  const hiddenMeetings = told && meetings.some((m) => m.notes || m.decisions);

  const profile = shares(d, ConsentScope.Profile);
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: profile ? c.email : null,
    phone: profile ? c.phone : null,
    postalCode: c.postalCode,
    municipalityCode: c.municipalityCode,
    status: c.status,
    birthDate: staffOrSelf ? c.birthDate : null,
    hasCpr: staffOrSelf && c.cprEncrypted !== null,
    version: c.version,
    targetGroups: targetGroups.map((t) => ({
      ...t,
      label: language === 'da' ? t.labelDa : t.labelEn,
    })),
    team,
    jobGoals,
    // Null until needs are recorded (accommodations are not special-category, so that says nothing).
    needs: needs && {
      accommodations: needs.accommodations,
      citizenId: c.id,
      specialCategoryVisible: special,
      accommodationNotes: restrict(needs.accommodationNotes, special),
      functionalLimits: restrict(needs.functionalLimits, special),
      supportNeeds: restrict(needs.supportNeeds, special),
    },
    assessments: assessments
      .filter((a) => special || !a.specialCategory)
      .map((a) => ({ ...a, label: language === 'da' ? a.labelDa : a.labelEn })),
    plan,
    meetings: meetings.map((m) => ({
      ...m,
      specialCategoryVisible: special,
      notes: restrict(m.notes, special),
      decisions: restrict(m.decisions, special),
    })),
    consents,
    specialCategoryHidden: hiddenNeeds || hiddenAssessments || hiddenMeetings,
    contactPreference: staffOrSelf ? c.contactPreference : null,
    hasLogin: staffOrSelf && c.userId !== null,
    scheduledMeetingsVisible: staffOrSelf,
    workProfileVisible: staffOrSelf,
  };
}
