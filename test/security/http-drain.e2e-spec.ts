import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { withDatabase } from '@jobbro/core';
import { createTestApp, type TestApp } from '@jobbro/testing';
import { Client } from 'pg';
import { Drain } from '../../apps/api/src/http/drain';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends a POST whose body arrives in two parts, so the request stays in flight in between. */
function slowPost(port: number, body: string): { finish: () => void; reply: Promise<Reply> } {
  const req = httpRequest({
    port,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), reply };
}

function get(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    httpRequest({ port, path, headers: { 'accept-language': 'en' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** SIGTERM under load: what is in flight completes, what arrives during the drain gets a clean 503. */
describe('draining on shutdown', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('is ready and live before the drain', async () => {
    expect((await get(port, '/health/live')).status).toBe(200);
    const ready = await get(port, '/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, shutdown: { status: 'up' } },
    });
  });

  it('completes requests in flight and answers new ones 503 with Connection: close', async () => {
    const drain = t.app.get(Drain);
    const inFlight = slowPost(port, JSON.stringify({ query: '{ __typename }' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drain.requestsInFlight).toBe(1);

    drain.begin();
    const idle = drain.whenIdle(5000);

    const refused = await get(port, '/graphql?query=%7B__typename%7D');
    expect(refused.status).toBe(503);
    expect(refused.headers.connection).toBe('close');
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body)).toEqual({
      errors: [
        {
          message: 'Jobbro is restarting. Try again in 5 seconds.',
          extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SHUTTING_DOWN', retryAfter: 5 },
        },
      ],
    });
    // A load balancer learns to stop sending; the process itself is still alive.
    const ready = await get(port, '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ error: { shutdown: { status: 'down' } } });
    expect((await get(port, '/health/live')).status).toBe(200);

    inFlight.finish();
    const done = await inFlight.reply;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toEqual({ data: { __typename: 'Query' } });
    expect(done.headers.connection).toBe('close');
    expect(await idle).toBe(true);
  });
});

describe('readiness without the database', () => {
  it('reports not ready (503) but live (200) while PostgreSQL is unreachable', async () => {
    const t = await createTestApp();
    try {
      const before = await t.http().get('/health/ready');
      expect(before.status).toBe(200);
      // The database stops taking connections and every open one ends, as when PostgreSQL dies.
      const name = await databaseName(t);
      const admin = new Client({
        connectionString: withDatabase(String(process.env.JOBBRO_TEST_SERVER_URL), 'postgres'),
      });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
          [name],
        );
      } finally {
        await admin.end();
      }
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: { database: { status: 'down' } } });
      expect((await t.http().get('/health/live')).status).toBe(200);
      expect((await t.http().get('/health')).status).toBe(503);
    } finally {
      await t.close();
    }
  });
});

async function databaseName(t: TestApp): Promise<string> {
  const [{ name }] = await t.dataSource.query<{ name: string }[]>(
    `SELECT current_database() AS name`,
  );
  return name;
}
