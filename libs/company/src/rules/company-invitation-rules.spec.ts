import { Role } from '@jobbro/core';
import { type CompanyInvitationRequest, planCompanyInvitation } from './company-invitation-rules';

const COMPANY = '11111111-1111-4111-8111-111111111111';
const MENTOR = '22222222-2222-4222-8222-222222222222';
const VALID_CVR = '10150817';
const person = { email: 'a@example.dk', displayName: 'Anna' };
const admin = (extra: Partial<CompanyInvitationRequest> = {}): CompanyInvitationRequest => ({
  role: 'company_admin',
  ...person,
  ...extra,
});

describe('planCompanyInvitation', () => {
  it.each([
    // inviter, request -> plan kind (and what it carries)
    [Role.CompanyAdmin, { role: 'mentor', mentorId: MENTOR }, { kind: 'mentor', mentorId: MENTOR }],
    [Role.JobConsultant, { role: 'mentor', mentorId: MENTOR }, { kind: 'mentor' }],
    [Role.CompanyAdmin, admin({ companyId: COMPANY }), { kind: 'adminOfCompany', side: 'company' }],
    [
      Role.JobConsultant,
      admin({ companyId: COMPANY }),
      { kind: 'adminOfCompany', side: 'job_centre' },
    ],
    [
      Role.Administrator,
      admin({ companyId: COMPANY }),
      { kind: 'adminOfCompany', side: 'job_centre' },
    ],
    [Role.JobConsultant, admin(), { kind: 'adminOfNewCompany', cvr: null }],
    [
      Role.JobConsultant,
      admin({ companyCvr: 'DK 1015 0817' }),
      { kind: 'adminOfNewCompany', cvr: VALID_CVR },
    ],
    [Role.Caseworker, admin({ companyId: COMPANY }), { kind: 'forbidden' }],
    [Role.SocialSupportWorker, admin(), { kind: 'forbidden' }],
    [Role.Mentor, admin({ companyId: COMPANY }), { kind: 'forbidden' }],
    [Role.Citizen, admin(), { kind: 'forbidden' }],
  ] as const)('%s inviting %j -> %j', (inviter, request, plan) => {
    expect(planCompanyInvitation(inviter, request as CompanyInvitationRequest)).toMatchObject(plan);
  });

  it.each([
    // inviter, request -> refused fields
    [Role.CompanyAdmin, { role: 'mentor' }, ['mentorId']],
    [Role.CompanyAdmin, { role: 'mentor', mentorId: MENTOR, ...person }, ['email', 'displayName']],
    [
      Role.CompanyAdmin,
      { role: 'mentor', mentorId: MENTOR, companyCvr: VALID_CVR },
      ['companyCvr'],
    ],
    [Role.CompanyAdmin, admin(), ['companyId']],
    [Role.CompanyAdmin, admin({ companyId: COMPANY, companyCvr: VALID_CVR }), ['companyCvr']],
    [Role.CompanyAdmin, admin({ companyId: COMPANY, mentorId: MENTOR }), ['mentorId']],
    [Role.JobConsultant, admin({ companyId: COMPANY, companyCvr: VALID_CVR }), ['companyCvr']],
    [Role.JobConsultant, { role: 'company_admin', displayName: ' ' }, ['email', 'displayName']],
  ] as const)('%s inviting %j is refused on %j', (inviter, request, fields) => {
    const plan = planCompanyInvitation(inviter, request);
    expect(plan.kind).toBe('invalid');
    if (plan.kind === 'invalid') {
      expect(plan.code).toBe('INVITATION_INVALID');
      expect(plan.problems.map((p) => p.field)).toEqual(fields);
    }
  });

  it('refuses an invalid CVR for a new company, naming the field', () => {
    expect(
      planCompanyInvitation(Role.JobConsultant, admin({ companyCvr: '12345678' })),
    ).toMatchObject({
      kind: 'invalid',
      code: 'INVALID_CVR',
      problems: [{ field: 'companyCvr', constraint: 'cvr' }],
    });
  });
});
