import { AppConfig, OutboxRelay } from '@jobbro/core';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { INDEX_SETTINGS, PLACEMENT_INDEX } from './meilisearch.engine';
import { placementDocuments } from './placement-documents';

const BATCH = 10_000;

/**
 * Keeps the Meilisearch index in step: each committed `placement.changed` outbox event upserts or
 * removes one document (a failure is retried by the relay with backoff); `reindexAll` rebuilds it.
 * Without MEILI_URL there is nothing to keep: PostgreSQL search reads the table itself.
 */
@Injectable()
export class PlacementIndexer implements OnModuleInit {
  private readonly logger = new Logger(PlacementIndexer.name);
  readonly client: MeiliSearch | null;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    this.client = config.meiliUrl
      ? new MeiliSearch({ host: config.meiliUrl, apiKey: config.meiliKey })
      : null;
  }

  onModuleInit(): void {
    if (this.client)
      this.relay.on('placement.changed', (event) => this.indexPlacement(event.placementId));
  }

  async indexPlacement(placementId: string): Promise<void> {
    if (!this.client) return;
    const index = this.client.index(PLACEMENT_INDEX);
    const [doc] = await placementDocuments(this.dataSource, { ids: [placementId], limit: 1 });
    const task = doc
      ? await index.addDocuments([doc], { primaryKey: 'id' })
      : await index.deleteDocument(placementId);
    await this.client.tasks.waitForTask(task.taskUid, { timeout: 10_000 });
  }

  /** Rebuilds the index from PostgreSQL; returns how many placements it holds. */
  async reindexAll(): Promise<number> {
    if (!this.client) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM placement WHERE status = 'published'`,
      );
      return n;
    }
    const index = this.client.index(PLACEMENT_INDEX);
    await this.client.tasks.waitForTask((await index.updateSettings(INDEX_SETTINGS)).taskUid, {
      timeout: 60_000,
    });
    await this.client.tasks.waitForTask((await index.deleteAllDocuments()).taskUid, {
      timeout: 60_000,
    });
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const docs = await placementDocuments(this.dataSource, { after, limit: BATCH });
      if (docs.length === 0) break;
      const task = await index.addDocuments(docs, { primaryKey: 'id' });
      await this.client.tasks.waitForTask(task.taskUid, { timeout: 120_000 });
      total += docs.length;
      after = docs.at(-1)?.id;
    }
    this.logger.log(`Reindexed ${total} placements`);
    return total;
  }
}
