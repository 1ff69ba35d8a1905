import 'reflect-metadata';
import {
  ConfigError,
  ConfigModule,
  DatabaseModule,
  loadConfig,
  prepareDatabase,
} from '@jobbro/core';
import { mailDestination } from '@jobbro/notifications';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/** The worker on its own (production: one or more beside the API, with RUN_WORKER_IN_PROCESS=false). */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const embedded = await prepareDatabase(config, console.log);

  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, WorkerModule] })
  class StandaloneWorkerModule {}

  const app = await NestFactory.createApplicationContext(StandaloneWorkerModule);
  const stop = async (): Promise<void> => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`[jobbro-worker] running; mail: ${mailDestination(config)}`);
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
