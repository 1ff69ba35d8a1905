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
      'Invite a citizen whose team you coordinate (caseworker or consultant on it) to their own login, at the address on record.',
  })
  inviteCitizen(
    @CurrentUser() u: Principal,
    @Args('input') input: InviteCitizenInput,
    @Lang() l: Language,
  ): Promise<InvitationModel> {
    return this.invitations.inviteCitizen(u, input, l);
  }
}
