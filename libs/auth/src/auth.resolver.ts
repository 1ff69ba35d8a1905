import { CommonException, CurrentUser, type Principal, Public, Role, Roles } from '@jobbro/core';
import { createParamDecorator, type ExecutionContext, UseGuards } from '@nestjs/common';
import {
  Args,
  GqlExecutionContext,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { LoginInput, RefreshTokenInput, SignUpEmployerInput } from './dto/auth.inputs';
import { LoginGuard } from './guards';
import { AuthPayloadModel, JobCentreModel, UserModel } from './models/user.model';
import type { UserEntity } from './user.entity';

const ALL_ROLES = Object.values(Role);

/** The user entity the local strategy put on the request during `login`. */
const CurrentUserEntity = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserEntity =>
    GqlExecutionContext.create(context).getContext<{ req: { user: UserEntity } }>().req.user,
);

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

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
  @Mutation(() => AuthPayloadModel, {
    description: 'Create an employer account, then register a company.',
  })
  async signUpEmployer(@Args('input') input: SignUpEmployerInput): Promise<AuthPayloadModel> {
    const user = await this.auth.signUpEmployer(input);
    return { ...(await this.auth.issueTokens(user)), user };
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
  async jobCentre(@Parent() user: UserModel): Promise<JobCentreModel | null> {
    if (!user.jobCentreId) return null;
    const [centre] = await this.auth.findJobCentresByIds([user.jobCentreId]);
    return centre ?? null;
  }
}
