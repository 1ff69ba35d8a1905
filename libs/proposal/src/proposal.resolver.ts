import {
  CurrentUser,
  PageArgs,
  Lang,
  type Language,
  type Page,
  type Principal,
  Role,
  Roles,
  STAFF_ROLES,
  uuidArg,
} from '@jobbro/core';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AcceptProposalInput,
  AnswerProposalInput,
  BookProposalInput,
  CompanyProposalsArgs,
  DeclineProposalInput,
  OverrideRuleWarningInput,
  ProposalRuleChecksInput,
  ProposalsArgs,
  ProposePlacementInput,
  WithdrawProposalInput,
} from './dto/proposal.inputs';
import {
  ProposalConnection,
  ProposalEventModel,
  ProposalModel,
  ProposalRuleCheckModel,
} from './models/proposal.models';
import { toRuleCheckModel } from '@jobbro/rules';
import { EmployerAnswer } from './proposal.enums';
import { type ProposalRuleCheck, ProposalService, type ProposalView } from './proposal.service';
import { eventModel, proposalModel } from './proposal.view';

const ANSWERING = [Role.Citizen, ...STAFF_ROLES];

@Resolver(() => ProposalModel)
export class ProposalResolver {
  constructor(private readonly service: ProposalService) {}

  @Roles(...STAFF_ROLES)
  @Mutation(() => ProposalModel, {
    description:
      'Propose a published partner slot to a citizen of your job centre for a period. The citizen is told and answers first; then the employer.',
  })
  async proposePlacement(
    @CurrentUser() user: Principal,
    @Args('input') input: ProposePlacementInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.propose(user, input), l);
  }

  @Roles(...ANSWERING)
  @Mutation(() => ProposalModel, {
    description:
      'The citizen says yes and chooses what the employer may see; staff record it for them with `onBehalf` (how and when).',
  })
  async acceptProposal(
    @CurrentUser() user: Principal,
    @Args('input') input: AcceptProposalInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.citizenAccept(user, input), l);
  }

  @Roles(...ANSWERING)
  @Mutation(() => ProposalModel, {
    description: 'The citizen says no, with a reason; staff record it for them with `onBehalf`.',
  })
  async declineProposal(
    @CurrentUser() user: Principal,
    @Args('input') input: DeclineProposalInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.citizenDecline(user, input), l);
  }

  @Roles(Role.CompanyAdmin)
  @Mutation(() => ProposalModel, {
    description:
      'The employer accepts or declines (with a reason, which the citizen sees only if you allow it).',
  })
  async answerProposal(
    @CurrentUser() user: Principal,
    @Args('input') input: AnswerProposalInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(
      await this.service.employerAnswer(user, {
        ...input,
        accept: input.answer === EmployerAnswer.Accept,
      }),
      l,
    );
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => ProposalModel, {
    description:
      'Hold the seat for the period once the employer has accepted. Refused with CONFLICT when the slot or its mentor has no free seat on any day of the period.',
  })
  async bookProposal(
    @CurrentUser() user: Principal,
    @Args('input') input: BookProposalInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.book(user, input), l);
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => ProposalModel, {
    description: 'Withdraw an open proposal or a booking (the seat is freed).',
  })
  async withdrawProposal(
    @CurrentUser() user: Principal,
    @Args('input') input: WithdrawProposalInput,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.withdraw(user, input), l);
  }

  @Roles(Role.Citizen, Role.CompanyAdmin, ...STAFF_ROLES)
  @Query(() => ProposalModel, { description: 'One proposal, as far as you may see it.' })
  async proposal(
    @CurrentUser() user: Principal,
    @Args('id', { type: () => ID }, uuidArg) id: string,
    @Lang() l: Language,
  ): Promise<ProposalModel> {
    return proposalModel(await this.service.proposal(user, id), l);
  }

  @Roles(...STAFF_ROLES)
  @Query(() => ProposalConnection, { description: 'Your job centre’s proposals, newest first.' })
  async proposals(
    @CurrentUser() user: Principal,
    @Args() args: ProposalsArgs,
    @Lang() l: Language,
  ): Promise<Page<ProposalModel>> {
    return this.models(await this.service.list(user, args.filter ?? {}, args.first, args.after), l);
  }

  @Roles(Role.Citizen)
  @Query(() => ProposalConnection, { description: 'The slots proposed to you.' })
  async myProposals(
    @CurrentUser() user: Principal,
    @Args() args: PageArgs,
    @Lang() l: Language,
  ): Promise<Page<ProposalModel>> {
    return this.models(await this.service.mine(user, args.first, args.after), l);
  }

  @Roles(Role.CompanyAdmin)
  @Query(() => ProposalConnection, {
    description:
      'Candidates proposed for your slots, from when the citizen said yes: only what they shared.',
  })
  async proposalsForCompany(
    @CurrentUser() user: Principal,
    @Args() args: CompanyProposalsArgs,
    @Lang() l: Language,
  ): Promise<Page<ProposalModel>> {
    return this.models(
      await this.service.forCompany(user, args.companyId, args.statuses, args.first, args.after),
      l,
    );
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [ProposalRuleCheckModel], {
    description:
      'The rules’ checks of a planned proposal, to show before proposing: blocks refuse, warnings need a reason.',
  })
  async proposalRuleChecks(
    @CurrentUser() user: Principal,
    @Args('input') input: ProposalRuleChecksInput,
    @Lang() l: Language,
  ): Promise<ProposalRuleCheckModel[]> {
    return (await this.service.previewRuleChecks(user, input)).map((c) => ruleCheckModel(c, l));
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [ProposalRuleCheckModel], {
    description:
      'The rules’ checks of a proposal at its planned dates, as they stand now, with any overrides.',
  })
  async ruleChecks(
    @CurrentUser() user: Principal,
    @Args('proposalId', { type: () => ID }, uuidArg) proposalId: string,
    @Lang() l: Language,
  ): Promise<ProposalRuleCheckModel[]> {
    return (await this.service.ruleChecks(user, proposalId)).map((c) => ruleCheckModel(c, l));
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => [ProposalRuleCheckModel], {
    description:
      'Go past a warning of the rules with a recorded reason (never a block); booking then proceeds.',
  })
  async overrideRuleWarning(
    @CurrentUser() user: Principal,
    @Args('input') input: OverrideRuleWarningInput,
    @Lang() l: Language,
  ): Promise<ProposalRuleCheckModel[]> {
    return (await this.service.overrideRuleWarning(user, input)).map((c) => ruleCheckModel(c, l));
  }

  @ResolveField(() => [ProposalEventModel], {
    description: 'Every step, as far as you may see it.',
  })
  async history(
    @Parent() proposal: ProposalModel,
    @Lang() l: Language,
  ): Promise<ProposalEventModel[]> {
    const events = await this.service.history({
      row: { id: proposal.id },
      viewer: proposal.viewer,
    } as ProposalView);
    return events.map((e) => eventModel(e, l));
  }

  private models(page: Page<ProposalView>, l: Language): Page<ProposalModel> {
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: proposalModel(e.node, l) })),
    };
  }
}

const ruleCheckModel = (c: ProposalRuleCheck, l: Language): ProposalRuleCheckModel => ({
  ...toRuleCheckModel(c, l),
  overrideReason: c.override?.reason ?? null,
  overriddenBy: c.override?.byName ?? null,
  overriddenAt: c.override?.at ?? null,
});
