import { AuthModule } from '@jobbro/auth';
import { CitizenModule } from '@jobbro/citizen';
import { CompanyModule } from '@jobbro/company';
import { Module } from '@nestjs/common';
import { MatchingRepository } from './matching.repository';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { PLACEMENT_SEARCH_ENGINE } from './search/placement-search.port';
import { PostgresSearchEngine } from './search/postgres-search.engine';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';

@Module({
  imports: [AuthModule, CitizenModule, CompanyModule],
  providers: [
    MatchingRepository,
    MatchingService,
    MatchingResolver,
    SearchService,
    SearchResolver,
    PostgresSearchEngine,
    // Meilisearch (MEILI_URL) arrives with the rest of issue 4; PostgreSQL is the default engine.
    { provide: PLACEMENT_SEARCH_ENGINE, useExisting: PostgresSearchEngine },
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
