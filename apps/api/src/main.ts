import 'reflect-metadata';
import {
  type AppConfig,
  ConfigError,
  type EmbeddedPostgresHandle,
  loadConfig,
  migrateIfConfigured,
  prepareDatabase,
} from '@jobbro/core';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { seedDemoData } from './demo/demo-data';

const say = (message: string): void => console.log(`[jobbro] ${message}`);

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedPostgresHandle | undefined;
  let app: INestApplication | undefined;
  let stopping = false;

  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      say('Stopped');
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    embedded = await prepareDatabase(config, say);
    await migrateIfConfigured(config, say);
    app = await NestFactory.create(AppModule.register(config), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.enableCors({ origin: true, credentials: false });
    const logins = config.demoData ? await seedDemoData(app) : undefined;
    await app.listen(config.port, config.host);
    printBanner(config, logins);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}

function printBanner(
  config: AppConfig,
  logins: { role: string; email: string; password: string }[] | undefined,
): void {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  say(`GraphQL API:  http://${host}:${config.port}/graphql`);
  say(`Health:       http://${host}:${config.port}/health`);
  if (logins?.length) {
    say('Demo logins (password for all: see below):');
    for (const l of logins) say(`  ${l.role.padEnd(16)} ${l.email.padEnd(36)} ${l.password}`);
  }
}

bootstrap().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    console.error(e.message);
  } else {
    console.error('[jobbro] Failed to start:', e instanceof Error ? (e.stack ?? e.message) : e);
  }
  process.exit(1);
});
