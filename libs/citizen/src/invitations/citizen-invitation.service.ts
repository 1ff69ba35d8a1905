import { type InvitationModel, type InvitationRecord, InvitationService } from '@jobbro/auth';
import { type Language, type Principal, Role } from '@jobbro/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitizenAccess, mayInviteCitizen } from '../citizen.access';
import { CitizenStatus, ContactPreference } from '../citizen.enums';
import { CitizenException } from '../citizen.exception';
import { CitizenRepository } from '../citizen.repository';
import { CitizenService } from '../citizen.service';
import type { CitizenRow } from '../citizen.types';
import type { InviteCitizenInput } from '../dto/citizen.inputs';

/**
 * A citizen's own login. Only staff who coordinate the citizen's team (on it as caseworker or
 * consultant: `mayInviteCitizen`) may invite the citizen, and only to the address on record:
 * whoever accepts becomes the citizen, so there is no argument for another address (changing the
 * address is updateCitizen, audited like any change). The access check is audited like any other,
 * allowed or refused. The invitation is a mail to the citizen, so it needs e-mail as their contact
 * preference like every other. Accepting the invitation links the new user to exactly that
 * citizen, in the acceptance transaction: refused (and rolled back) if the citizen got a login
 * meanwhile, was closed, moved to another job centre, the accepting user already is another
 * citizen, or the inviter may no longer invite (left the team, lost the coordinating role, was
 * deactivated or moved), checked under row locks on the citizen, the inviter and their team rows.
 */
@Injectable()
export class CitizenInvitationService implements OnModuleInit {
  constructor(
    private readonly invitations: InvitationService,
    private readonly citizens: CitizenRepository,
    private readonly profiles: CitizenService,
    private readonly access: CitizenAccess,
  ) {}

  onModuleInit(): void {
    this.invitations.registerAcceptor('citizen', (m, invitation, userId) =>
      this.accept(m, invitation, userId),
    );
  }

  async inviteCitizen(
    principal: Principal,
    input: InviteCitizenInput,
    language: Language,
  ): Promise<InvitationModel> {
    const found = await this.profiles.requireCitizen(input.citizenId);
    await this.access.checkInvite(principal, found);
    return this.citizens.transaction(async (m) => {
      const citizen = (await this.citizens.lockCitizen(m, found.id)) as CitizenRow;
      this.requireInvitable(citizen);
      // The invitation is a mail to the citizen like any other: only with e-mail as their contact.
      if (citizen.contactPreference !== ContactPreference.Email)
        throw new CitizenException('CITIZEN_NO_EMAIL_CONTACT');
      // Only the address on record: whoever accepts becomes this citizen.
      const email = citizen.email;
      if (!email) {
        throw new CitizenException('CITIZEN_EMAIL_MISSING', {}, [
          {
            field: 'email',
            constraint: 'required',
            message: {
              da: 'Borgeren har ingen e-mailadresse.',
              en: 'The citizen has no email address.',
            },
          },
        ]);
      }
      return this.invitations.create(m, {
        kind: 'citizen',
        email,
        displayName: `${citizen.firstName} ${citizen.lastName}`,
        role: Role.Citizen,
        language,
        jobCentreId: citizen.jobCentreId,
        companyId: null,
        companyCvr: null,
        subjectId: citizen.id,
        invitedBy: principal,
      });
    });
  }

  /** Runs inside the acceptance transaction; throwing rolls the acceptance back. */
  private async accept(
    m: EntityManager,
    invitation: InvitationRecord,
    userId: string,
  ): Promise<void> {
    const citizen = invitation.subjectId
      ? await this.citizens.lockCitizen(m, invitation.subjectId)
      : null;
    if (!citizen || citizen.jobCentreId !== invitation.jobCentreId)
      throw new CitizenException('CITIZEN_NOT_FOUND');
    this.requireInvitable(citizen);
    // The inviter must still be allowed to hand out this citizen's login (locked to commit).
    const inviter = await this.citizens.lockInviter(
      m,
      citizen.id,
      citizen.jobCentreId,
      invitation.invitedBy,
    );
    if (
      !inviter ||
      !mayInviteCitizen({ role: inviter.role, sameJobCentre: true, teamRoles: inviter.teamRoles })
    )
      throw new CitizenException('CITIZEN_INVITER_GONE');
    if (!(await this.citizens.linkUser(m, citizen.id, userId)))
      throw new CitizenException('USER_IS_ANOTHER_CITIZEN');
  }

  private requireInvitable(citizen: CitizenRow): void {
    if (citizen.userId) throw new CitizenException('CITIZEN_HAS_LOGIN');
    if (citizen.status === CitizenStatus.Closed) throw new CitizenException('CITIZEN_CLOSED');
  }
}
