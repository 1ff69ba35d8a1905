import {
  CurrentUser,
  GraphQLDate,
  Lang,
  type Language,
  type Principal,
  Role,
  Roles,
  STAFF_ROLES,
  todayInDenmark,
} from '@jobbro/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RecordHeadcountInput } from './dto/record-headcount.input';
import { HeadcountService } from './headcount.service';
import {
  HeadcountModel,
  LegalRuleModel,
  toHeadcountModel,
  toLegalRuleModel,
} from './models/rules.models';
import { RuleCheckService } from './rule-check.service';

@Resolver()
export class RulesResolver {
  constructor(
    private readonly checks: RuleCheckService,
    private readonly headcounts: HeadcountService,
  ) {}

  // Caseworkers too: they approve offers and should read the rules they are checked against.
  @Roles(...STAFF_ROLES)
  @Query(() => [LegalRuleModel], {
    description:
      'The rules in force on a date (default: today in Denmark), with their numbers and sources.',
  })
  async legalRules(
    @Lang() language: Language,
    @Args('at', { type: () => GraphQLDate, nullable: true }) at?: string | null,
  ): Promise<LegalRuleModel[]> {
    const rules = await this.checks.rulesInForce(at ?? todayInDenmark());
    return rules.map((r) => toLegalRuleModel(r, language));
  }

  @Roles(Role.CompanyAdmin, Role.JobConsultant)
  @Mutation(() => HeadcountModel, {
    description:
      'Record ordinary employees (FTE) of a company or one of its sites as of a date: its ' +
      'administrator, or a consultant of a partner job centre.',
  })
  async recordHeadcount(
    @CurrentUser() user: Principal,
    @Args('input') input: RecordHeadcountInput,
  ): Promise<HeadcountModel> {
    return toHeadcountModel(await this.headcounts.recordHeadcount(user, input));
  }
}
