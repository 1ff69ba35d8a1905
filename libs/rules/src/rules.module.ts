import { CompanyModule } from '@jobbro/company';
import { Module } from '@nestjs/common';
import { HeadcountService } from './headcount.service';
import { RuleCheckService } from './rule-check.service';
import { RulesRepository } from './rules.repository';
import { RulesResolver } from './rules.resolver';

@Module({
  imports: [CompanyModule],
  providers: [RulesRepository, RuleCheckService, HeadcountService, RulesResolver],
  exports: [RuleCheckService],
})
export class RulesModule {}
