import { type AppConfig, loadConfig } from '@jobbro/core';
import type { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureHttp } from '../../../apps/api/src/http/configure-http';
import { createTestDatabase } from './database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => supertest.Agent;
  close: () => Promise<void>;
}

/**
 * The real application (every module, guard, pipe and filter) on this test file's own database,
 * reached over HTTP with supertest. Nothing of ours is mocked.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logStream?: Writable } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    RUN_WORKER_IN_PROCESS: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config, options)],
  }).compile();
  // bodyParser: false because configureHttp adds the API's one parser (as main.ts does).
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: false,
    bufferLogs: !!options.logStream,
    bodyParser: false,
  });
  if (options.logStream) app.useLogger(app.get(Logger));
  configureHttp(app, config);
  await app.init();
  const server = app.getHttpServer() as Parameters<typeof supertest>[0];
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    http: () => supertest.agent(server),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
