import { AuditService } from '@jobbro/auth';
import { AppConfig, loggableError } from '@jobbro/core';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

const HOUR = 3_600_000;

/** Purges audit rows older than AUDIT_RETENTION_DAYS (default about 6 months), at start and hourly. */
@Injectable()
export class AuditRetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetentionJob.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

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
