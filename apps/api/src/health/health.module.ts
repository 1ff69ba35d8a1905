import { Public } from '@jobbro/core';
import { Controller, Get, Module } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Drain } from '../http/drain';
import { HttpModule } from '../http/http.module';

/**
 * /health: the database answers (unchanged, for existing monitors).
 * /health/live: the process is up and serving HTTP; never touches the database, so an orchestrator
 * does not restart the API while PostgreSQL is away (it recovers on its own).
 * /health/ready: the API can serve requests now: the database answers and it is not shutting
 * down; 503 otherwise, so a load balancer sends traffic elsewhere.
 */
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly drain: Drain,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database()]);
  }

  @Public()
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => {
        const session = this.indicator.check('shutdown');
        return this.drain.isDraining ? session.down({ draining: true }) : session.up();
      },
      () => this.database(),
    ]);
  }

  private database() {
    return this.db.pingCheck('database', { timeout: 2000 });
  }
}

// HttpModule comes in here: readiness needs its drain, and the app gets its middleware this way.
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), HttpModule],
  controllers: [HealthController],
})
export class HealthModule {}
