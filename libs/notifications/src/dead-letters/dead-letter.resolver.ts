import { CurrentUser, type Principal, Role, Roles, uuidArg } from '@jobbro/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DeadLetterArgs, DeadLetterMessageModel } from './dead-letter.models';
import { DeadLetterService } from './dead-letter.service';

@Resolver(() => DeadLetterMessageModel)
export class DeadLetterResolver {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Roles(Role.Administrator)
  @Query(() => [DeadLetterMessageModel], {
    description:
      'Messages that could not be delivered: those of your job centre and those that belong to ' +
      'no job centre (e.g. employer sign-ups; every administrator sees and may resend these, ' +
      'with the recipient masked: first letter and domain), newest failure first.',
  })
  deadLetterMessages(
    @CurrentUser() u: Principal,
    @Args() args: DeadLetterArgs,
  ): Promise<DeadLetterMessageModel[]> {
    return this.deadLetters.list(u, args.first);
  }

  @Roles(Role.Administrator)
  @Mutation(() => DeadLetterMessageModel, {
    description:
      'Puts a dead letter back in the queue (one of your job centre, or one that belongs to no ' +
      'job centre); it is sent again within seconds.',
  })
  resendMessage(
    @CurrentUser() u: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
  ): Promise<DeadLetterMessageModel> {
    return this.deadLetters.resend(u, id);
  }
}
