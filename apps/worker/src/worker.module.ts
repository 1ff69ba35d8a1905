import { AuditService } from '@jobbro/auth';
import { ReminderJob, RemindersModule } from '@jobbro/citizen';
import { OutboxModule, OutboxRelay } from '@jobbro/core';
import { SearchIndexModule } from '@jobbro/matching';
import { NotificationsModule } from '@jobbro/notifications';
import { ProposalModule, ProposalService } from '@jobbro/proposal';
import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditRetentionJob } from './audit-retention.job';

/**
 * Background work, all on one mechanism (the outbox relay): outbox events to their handlers
 * (search indexing, mail) and scheduled jobs (`relay.every`: reminders, proposals' expiry, the audit purge), each
 * run once per interval across all workers. Runs inside the API process by default
 * (RUN_WORKER_IN_PROCESS), or alone through apps/worker/src/main.ts (one or more).
 */
@Module({
  // OutboxModule is global: the API registers its handlers on the same relay this module starts.
  // NotificationsModule delivers `mail.requested` events on this relay.
  // RemindersModule: the reminder job (libs/citizen/src/reminders), scheduled below;
  // ProposalModule: unanswered proposals expire (libs/proposal).
  imports: [OutboxModule, SearchIndexModule, NotificationsModule, RemindersModule, ProposalModule],
  providers: [AuditService, AuditRetentionJob],
  exports: [AuditRetentionJob],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly reminders: ReminderJob,
    private readonly auditRetention: AuditRetentionJob,
    private readonly proposals: ProposalService,
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
    // Every 15 minutes, once across all workers: proposals nobody answered in time expire.
    this.relay.every('proposal-expiry', 15 * 60 * 1000, async (now) => {
      await this.proposals.expireDue(now);
    });
    // Hourly, once across all workers (the first run soon after the first start).
    this.relay.every('audit-retention', AuditRetentionJob.intervalMs, async () => {
      await this.auditRetention.run();
    });
    this.relay.start();
  }
}
