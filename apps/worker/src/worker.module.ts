import { AuditService } from '@jobbro/auth';
import { OutboxModule, OutboxRelay } from '@jobbro/core';
import { SearchIndexModule } from '@jobbro/matching';
import { NotificationsModule } from '@jobbro/notifications';
import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditRetentionJob } from './audit-retention.job';

/**
 * Background work: relays outbox events to their handlers (search indexing and mail arrive with
 * later capabilities) and purges audit rows past their retention. Runs inside the API process by default (RUN_WORKER_IN_PROCESS), or alone
 * through apps/worker/src/main.ts.
 */
@Module({
  // OutboxModule is global: the API registers its handlers on the same relay this module starts.
  // NotificationsModule delivers `mail.requested` events on this relay.
  imports: [OutboxModule, SearchIndexModule, NotificationsModule],
  providers: [AuditService, AuditRetentionJob],
  exports: [AuditRetentionJob],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.on('placement.changed', (event) => {
      this.logger.debug(`placement ${event.placementId} is now ${event.status}`);
      return Promise.resolve();
    });
    this.relay.on('company.changed', () => Promise.resolve());
    this.relay.start();
  }
}
