import { AuditService } from '@jobbro/auth';
import { AppConfig, loggableError } from '@jobbro/core';
import { Injectable, Logger } from '@nestjs/common';

/**
 * Purges audit rows older than AUDIT_RETENTION_DAYS (default about 6 months). Scheduled hourly on
 * the outbox relay (WorkerModule: `relay.every('audit-retention', ...)`), once across all workers.
 */
@Injectable()
export class AuditRetentionJob {
  static readonly intervalMs = 3_600_000;
  private readonly logger = new Logger(AuditRetentionJob.name);

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<number> {
    try {
      const purged = await this.audit.purgeOlderThan(this.config.auditRetentionDays);
      if (purged > 0)
        this.logger.log(
          `Purged ${purged} audit rows older than ${this.config.auditRetentionDays} days`,
        );
      return purged;
    } catch (e) {
      this.logger.warn(`Audit purge failed: ${loggableError(e).summary}`);
      return 0;
    }
  }
}
