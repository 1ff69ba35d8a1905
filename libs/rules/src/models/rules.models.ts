import { CompanySector, CompanySectorGql } from '@jobbro/company';
import { GraphQLDate, graphqlEnum, type Language } from '@jobbro/core';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { describeRule, ruleDefinition } from '../rules/evaluate';
import {
  type LegalRule,
  RULE_CODES,
  type RuleCheck,
  type RuleCode,
  type RuleSeverity,
} from '../rules/rule-types';
import type { HeadcountRow } from '../rules.repository';

export const LegalRuleCodeGql = graphqlEnum(
  Object.fromEntries(RULE_CODES.map((c) => [c, c])),
  'LegalRuleCode',
  'A rule the system checks when a placement is proposed or booked.',
);
export const RuleSeverityGql = graphqlEnum(
  { Block: 'block', Warning: 'warning' },
  'RuleSeverity',
  'BLOCK cannot be overridden; WARNING can, with a recorded reason.',
);

@ObjectType('RuleNumber', { description: 'One number a rule or a check names.' })
export class RuleNumberModel {
  @Field() name!: string;
  @Field() value!: string;
}

const numbersOf = (numbers: Record<string, unknown>): RuleNumberModel[] =>
  Object.entries(numbers).map(([name, value]) => ({
    name,
    value: Array.isArray(value) ? value.join(',') : String(value),
  }));

@ObjectType('RuleCheck', {
  description:
    'One rule checked against a planned placement: passed or not, how serious, why (naming the ' +
    'numbers) and the source. A rule without a row in force, or needing an unknown fact, is a ' +
    'WARNING that says what to record.',
})
export class RuleCheckModel {
  @Field(() => LegalRuleCodeGql) rule!: RuleCode;
  @Field({ description: 'The rule’s name, in the caller’s language.' }) name!: string;
  @Field(() => RuleSeverityGql) severity!: RuleSeverity;
  @Field() passed!: boolean;
  @Field({ description: 'In the caller’s language.' }) message!: string;
  @Field(() => [RuleNumberModel]) numbers!: RuleNumberModel[];
  @Field({ description: 'The act and paragraph, in the caller’s language.' }) source!: string;
  @Field(() => GraphQLDate, { nullable: true }) validFrom!: string | null;
  @Field(() => GraphQLDate, { nullable: true }) validTo!: string | null;
}

/** A check as the API shows it, in the caller's language. */
export const toRuleCheckModel = (check: RuleCheck, language: Language): RuleCheckModel => ({
  rule: check.rule,
  name: ruleDefinition(check.rule).name[language],
  severity: check.severity,
  passed: check.passed,
  message: check.message[language],
  numbers: numbersOf(check.numbers),
  source: check.source[language],
  validFrom: check.validFrom,
  validTo: check.validTo,
});

@ObjectType('LegalRule', { description: 'A rule’s numbers for a scope and a period.' })
export class LegalRuleModel {
  @Field(() => ID) id!: string;
  @Field(() => LegalRuleCodeGql) code!: RuleCode;
  @Field({ description: 'The rule’s name, in the caller’s language.' }) name!: string;
  @Field({ description: 'The rule with its numbers, in words.' }) summary!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The target group the row is for; null: every group without a row of its own.',
  })
  targetGroup!: string | null;
  @Field(() => CompanySectorGql, { nullable: true, description: 'null: both sectors.' })
  sector!: CompanySector | null;
  @Field(() => RuleSeverityGql) severity!: RuleSeverity;
  @Field(() => [RuleNumberModel]) numbers!: RuleNumberModel[];
  @Field() source!: string;
  @Field(() => GraphQLDate) validFrom!: string;
  @Field(() => GraphQLDate, { nullable: true }) validTo!: string | null;
}

export function toLegalRuleModel(rule: LegalRule, language: Language): LegalRuleModel {
  const { name, summary } = describeRule(rule);
  return {
    id: rule.id,
    code: rule.code,
    name: name[language],
    summary: summary[language],
    targetGroup: rule.targetGroup,
    sector: rule.sector as CompanySector | null,
    severity: rule.severity,
    numbers: numbersOf(rule.params),
    source: rule.source[language],
    validFrom: rule.validFrom,
    validTo: rule.validTo,
  };
}

@ObjectType('Headcount', {
  description: 'Ordinary employees (FTE) of a company or one of its sites as of a date.',
})
export class HeadcountModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => ID, { nullable: true, description: 'null: the whole company (CVR).' })
  siteId!: string | null;
  @Field(() => GraphQLDate) asOf!: string;
  @Field(() => Float) ordinaryFte!: number;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

export const toHeadcountModel = (h: HeadcountRow): HeadcountModel => ({
  id: h.id,
  companyId: h.companyId,
  siteId: h.siteId,
  asOf: h.asOf,
  ordinaryFte: h.ordinaryFte,
  recordedAt: h.recordedAt,
});
