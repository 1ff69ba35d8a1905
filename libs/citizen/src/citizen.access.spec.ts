import { Role } from '@jobbro/core';
import { mayChangeTeam, mayInviteCitizen } from './citizen.access';
import { AssignmentRole } from './citizen.enums';

const { Caseworker, Consultant, SocialSupport } = AssignmentRole;

describe('mayChangeTeam', () => {
  // role, same job centre, roles on the team, target is the caller, add/remove -> allowed
  it.each([
    [Role.Caseworker, true, [Caseworker], false, 'add', true],
    [Role.Caseworker, true, [Caseworker], false, 'remove', true],
    [Role.JobConsultant, true, [Consultant], false, 'add', true],
    [Role.JobConsultant, true, [SocialSupport], false, 'add', false],
    [Role.JobConsultant, true, [], false, 'add', false],
    [Role.Caseworker, true, [], false, 'remove', false],
    [Role.Administrator, true, [], false, 'add', true],
    [Role.Administrator, true, [], false, 'remove', true],
    [Role.Administrator, true, [], true, 'add', false],
    [Role.Administrator, true, [], true, 'remove', false],
    [Role.Administrator, true, [SocialSupport], true, 'add', false],
    [Role.Administrator, true, [SocialSupport], true, 'remove', true],
    [Role.Caseworker, true, [Caseworker], true, 'add', false],
    [Role.Caseworker, true, [SocialSupport], true, 'add', false],
    [Role.Caseworker, true, [Caseworker], true, 'remove', true],
    [Role.Administrator, false, [], false, 'add', false],
    [Role.JobConsultant, false, [Consultant], false, 'add', false],
    [Role.CompanyAdmin, true, [], false, 'add', false],
    [Role.Mentor, true, [], false, 'remove', false],
    [Role.Citizen, true, [], true, 'add', false],
  ] as const)(
    '%s (same centre %s, on team as %j), self %s, %s -> %s',
    (role, sameJobCentre, teamRoles, self, kind, allowed) => {
      expect(mayChangeTeam({ role, sameJobCentre, teamRoles, self, kind })).toBe(allowed);
    },
  );
});

describe('mayInviteCitizen (whoever accepts becomes the citizen)', () => {
  // role, same job centre, roles on the team -> allowed
  it.each([
    [Role.JobConsultant, true, [Consultant], true],
    [Role.Caseworker, true, [Caseworker], true],
    [Role.Caseworker, true, [SocialSupport, Caseworker], true],
    [Role.Caseworker, true, [], false],
    [Role.JobConsultant, true, [], false],
    [Role.Caseworker, true, [SocialSupport], false],
    [Role.SocialSupportWorker, true, [SocialSupport], false],
    [Role.JobConsultant, false, [Consultant], false],
    [Role.CompanyAdmin, true, [Consultant], false],
    [Role.Citizen, true, [], false],
  ] as const)(
    '%s (same centre %s, on team as %j) -> %s',
    (role, sameJobCentre, teamRoles, allowed) => {
      expect(mayInviteCitizen({ role, sameJobCentre, teamRoles })).toBe(allowed);
    },
  );
});
