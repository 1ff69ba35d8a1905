import 'reflect-metadata';
import {
  type AppConfig,
  ConfigError,
  type EmbeddedPostgresHandle,
  loadConfig,
  migrateIfConfigured,
  prepareDatabase,
} from '@jobbro/core';
import { DevMailModule, mailDestination } from '@jobbro/notifications';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { seedDemoData } from './demo/demo-data';
import { configureHttp } from './http/configure-http';
import type { Drain } from './http/drain';
import { displayPath } from './http/log-destination';
import { PORTAL_BUILD_COMMAND, portalBuilt } from './http/portal';

const say = (message: string): void => console.log(`[jobbro] ${message}`);

/** How long requests in flight may take to finish after SIGTERM before the server closes anyway. */
const DRAIN_TIMEOUT_MS = 10_000;
/** After this the process exits whatever is still pending (a hung close must not block a deploy). */
const HARD_STOP_MS = 20_000;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedPostgresHandle | undefined;
  let app: NestExpressApplication | undefined;
  let drain: Drain | undefined;
  let stopping = false;

  const stop = async (reason: string, exitCode: number): Promise<void> => {
    if (stopping) {
      // A second Ctrl-C: the operator does not want to wait.
      say('Stopped (forced)');
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      say(`Stopped (forced after ${HARD_STOP_MS / 1000} s)`);
      process.exit(1);
    }, HARD_STOP_MS).unref();
    say(reason);
    try {
      if (drain) {
        drain.begin();
        if (drain.requestsInFlight > 0) {
          say(`Finishing ${drain.requestsInFlight} request(s) in flight; new ones get 503`);
        }
        await drain.whenIdle(DRAIN_TIMEOUT_MS);
      }
      await app?.close();
    } catch (e) {
      say(`Error while closing: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await embedded?.stop().catch(() => undefined);
      say('Stopped');
      process.exit(exitCode);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT received, shutting down', 0));
  process.on('SIGTERM', () => void stop('SIGTERM received, shutting down', 0));

  try {
    embedded = await prepareDatabase(config, say, {
      // PostgreSQL died and would not restart: nothing can be served; exit for a supervisor to act.
      supervise: { onGiveUp: (message) => void stop(message, 1) },
    });
    await migrateIfConfigured(config, (message) => say(shortMigrationNote(message)));
    app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
      bufferLogs: true,
      // configureHttp adds the one body parser, with the configured limit.
      bodyParser: false,
    });
    app.useLogger(app.get(Logger));
    drain = configureHttp(app, config);
    const logins = config.demoData ? await seedDemoData(app) : undefined;
    await app.listen(config.port, config.host);
    printBanner(config, logins);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}

/** A first start applies every migration: name the count and the newest, not all of them. */
function shortMigrationNote(message: string): string {
  const match = /^Applied migrations: (.*)$/.exec(message);
  if (!match) return message;
  const names = match[1].split(', ');
  return names.length <= 2
    ? message
    : `Applied ${names.length} migrations (newest: ${names.at(-1)})`;
}

function printBanner(
  config: AppConfig,
  logins: { role: string; email: string; password: string }[] | undefined,
): void {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const base = `http://${host}:${config.port}`;
  say(`Jobbro is running (${config.nodeEnv})`);
  say(
    portalBuilt(config)
      ? `Portal:       ${base}/`
      : `Portal:       not built: run ${PORTAL_BUILD_COMMAND} (${base}/ says so until then)`,
  );
  say(
    `GraphQL API:  ${base}/graphql` +
      (config.isProduction ? '' : ' (open it in a browser for a query page that works offline)'),
  );
  say(`Health:       ${base}/health (live: /health/live, ready: /health/ready)`);
  say(`Mail:         ${mailDestination(config)}`);
  if (DevMailModule.enabled(config)) say(`Read it at:   ${base}/dev/mail`);
  if (config.logFile !== undefined) {
    say(`Logs:         ${displayPath(config.logFile)} (warnings and errors show here too)`);
  }
  if (logins?.length) {
    say('Demo logins (demo data, never in production):');
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
