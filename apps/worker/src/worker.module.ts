import { AuditService } from '@jobbro/auth';
import { ReminderJob, RemindersModule } from '@jobbro/citizen';
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
  // RemindersModule: the reminder job (libs/citizen/src/reminders), scheduled below.
  imports: [OutboxModule, SearchIndexModule, NotificationsModule, RemindersModule],
  providers: [AuditService, AuditRetentionJob],
  exports: [AuditRetentionJob],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly reminders: ReminderJob,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.on('placement.changed', (event) => {
      this.logger.debug(`placement ${event.placementId} is now ${event.status}`);
      return Promise.resolve();
    });
    this.relay.on('company.changed', () => Promise.resolve());
    // Every REMINDER_INTERVAL_MINUTES, once across all workers; it sends from REMINDER_HOUR on.
    this.relay.every('reminders', this.reminders.intervalMs, async (now) => {
      await this.reminders.run(now);
    });
    this.relay.start();
  }
}
