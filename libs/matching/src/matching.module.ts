import { AuthModule } from '@jobbro/auth';
import { CitizenModule } from '@jobbro/citizen';
import { CompanyModule } from '@jobbro/company';
import { ProposalModule } from '@jobbro/proposal';
import { ReferenceModule } from '@jobbro/reference';
import { RulesModule } from '@jobbro/rules';
import { Module } from '@nestjs/common';
import { CandidateIndex } from './candidates/candidate-index';
import { MatchingRepository } from './matching.repository';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import {
  AccommodationFacetResolver,
  PlacementTypeFacetResolver,
} from './search/facet-label.resolver';
import { FallbackSearchEngine, MeilisearchEngine } from './search/meilisearch.engine';
import { PlacementIndexer } from './search/placement-indexer';
import {
  PLACEMENT_SEARCH_ENGINE,
  type PlacementSearchEngine,
} from './search/placement-search.port';
import { SearchIndexModule } from './search/search-index.module';
import { PostgresSearchEngine } from './search/postgres-search.engine';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';

@Module({
  imports: [
    AuthModule,
    CitizenModule,
    CompanyModule,
    ProposalModule,
    ReferenceModule,
    RulesModule,
    SearchIndexModule,
  ],
  providers: [
    MatchingRepository,
    CandidateIndex,
    MatchingService,
    MatchingResolver,
    SearchService,
    SearchResolver,
    PlacementTypeFacetResolver,
    AccommodationFacetResolver,
    PostgresSearchEngine,
    {
      // Meilisearch when MEILI_URL is set (falling back to PostgreSQL if it fails), else PostgreSQL.
      provide: PLACEMENT_SEARCH_ENGINE,
      inject: [PostgresSearchEngine, PlacementIndexer],
      useFactory: (
        postgres: PostgresSearchEngine,
        indexer: PlacementIndexer,
      ): PlacementSearchEngine =>
        indexer.client
          ? new FallbackSearchEngine(new MeilisearchEngine(indexer.client), postgres)
          : postgres,
    },
  ],
  exports: [MatchingService],
})
export class MatchingModule {}
