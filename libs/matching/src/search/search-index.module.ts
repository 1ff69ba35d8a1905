import { Module } from '@nestjs/common';
import { PlacementIndexer } from './placement-indexer';

/** The index keeper; imported by the API (reindexPlacements) and by the worker (outbox events). */
@Module({ providers: [PlacementIndexer], exports: [PlacementIndexer] })
export class SearchIndexModule {}
