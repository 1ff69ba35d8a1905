import { type InvitationModel, type InvitationRecord, InvitationService } from '@jobbro/auth';
import { type Language, type Principal, Role } from '@jobbro/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitizenAccess } from '../citizen.access';
import { CitizenStatus, ContactPreference } from '../citizen.enums';
import { CitizenException } from '../citizen.exception';
import { CitizenRepository } from '../citizen.repository';
import { CitizenService } from '../citizen.service';
import type { CitizenRow } from '../citizen.types';
import type { InviteCitizenInput } from '../dto/citizen.inputs';

/**
 * A citizen's own login. Staff of the citizen's job centre (a consultant or caseworker; the role
 * guard keeps others out) invite the citizen to the address they give or the citizen's own; the
 * access check reads the citizen's personal data and is audited like any other read, allowed or
 * refused. The invitation is a mail to the citizen, so it needs e-mail as their contact
 * preference like every other. Accepting the invitation links the new user to exactly that citizen, in the acceptance
 * transaction: refused (and rolled back) if the citizen got a login meanwhile, was closed, moved
 * to another job centre, or the accepting user already is another citizen.
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
    await this.access.check(principal, found, 'inviteCitizen', 'write', 'create');
    return this.citizens.transaction(async (m) => {
      const citizen = (await this.citizens.lockCitizen(m, found.id)) as CitizenRow;
      this.requireInvitable(citizen);
      // The invitation is a mail to the citizen like any other: only with e-mail as their contact.
      if (citizen.contactPreference !== ContactPreference.Email)
        throw new CitizenException('CITIZEN_NO_EMAIL_CONTACT');
      const email = input.email ?? citizen.email;
      if (!email) {
        throw new CitizenException('CITIZEN_EMAIL_MISSING', {}, [
          {
            field: 'email',
            constraint: 'required',
            message: { da: 'Angiv en e-mailadresse.', en: 'Give an email address.' },
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
    if (!(await this.citizens.linkUser(m, citizen.id, userId)))
      throw new CitizenException('USER_IS_ANOTHER_CITIZEN');
  }

  private requireInvitable(citizen: CitizenRow): void {
    if (citizen.userId) throw new CitizenException('CITIZEN_HAS_LOGIN');
    if (citizen.status === CitizenStatus.Closed) throw new CitizenException('CITIZEN_CLOSED');
  }
}
