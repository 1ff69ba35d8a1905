/**
 * What one field costs to answer, in rough units of work: a plain field read is 1, a database
 * lookup by id about 5, a page of rows about 20, a full-text search about 50 and a ranking of
 * candidates (search or match) about 200. A field with a `first` argument also pays `first` times
 * what is asked of each item (see query-cost.ts).
 *
 * Every Query and Mutation field has an entry, so a new operation cannot go live without someone
 * deciding its cost (field-costs.spec.ts fails otherwise). Fields of other types cost 1 unless
 * listed here.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.accommodationCatalogue': 5,
  'Query.assessmentDimensions': 5,
  'Query.citizen': 10,
  'Query.citizens': 20,
  // Decrypts each listed message's address (up to 100).
  'Query.deadLetterMessages': 50,
  'Query.company': 5,
  'Query.companyRegistrationInvite': 5,
  'Query.explainMatch': 100,
  'Query.exportCitizenData': 200,
  'Query.followUpsDue': 50,
  'Query.jobCentrePartnerships': 20,
  'Query.jobCentres': 5,
  'Query.matchCitizensForPlacement': 200,
  'Query.matchPlacementsForCitizen': 200,
  'Query.me': 1,
  'Query.myAccessLog': 20,
  'Query.myCompanies': 5,
  'Query.myPlan': 5,
  'Query.myProfile': 5,
  'Query.occupations': 50,
  'Query.placement': 5,
  'Query.placements': 20,
  'Query.placementTypeCatalogue': 5,
  'Query.postalCode': 1,
  'Query.requirementCatalogue': 5,
  'Query.searchPlacements': 200,
  'Query.sharedCitizens': 20,
  'Query.targetGroups': 5,
  // People: a page of invitations or of staff users.
  'Query.invitations': 20,
  'Query.users': 20,

  // Password hashing is deliberately slow: sign-in and sign-up cost like a search.
  'Mutation.login': 200,
  'Mutation.signUpEmployer': 200,
  'Mutation.confirmEmployerSignUp': 200,
  'Mutation.refreshToken': 20,
  'Mutation.logout': 10,
  // People: sign-in by link and invitations (a row and a mail, or a token redeemed and a session
  // started, in one transaction); requestMagicLink answers no sooner than 150 ms on purpose.
  'Mutation.requestMagicLink': 200,
  'Mutation.redeemMagicLink': 50,
  'Mutation.acceptInvitation': 50,
  'Mutation.inviteStaff': 20,
  'Mutation.revokeInvitation': 20,
  'Mutation.resendInvitation': 20,
  'Mutation.deactivateUser': 20,
  'Mutation.reactivateUser': 20,
  'Mutation.changeUserRole': 20,
  'Mutation.updateNotificationSettings': 10,
  'Mutation.addJobGoal': 20,
  'Mutation.addMentor': 20,
  // Company editing and people (an invitation writes a row and a mail in one transaction).
  'Mutation.updateSite': 20,
  'Mutation.removeSite': 20,
  'Mutation.updateMentor': 20,
  'Mutation.deactivateMentor': 20,
  'Mutation.inviteCompanyUser': 20,
  'Mutation.addCompanyAdmin': 20,
  'Mutation.removeCompanyAdmin': 20,
  'Mutation.inviteMentor': 20,
  'Mutation.addTeamMember': 20,
  'Mutation.changePartnershipStatus': 20,
  'Mutation.closePlacement': 20,
  'Mutation.createCitizen': 20,
  'Mutation.createPlacement': 20,
  'Mutation.createSite': 20,
  'Mutation.grantConsent': 20,
  'Mutation.pausePlacement': 20,
  'Mutation.proposePartnership': 20,
  'Mutation.publishPlacement': 20,
  'Mutation.recordAssessment': 20,
  'Mutation.recordMeeting': 20,
  'Mutation.registerCompany': 20,
  // Rebuilds the whole search index.
  'Mutation.reindexPlacements': 900,
  'Mutation.removeTeamMember': 20,
  'Mutation.resendMessage': 20,
  'Mutation.setTargetGroup': 20,
  'Mutation.updateCitizen': 20,
  'Mutation.updateCompany': 20,
  'Mutation.updateJobGoal': 20,
  'Mutation.updateNeeds': 20,
  'Mutation.updatePlacement': 20,
  'Mutation.updatePlan': 20,
  'Mutation.withdrawConsent': 20,
  // Citizen: planned meetings (a row and a mail per participant, in one transaction), invitation.
  'Mutation.scheduleMeeting': 20,
  'Mutation.rescheduleMeeting': 20,
  'Mutation.cancelMeeting': 20,
  'Mutation.inviteCitizen': 20,
  'Mutation.setMyContactPreference': 20,
  // Citizen work profile: one audited write each.
  'Mutation.recordQualification': 20,
  'Mutation.removeQualification': 20,
  'Mutation.setAvailability': 20,
  'Mutation.recordEmployment': 20,
  'Mutation.updateEmployment': 20,
  'Mutation.removeEmployment': 20,
  'Mutation.recordNoEmployment': 20,
  'Mutation.removeNoEmployment': 20,
  // The dated rules: the rows in force (a small table), a headcount written.
  'Query.legalRules': 5,
  'Mutation.recordHeadcount': 20,
  // Proposals: a transition locks and writes history and mail; propose and book also read the
  // rules' facts (book under the slot's, site's and mentor's locks). A page of proposals is one
  // query (each proposal's history one more, at the default cost of a field).
  'Query.proposal': 10,
  'Query.proposals': 20,
  'Query.myProposals': 20,
  'Query.proposalsForCompany': 20,
  'Query.proposalRuleChecks': 20,
  'Query.ruleChecks': 20,
  'Mutation.proposePlacement': 30,
  'Mutation.acceptProposal': 20,
  'Mutation.declineProposal': 20,
  'Mutation.answerProposal': 20,
  'Mutation.bookProposal': 30,
  'Mutation.withdrawProposal': 20,
  'Mutation.overrideRuleWarning': 20,
  // A lookup of the citizen's planned meetings with their participants.
  'Citizen.scheduledMeetings': 5,
  // A user's job centre, batched per request (one query for a page of users).
  'User.jobCentre': 2,
};

/** The cost of `Type.field` itself (without what is selected below it). */
export function fieldCost(typeName: string, fieldName: string): number {
  return FIELD_COSTS[`${typeName}.${fieldName}`] ?? 1;
}
