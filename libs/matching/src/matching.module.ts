import { AuthModule } from '@jobbro/auth';
import { CitizenModule } from '@jobbro/citizen';
import { Module } from '@nestjs/common';
import { MatchingRepository } from './matching.repository';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

@Module({
  imports: [AuthModule, CitizenModule],
  providers: [MatchingRepository, MatchingService, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
