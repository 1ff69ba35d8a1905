import { AuthModule } from '@jobbro/auth';
import { CitizenModule } from '@jobbro/citizen';
import { CompanyModule } from '@jobbro/company';
import { NotificationsModule } from '@jobbro/notifications';
import { RulesModule } from '@jobbro/rules';
import { Module } from '@nestjs/common';
import { ProposalRepository } from './proposal.repository';
import { ProposalResolver } from './proposal.resolver';
import { ProposalService } from './proposal.service';

@Module({
  imports: [AuthModule, CitizenModule, CompanyModule, NotificationsModule, RulesModule],
  providers: [ProposalRepository, ProposalService, ProposalResolver],
  exports: [ProposalService],
})
export class ProposalModule {}
