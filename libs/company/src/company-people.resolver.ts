import { InvitationModel } from '@jobbro/auth';
import {
  CurrentUser,
  Lang,
  type Language,
  type Principal,
  Role,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CompanyPeopleService } from './company-people.service';
import { AddCompanyAdminInput, InviteCompanyUserInput } from './dto/company.inputs';
import { CompanyModel, CompanyRegistrationInviteModel } from './models/company.models';

@Resolver()
export class CompanyPeopleResolver {
  constructor(private readonly people: CompanyPeopleService) {}

  @Roles(Role.Administrator, Role.JobConsultant, Role.CompanyAdmin)
  @Mutation(() => InvitationModel, {
    description:
      'Invite a company admin (staff: for a partner company, or a new company with its CVR ' +
      'optionally prefilled; company admin: for your company) or one of your company’s mentors.',
  })
  inviteCompanyUser(
    @CurrentUser() user: Principal,
    @Args('input') input: InviteCompanyUserInput,
    @Lang() language: Language,
  ): Promise<InvitationModel> {
    return this.people.inviteCompanyUser(user, input, language);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => InvitationModel, {
    description:
      'Invite a second administrator of your company. The answer is the same whether or not the ' +
      'address has an account; accepting the invitation makes them an administrator.',
  })
  addCompanyAdmin(
    @CurrentUser() user: Principal,
    @Args('input') input: AddCompanyAdminInput,
    @Lang() language: Language,
  ): Promise<InvitationModel> {
    return this.people.addCompanyAdmin(user, input.companyId, {
      email: input.email,
      displayName: input.displayName,
      language: input.language ?? language,
    });
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => CompanyModel, {
    description: 'Remove an administrator (yourself too); never the last one.',
  })
  removeCompanyAdmin(
    @CurrentUser() user: Principal,
    @Args('companyId', { type: () => ID }, uuidArg) companyId: string,
    @Args('userId', { type: () => ID }, uuidArg) userId: string,
  ): Promise<CompanyModel> {
    return this.people.removeCompanyAdmin(user, companyId, userId);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => InvitationModel, {
    description: 'Mail one of your mentors an invitation to sign in (again: resendInvitation).',
  })
  inviteMentor(
    @CurrentUser() user: Principal,
    @Args('mentorId', { type: () => ID }, uuidArg) mentorId: string,
    @Lang() language: Language,
  ): Promise<InvitationModel> {
    return this.people.inviteMentor(user, mentorId, language);
  }

  @Roles(Role.CompanyAdmin)
  @Query(() => CompanyRegistrationInviteModel, {
    nullable: true,
    description:
      'The job centre that invited you to register your company (and the CVR it suggested), ' +
      'until you register one: registering that CVR starts an active partnership with it, ' +
      'another CVR a partnership it proposes for you to accept.',
  })
  companyRegistrationInvite(
    @CurrentUser() user: Principal,
  ): Promise<CompanyRegistrationInviteModel | null> {
    return this.people.registrationInvite(user);
  }
}
