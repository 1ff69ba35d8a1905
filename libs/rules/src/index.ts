export * from './rules/index';
export * from './rules.module';
export * from './rules.exception';
export { RuleCheckService, type HeadcountFacts } from './rule-check.service';
export {
  LegalRuleCodeGql,
  LegalRuleModel,
  RuleCheckModel,
  RuleNumberModel,
  RuleSeverityGql,
  toRuleCheckModel,
} from './models/rules.models';
