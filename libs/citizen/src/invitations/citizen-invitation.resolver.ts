import { InvitationModel } from '@jobbro/auth';
import { CurrentUser, Lang, type Language, type Principal, Role, Roles } from '@jobbro/core';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { InviteCitizenInput } from '../dto/citizen.inputs';
import { CitizenInvitationService } from './citizen-invitation.service';

@Resolver()
export class CitizenInvitationResolver {
  constructor(private readonly invitations: CitizenInvitationService) {}

  @Roles(Role.JobConsultant, Role.Caseworker)
  @Mutation(() => InvitationModel, {
    description:
      'Invite a citizen of your job centre to their own login (to their address unless you give one).',
  })
  inviteCitizen(
    @CurrentUser() u: Principal,
    @Args('input') input: InviteCitizenInput,
    @Lang() l: Language,
  ): Promise<InvitationModel> {
    return this.invitations.inviteCitizen(u, input, l);
  }
}
