import {
  CurrentUser,
  Lang,
  type Language,
  type Localized,
  type Page,
  type Principal,
  Public,
  Role,
  RoleGql,
  Roles,
  uuidArg,
} from '@jobbro/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  InvitationsArgs,
  InviteStaffInput,
  NotificationSettingsInput,
  RequestMagicLinkInput,
  SignInTokenInput,
  UsersArgs,
} from '../dto/people.inputs';
import { InvitationConnection, InvitationModel } from '../invitations/invitation.model';
import { InvitationService } from '../invitations/invitation.service';
import {
  AuthPayloadModel,
  MagicLinkRequestResultModel,
  UserConnection,
  UserModel,
} from '../models/user.model';
import { ClientIp } from '../throttle/client-ip';
import { MagicLinkService } from './magic-link.service';
import { StaffService } from './staff.service';

const ALL_ROLES = Object.values(Role);
/** Who sends invitations (company admins: mentors and admins; staff: companies and citizens). */
const INVITERS = [Role.Administrator, Role.JobConsultant, Role.Caseworker, Role.CompanyAdmin];

const LINK_SENT: Localized = {
  da: 'Tjek din e-mail. Har adressen en konto i Jobbro, har vi sendt et login-link til den.',
  en: 'Check your email. If the address has a Jobbro account, we have sent a sign-in link to it.',
};

/** Password-less sign-in, invitations and staff accounts. */
@Resolver()
export class PeopleResolver {
  constructor(
    private readonly links: MagicLinkService,
    private readonly invitationService: InvitationService,
    private readonly staff: StaffService,
  ) {}

  @Public()
  @Mutation(() => MagicLinkRequestResultModel, {
    description:
      'Mail a single-use sign-in link (MAGIC_LINK_TTL_MINUTES) to the address if it has an ' +
      'active account. The answer is the same for every address.',
  })
  async requestMagicLink(
    @Args('input') input: RequestMagicLinkInput,
    @Lang() language: Language,
    @ClientIp() ip: string,
  ): Promise<MagicLinkRequestResultModel> {
    await this.links.request(input.email, ip);
    return { message: LINK_SENT[language] };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description: 'Sign in with the token of a sign-in link; each link works once.',
  })
  async redeemMagicLink(
    @Args('input') input: SignInTokenInput,
    @ClientIp() ip: string,
  ): Promise<AuthPayloadModel> {
    const { user, tokens } = await this.links.redeem(input.token, ip);
    return { ...tokens, user };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Accept an invitation with the token of its link: creates the account (or links an ' +
      'existing one of the same role) and signs in. Each invitation works once.',
  })
  async acceptInvitation(
    @Args('input') input: SignInTokenInput,
    @ClientIp() ip: string,
  ): Promise<AuthPayloadModel> {
    const { user, tokens } = await this.invitationService.accept(input.token, ip);
    return { ...tokens, user };
  }

  @Roles(Role.Administrator)
  @Mutation(() => InvitationModel, {
    description:
      'Invite a colleague to your job centre (consultant, caseworker, CTI worker, admin).',
  })
  inviteStaff(
    @CurrentUser() principal: Principal,
    @Args('input') input: InviteStaffInput,
    @Lang() language: Language,
  ): Promise<InvitationModel> {
    return this.invitationService.inviteStaff(principal, input, language);
  }

  @Roles(...INVITERS)
  @Query(() => InvitationConnection, {
    description:
      'Invitations you sent (an administrator: all of the job centre; a company admin: all to ' +
      'their companies), newest first.',
  })
  invitations(
    @CurrentUser() principal: Principal,
    @Args() args: InvitationsArgs,
  ): Promise<Page<InvitationModel>> {
    return this.invitationService.list(principal, args.status, args.first, args.after);
  }

  @Roles(...INVITERS)
  @Mutation(() => InvitationModel, { description: 'Withdraw a pending invitation.' })
  revokeInvitation(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<InvitationModel> {
    return this.invitationService.revoke(principal, id);
  }

  @Roles(...INVITERS)
  @Mutation(() => InvitationModel, {
    description:
      'Mail a pending or expired invitation again: a new link and expiry; the old link stops working.',
  })
  resendInvitation(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<InvitationModel> {
    return this.invitationService.resend(principal, id);
  }

  @Roles(Role.Administrator)
  @Query(() => UserConnection, { description: 'Staff of your job centre, newest first.' })
  users(@CurrentUser() principal: Principal, @Args() args: UsersArgs): Promise<Page<UserModel>> {
    return this.staff.users(principal, args.filter, args.first, args.after);
  }

  @Roles(Role.Administrator)
  @Mutation(() => UserModel, {
    description:
      'Deactivate a colleague: their sessions end at once. Never yourself or the last admin.',
  })
  deactivateUser(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<UserModel> {
    return this.staff.deactivate(principal, id);
  }

  @Roles(Role.Administrator)
  @Mutation(() => UserModel, { description: 'Let a deactivated colleague sign in again.' })
  reactivateUser(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<UserModel> {
    return this.staff.reactivate(principal, id);
  }

  @Roles(Role.Administrator)
  @Mutation(() => UserModel, {
    description:
      "A colleague's staff role; it holds from their next request. Never yourself or the last admin.",
  })
  changeUserRole(
    @CurrentUser() principal: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
    @Args('role', { type: () => RoleGql }) role: Role,
  ): Promise<UserModel> {
    return this.staff.changeRole(principal, id, role);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => UserModel, { description: 'How reminders reach you, and your language.' })
  updateNotificationSettings(
    @CurrentUser() principal: Principal,
    @Args('input') input: NotificationSettingsInput,
  ): Promise<UserModel> {
    return this.staff.updateNotificationSettings(principal, input.mode, input.language);
  }
}
