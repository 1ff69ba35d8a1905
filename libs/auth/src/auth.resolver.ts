import {
  byIds,
  CommonException,
  CurrentUser,
  Lang,
  type Language,
  type Localized,
  type Principal,
  Public,
  Role,
  requestLoader,
  Roles,
} from '@jobbro/core';
import { createParamDecorator, type ExecutionContext, UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  GqlExecutionContext,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AuthService } from './auth.service';
import {
  ConfirmEmployerSignUpInput,
  LoginInput,
  RefreshTokenInput,
  SignUpEmployerInput,
} from './dto/auth.inputs';
import { LoginGuard } from './guards';
import {
  AuthPayloadModel,
  JobCentreModel,
  SignUpEmployerResultModel,
  UserModel,
} from './models/user.model';
import { SignUpService } from './sign-up.service';
import type { UserEntity } from './user.entity';
import { ClientIp } from './throttle/client-ip';

const ALL_ROLES = Object.values(Role);

const CHECK_YOUR_MAIL: Localized = {
  da: 'Tjek din e-mail. Vi har sendt en besked til adressen om, hvordan du kommer videre.',
  en: 'Check your email. We have sent a message to the address about what to do next.',
};

/** The user entity the local strategy put on the request during `login`. */
const CurrentUserEntity = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserEntity =>
    GqlExecutionContext.create(context).getContext<{ req: { user: UserEntity } }>().req.user,
);

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly signUp: SignUpService,
  ) {}

  @Public()
  @UseGuards(LoginGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Sign in with email and password.' })
  async login(
    @Args('input') _input: LoginInput,
    @CurrentUserEntity() user: UserEntity,
  ): Promise<AuthPayloadModel> {
    return { ...(await this.auth.issueTokens(user)), user };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Trade a refresh token for a new token pair.' })
  async refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayloadModel> {
    const { user, tokens } = await this.auth.refresh(input.refreshToken);
    return { ...tokens, user };
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Revoke a refresh token (and the session it belongs to).',
  })
  async logout(@Args('input') input: RefreshTokenInput): Promise<boolean> {
    await this.auth.logout(input.refreshToken);
    return true;
  }

  @Public()
  @Mutation(() => SignUpEmployerResultModel, {
    description:
      'Ask for an employer account. The answer is always the same; a mail to the address says ' +
      'what happened (a link to confirmEmployerSignUp for a new address).',
  })
  async signUpEmployer(
    @Args('input') input: SignUpEmployerInput,
    @Lang() language: Language,
    @ClientIp() ip: string,
  ): Promise<SignUpEmployerResultModel> {
    await this.signUp.requestSignUp(input, language, ip);
    return { message: CHECK_YOUR_MAIL[language] };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description: 'Create the employer account from the sign-up mail’s link, and sign in.',
  })
  async confirmEmployerSignUp(
    @Args('input') input: ConfirmEmployerSignUpInput,
  ): Promise<AuthPayloadModel> {
    const { user, tokens } = await this.signUp.confirm(input.token);
    return { ...tokens, user };
  }

  @Roles(...ALL_ROLES)
  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentUser() principal: Principal): Promise<UserModel> {
    const user = await this.auth.findUser(principal.userId);
    if (!user || user.disabledAt) throw new CommonException('UNAUTHENTICATED');
    return user;
  }

  @Roles(...ALL_ROLES)
  @Query(() => [JobCentreModel], {
    description: 'All job centres, e.g. to propose a partnership to.',
  })
  jobCentres(): Promise<JobCentreModel[]> {
    return this.auth.listJobCentres();
  }

  @ResolveField(() => JobCentreModel, { nullable: true })
  async jobCentre(
    @Parent() user: UserModel,
    @Context() ctx: object,
  ): Promise<JobCentreModel | null> {
    if (!user.jobCentreId) return null;
    // Batched per request: a page of users looks their job centres up in one query.
    return requestLoader(ctx, 'jobCentre', async (ids: readonly string[]) =>
      byIds(ids, await this.auth.findJobCentresByIds(ids), (c) => c.id),
    ).load(user.jobCentreId);
  }
}
