import { type FieldProblem, Role } from '@jobbro/core';
import { isValidCvr, normalizeCvr } from './cvr';

/** What an `inviteCompanyUser` call asks for, as the rules read it. */
export interface CompanyInvitationRequest {
  role: 'company_admin' | 'mentor';
  email?: string | null;
  displayName?: string | null;
  companyId?: string | null;
  companyCvr?: string | null;
  mentorId?: string | null;
}

/**
 * Who may invite whom, before anything is looked up:
 * - a mentor invitation names the mentor (only a company admin of the mentor's company sends it;
 *   name and address come from the mentor row);
 * - a company admin invites a second admin of a company they administer (companyId, no CVR);
 * - a job consultant or administrator invites a company admin for a partner company (companyId)
 *   or for a new company (no companyId, an optional valid CVR);
 * - a caseworker, a social-support worker, a mentor or a citizen invites nobody.
 * Access to the company or mentor is checked afterwards (NOT_FOUND before FORBIDDEN).
 */
export type CompanyInvitationPlan =
  | { kind: 'mentor'; mentorId: string }
  | { kind: 'adminOfCompany'; companyId: string; side: 'company' | 'job_centre' }
  | { kind: 'adminOfNewCompany'; cvr: string | null }
  | { kind: 'invalid'; code: 'INVITATION_INVALID' | 'INVALID_CVR'; problems: FieldProblem[] }
  | { kind: 'forbidden' };

const problem = (field: string, constraint: string, da: string, en: string): FieldProblem => ({
  field,
  constraint,
  message: { da, en },
});

const given = (v: string | null | undefined): v is string => v !== undefined && v !== null;

export function planCompanyInvitation(
  inviter: Role,
  request: CompanyInvitationRequest,
): CompanyInvitationPlan {
  if (request.role === 'mentor') {
    const extra = (['email', 'displayName', 'companyId', 'companyCvr'] as const).filter((f) =>
      given(request[f]),
    );
    const problems = [
      ...(given(request.mentorId)
        ? []
        : [problem('mentorId', 'required', 'Vælg mentoren.', 'Choose the mentor.')]),
      ...extra.map((f) =>
        problem(
          f,
          'invitation',
          'Gives ikke for en mentor: navn og adresse kommer fra mentoren.',
          'Not for a mentor: name and address come from the mentor.',
        ),
      ),
    ];
    if (problems.length) return { kind: 'invalid', code: 'INVITATION_INVALID', problems };
    return { kind: 'mentor', mentorId: request.mentorId! };
  }

  const problems = [
    ...(['email', 'displayName'] as const)
      .filter((f) => !given(request[f]) || request[f].trim() === '')
      .map((f) => problem(f, 'required', 'Skal udfyldes.', 'Required.')),
    ...(given(request.mentorId)
      ? [problem('mentorId', 'invitation', 'Kun for en mentor.', 'Only for a mentor.')]
      : []),
  ];
  if (inviter === Role.CompanyAdmin) {
    if (!given(request.companyId))
      problems.push(problem('companyId', 'required', 'Vælg virksomheden.', 'Choose the company.'));
    if (given(request.companyCvr))
      problems.push(
        problem(
          'companyCvr',
          'invitation',
          'Kun når et jobcenter inviterer til en ny virksomhed.',
          'Only when a job centre invites for a new company.',
        ),
      );
    if (problems.length) return { kind: 'invalid', code: 'INVITATION_INVALID', problems };
    return { kind: 'adminOfCompany', companyId: request.companyId!, side: 'company' };
  }
  if (inviter !== Role.JobConsultant && inviter !== Role.Administrator)
    return { kind: 'forbidden' };
  if (given(request.companyId) && given(request.companyCvr))
    problems.push(
      problem(
        'companyCvr',
        'invitation',
        'Kun for en ny virksomhed (uden companyId).',
        'Only for a new company (without companyId).',
      ),
    );
  if (problems.length) return { kind: 'invalid', code: 'INVITATION_INVALID', problems };
  if (given(request.companyId))
    return { kind: 'adminOfCompany', companyId: request.companyId, side: 'job_centre' };
  const cvr = given(request.companyCvr) ? normalizeCvr(request.companyCvr) : null;
  if (cvr !== null && !isValidCvr(cvr)) {
    return {
      kind: 'invalid',
      code: 'INVALID_CVR',
      problems: [
        problem(
          'companyCvr',
          'cvr',
          'Ugyldigt CVR-nummer (8 cifre, modulus 11).',
          'Invalid CVR number (8 digits, modulus 11).',
        ),
      ],
    };
  }
  return { kind: 'adminOfNewCompany', cvr };
}
