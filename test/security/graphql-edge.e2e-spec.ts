import { createServer, type Server, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { fromDatabaseError, loggableError, Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aUser,
  createTestApp,
  createTestDatabase,
  type TestApp,
} from '@jobbro/testing';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * The GraphQL edge, as a hostile or careless client meets it: wrong variables, costly or deep
 * queries, NUL bytes and lone surrogates, impossible dates and cursors, database errors and a
 * database that went away. Every refusal is a clean error with a code and the right HTTP status.
 */

interface Reply {
  status: number;
  text: string;
  headers: Record<string, string>;
  body: {
    data?: unknown;
    errors?: {
      message: string;
      path?: string[];
      extensions: {
        code: string;
        reason?: string;
        retryAfter?: number;
        fields?: { field: string; constraint: string }[];
      };
    }[];
  };
}

/** A plain POST of a raw JSON body (so values JSON.stringify cannot write, like 1e999, get through). */
async function post(
  t: Pick<TestApp, 'http'>,
  body: string | object,
  token?: string,
): Promise<Reply> {
  let request = t.http().post('/graphql').set('content-type', 'application/json');
  if (token) request = request.set('authorization', `Bearer ${token}`);
  const res = await request.send(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    status: res.status,
    text: res.text,
    headers: res.headers,
    body: res.body as Reply['body'],
  };
}

function refusal(reply: Reply): NonNullable<Reply['body']['errors']>[number] {
  const error = reply.body.errors?.[0];
  if (!error) throw new Error(`Expected an error, got ${reply.text}`);
  expect(reply.text).not.toMatch(/stack|QueryFailedError|SELECT|INSERT/);
  return error;
}

/** A TCP hop between an app and PostgreSQL that a test can cut, as a crashed server would. */
class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }
}

describe('the GraphQL edge', () => {
  let t: TestApp;
  let employer: Api;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await aUser().withRole(Role.CompanyAdmin).build(t.dataSource);
    await aCompany(t.dataSource, admin.id);
    employer = await new Api(t.http).signIn(admin.email, admin.password);
    token = employer.token ?? '';
  });
  afterAll(() => t.close());

  describe('wrong variable types are 400 BAD_USER_INPUT naming the field, never 500', () => {
    const postal = 'query($c:String!){postalCode(code:$c){code}}';
    const page = 'query($n:Int!){occupations(search:"lager", first:$n){id}}';
    const sort = 'query($s:PlacementSearchSort!){searchPlacements(sort:$s){totalCount}}';
    const login = 'mutation($input:LoginInput!){login(input:$input){accessToken}}';
    it.each([
      ['null for String!', postal, '{"c":null}', 'c', 'required'],
      ['a missing variable', postal, '{}', 'c', 'required'],
      ['a number for String', postal, '{"c":2300}', 'c', 'type'],
      ['2^31 for Int', page, '{"n":2147483648}', 'n', 'type'],
      ['1.5 for Int', page, '{"n":1.5}', 'n', 'type'],
      ['"7" for Int', page, '{"n":"7"}', 'n', 'type'],
      ['Infinity for Int', page, '{"n":1e999}', 'n', 'type'],
      ['"NaN" for Int', page, '{"n":"NaN"}', 'n', 'type'],
      ['an unknown enum value', sort, '{"s":"CHEAPEST"}', 's', 'type'],
      [
        'a missing input field',
        login,
        '{"input":{"email":"a@b.dk"}}',
        'input.password',
        'required',
      ],
      [
        'an unknown input field',
        login,
        '{"input":{"email":"a@b.dk","password":"x","role":"administrator"}}',
        'input.role',
        'whitelistValidation',
      ],
    ])('%s', async (_case, query, variables, field, constraint) => {
      const reply = await post(t, `{"query":${JSON.stringify(query)},"variables":${variables}}`);
      expect(reply.status).toBe(400);
      const error = refusal(reply);
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, constraint }],
      });
      // The refused value is not echoed back.
      expect(reply.text).not.toMatch(/CHEAPEST|2147483648|"7"|administrator|NaN/);
    });
  });

  describe('query cost, aliases and depth', () => {
    it('refuses 300 aliased searches at once, before running any (400, not 25 s)', async () => {
      const aliases = Array.from(
        { length: 300 },
        (_, i) => `a${i}: occupations(search:"lagermedarbejder", first:50){ id label }`,
      ).join(' ');
      const started = Date.now();
      const reply = await post(t, { query: `{ ${aliases} }` }, token);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(reply.status).toBe(400);
      expect(refusal(reply).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses a query over the cost limit with 400 QUERY_TOO_COMPLEX', async () => {
      const aliases = Array.from(
        { length: 10 },
        (_, i) => `a${i}: searchPlacements(first:100){ edges { node { id title } } }`,
      ).join(' ');
      const reply = await post(t, { query: `{ ${aliases} }` }, token);
      expect(reply.status).toBe(400);
      expect(refusal(reply).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_COMPLEX',
      });
    });

    it('refuses 16 aliases and a depth of 9 with 400', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
      const tooMany = await post(t, { query: `{ ${aliases} }` }, token);
      expect(tooMany.status).toBe(400);
      expect(refusal(tooMany).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const deep = await post(
        t,
        {
          query: `{ placements { edges { node { company { sites { company { sites { company { id } } } } } } } } }`,
        },
        token,
      );
      expect(deep.status).toBe(400);
      expect(refusal(deep).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses fragment bombs, deep or wide, with 400 and a code, quickly', async () => {
      const deepLevels = 30;
      const deepFragments = Array.from(
        { length: deepLevels },
        (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
      ).join(' ');
      // Two levels of forty spreads: shallow enough for the depth limit, 1,600 times `me` in cost.
      const wideFragments = Array.from(
        { length: 2 },
        (_, i) => `fragment W${i + 1} on Query { ${`...W${i} `.repeat(40)}}`,
      ).join(' ');
      const started = Date.now();
      const deep = await post(
        t,
        { query: `{ ...F${deepLevels} } fragment F0 on Query { me { id } } ${deepFragments}` },
        token,
      );
      const wide = await post(
        t,
        { query: `{ ...W2 } fragment W0 on Query { me { id } } ${wideFragments}` },
        token,
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(deep.status).toBe(400);
      expect(refusal(deep).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(wide.status).toBe(400);
      expect(refusal(wide).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_COMPLEX',
      });

      const cyclic = await post(
        t,
        { query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }` },
        token,
      );
      expect(cyclic.status).toBe(400);
      expect(refusal(cyclic).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    // Its time is measured by `npm run bench` ("worst request"), on the benchmark data.
    it('answers the costliest requests the limits allow', async () => {
      const candidates: Record<string, string> = {
        '15 occupation searches': `{ ${Array.from(
          { length: 15 },
          (_, i) => `a${i}: occupations(search:"medarbejder lager butik ${i}", first:15){ id }`,
        ).join(' ')} }`,
        '4 placement searches': `{ ${Array.from(
          { length: 4 },
          (_, i) =>
            `a${i}: searchPlacements(query:"lager ${i}", first:1){ totalCount edges { node { id } } }`,
        ).join(' ')} }`,
      };
      for (const [name, query] of Object.entries(candidates)) {
        const reply = await post(t, { query }, token);
        expect({ name, status: reply.status, errors: reply.body.errors }).toEqual({
          name,
          status: 200,
          errors: undefined,
        });
      }
    });
  });

  describe('NUL bytes and lone surrogates are refused at the edge, naming the field', () => {
    const login = 'mutation($input:LoginInput!){login(input:$input){accessToken}}';
    it.each([
      ['NUL in a login email', { email: 'a\u0000@b.dk', password: 'x' }, 'input.email'],
      ['NUL in a login password', { email: 'a@b.dk', password: 'p\u0000w' }, 'input.password'],
      ['a lone surrogate in an email', { email: 'a\ud800@b.dk', password: 'x' }, 'input.email'],
      ['a lone low surrogate', { email: 'a@b.dk', password: '\udc00' }, 'input.password'],
    ])('%s', async (_case, input, field) => {
      const reply = await post(t, { query: login, variables: { input } });
      expect(reply.status).toBe(400);
      expect(refusal(reply).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, constraint: 'safeText' }],
      });
    });

    it('in a literal written into the query as well', async () => {
      const reply = await post(t, {
        query: 'mutation{login(input:{email:"a\\u0000@b.dk", password:"x"}){accessToken}}',
      });
      expect(reply.status).toBe(400);
      expect(refusal(reply).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.email' }],
      });
    });

    it('lets a well-formed pair (an emoji) through', async () => {
      const reply = await post(t, {
        query: login,
        variables: { input: { email: 'a@b.dk', password: 'kodeord 😀' } },
      });
      expect(reply.body.errors?.[0].extensions.code).not.toBe('BAD_USER_INPUT');
    });
  });

  describe('dates', () => {
    const search = 'query($f:PlacementSearchFilter){searchPlacements(filter:$f){totalCount}}';
    it.each(['0000-01-01', '2026-02-30', '1899-12-31', '2101-01-01', '2026-1-1', '20260101'])(
      'refuses %s as a date with 400 naming the field',
      async (startBy) => {
        const reply = await post(t, { query: search, variables: { f: { startBy } } }, token);
        expect(reply.status).toBe(400);
        expect(refusal(reply).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'f.startBy', constraint: 'isIsoDate' }],
        });
      },
    );

    it('accepts a real date within range', async () => {
      const reply = await post(
        t,
        { query: search, variables: { f: { startBy: '2030-02-28' } } },
        token,
      );
      expect(reply.body.errors).toBeUndefined();
      expect(reply.status).toBe(200);
    });

    it('refuses an impossible date in a plan milestone', async () => {
      const reply = await post(
        t,
        {
          query: 'mutation($i:UpdatePlanInput!){updatePlan(input:$i){version}}',
          variables: {
            i: {
              citizenId: '00000000-0000-4000-8000-000000000000',
              expectedVersion: 0,
              milestones: [{ title: 'Mål', deadline: '0000-01-01' }],
            },
          },
        },
        token,
      );
      expect(reply.status).toBe(400);
      expect(refusal(reply).extensions.fields).toEqual([
        expect.objectContaining({ field: 'i.milestones.0.deadline', constraint: 'isIsoDate' }),
      ]);
    });

    it.each([
      ['year 0000', ['0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']],
      ['30 February', ['2026-02-30T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']],
      ['hour 24', ['2026-01-01T24:00:00.000Z', '00000000-0000-4000-8000-000000000000']],
    ])('refuses a crafted cursor with %s as input, on `after`', async (_case, cursor) => {
      const after = Buffer.from(JSON.stringify(cursor)).toString('base64url');
      const reply = await post(
        t,
        {
          query: 'query($a:String){placements(after:$a){totalCount}}',
          variables: { a: after },
        },
        token,
      );
      // Decoded by the resolver, so a field error with Apollo's 200, but a clean one.
      expect(refusal(reply).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', constraint: 'isCursor' }],
      });
      expect(reply.status).toBe(200);
    });
  });

  describe('database errors', () => {
    async function driverError(sql: string): Promise<unknown> {
      return t.dataSource.query(sql).then(
        () => {
          throw new Error(`expected ${sql} to fail`);
        },
        (error: unknown) => error,
      );
    }

    it('maps constraints by name, unknown ones to CONSTRAINT_VIOLATED, exclusion included', async () => {
      const centre = await aJobCentre(t.dataSource);
      const overlap = await driverError(
        `WITH c AS (INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude)
           VALUES ('${centre.id}', 'A', 'B', '2300', 101, 55.6, 12.5) RETURNING id)
         INSERT INTO citizen_target_group (citizen_id, target_group, valid_from)
           SELECT c.id, g.code, '2026-01-01' FROM c, (SELECT code FROM target_group LIMIT 2) g`,
      );
      expect(overlap).toBeInstanceOf(QueryFailedError);
      expect(fromDatabaseError(overlap)?.code).toBe('TARGET_GROUP_OVERLAP');

      await t.dataSource
        .query(`CREATE TABLE edge_probe (n int CONSTRAINT probe_positive CHECK (n > 0),
        r tsrange, EXCLUDE USING gist (r WITH &&))`);
      expect(
        fromDatabaseError(await driverError(`INSERT INTO edge_probe (n) VALUES (-1)`)),
      ).toMatchObject({
        code: 'CONSTRAINT_VIOLATED',
        graphqlCode: 'BAD_USER_INPUT',
      });
      await t.dataSource.query(
        `INSERT INTO edge_probe (n, r) VALUES (1, '[2026-01-01,2026-02-01)')`,
      );
      const exclusion = await driverError(
        `INSERT INTO edge_probe (n, r) VALUES (1, '[2026-01-15,2026-03-01)')`,
      );
      expect(
        (exclusion as QueryFailedError & { driverError: { code: string } }).driverError.code,
      ).toBe('23P01');
      expect(fromDatabaseError(exclusion)?.code).toBe('CONSTRAINT_VIOLATED');
      expect(fromDatabaseError(await driverError(`SELECT '0000-01-01'::date`))?.code).toBe(
        'INVALID_VALUE',
      );
    });

    it('logs the class, SQLSTATE and constraint of a driver error, never the value it quotes', async () => {
      const error = await driverError(`SELECT '0000-01-01'::date`);
      expect((error as Error).message).toContain('0000-01-01');
      const { summary, stack } = loggableError(error);
      expect(summary).toBe('QueryFailedError (code=22008)');
      expect(`${summary}\n${stack}`).not.toContain('0000-01-01');
    });

    it('maps a statement cancelled by statement_timeout to QUERY_TIMEOUT', async () => {
      const canceled = await t.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = 50`);
        return manager.query(`SELECT pg_sleep(1)`).then(
          () => null,
          (error: unknown) => error,
        );
      });
      expect(fromDatabaseError(canceled)).toMatchObject({
        code: 'QUERY_TIMEOUT',
        graphqlCode: 'SERVICE_UNAVAILABLE',
      });
    });

    it('sets statement_timeout on every pooled connection', async () => {
      const [row] =
        await t.dataSource.query<{ statement_timeout: string }[]>(`SHOW statement_timeout`);
      expect(row.statement_timeout).toBe('5s');
    });
  });

  describe('with a database that is slow or goes away', () => {
    let edge: TestApp;
    let database: { url: string; drop: () => Promise<void> };
    let proxy: CuttableProxy;
    let edgeToken: string;
    const log: string[] = [];
    const postal = { query: '{ postalCode(code:"2300"){ code } }' };

    beforeAll(async () => {
      database = await createTestDatabase();
      const url = new URL(database.url);
      proxy = new CuttableProxy(url.hostname, Number(url.port));
      await proxy.open();
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      edge = await createTestApp(
        {
          DATABASE_URL: url.toString(),
          // Sign-in (argon2) must fit in the budget even on a busy CI machine.
          DATABASE_STATEMENT_TIMEOUT_MS: '5000',
          GRAPHQL_TIME_BUDGET_MS: '3000',
          LOG_LEVEL: 'info',
        },
        {
          logStream: new Writable({
            write(chunk: Buffer, _encoding, done): void {
              log.push(chunk.toString());
              done();
            },
          }),
        },
      );
      const user = await aUser().withRole(Role.CompanyAdmin).build(edge.dataSource);
      edgeToken = (await new Api(edge.http).signIn(user.email, user.password)).token ?? '';
    });
    afterAll(async () => {
      await edge.close();
      await proxy.cut();
      await database.drop();
    });

    /** Holds an exclusive lock on postal_code for `ms`, so the app's read of it waits. */
    async function lockPostalCodes(ms: number): Promise<() => Promise<void>> {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE postal_code IN ACCESS EXCLUSIVE MODE');
      const release = new Promise<void>((done) => setTimeout(done, ms)).then(async () => {
        await client.query('COMMIT');
        await client.end();
      });
      return () => release;
    }

    it('stops a request past its time budget with a clear error, 503 and Retry-After', async () => {
      const released = await lockPostalCodes(4000);
      const reply = await post(edge, postal, edgeToken);
      await released();
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toBe('5');
      expect(refusal(reply).extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'QUERY_TIMEOUT',
      });
    });

    it('cancels a statement past statement_timeout and says so (57014)', async () => {
      const released = await lockPostalCodes(7000);
      const reply = await post(edge, postal, edgeToken);
      await released();
      expect(reply.status).toBe(503);
      const error = refusal(reply);
      expect(error.path).toEqual(['postalCode']);
      expect(error.extensions).toMatchObject({ reason: 'QUERY_TIMEOUT', retryAfter: 5 });
    });

    it('takes a terminated backend (57P01) for an unavailable database', async () => {
      const client = new Client({ connectionString: database.url });
      client.on('error', () => undefined);
      await client.connect();
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
        .rows;
      await t.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      const error = await client.query('SELECT 1').then(
        () => null,
        (e: unknown) => e,
      );
      await client.end().catch(() => undefined);
      expect(fromDatabaseError(error)?.code).toBe('DATABASE_UNAVAILABLE');
    });

    it('gives internal errors random ids and logs no driver message', async () => {
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      await admin.query('ALTER TABLE postal_code RENAME TO postal_code_gone');
      try {
        const ids = [];
        for (let i = 0; i < 2; i++) {
          const reply = await post(edge, postal, edgeToken);
          expect(refusal(reply).extensions.code).toBe('INTERNAL_SERVER_ERROR');
          ids.push(/([0-9a-f-]{36})/.exec(refusal(reply).message)?.[1]);
        }
        expect(ids[0]).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(ids[1]).not.toBe(ids[0]);
        const lines = log.join('');
        expect(lines).toContain('QueryFailedError (code=42P01)');
        expect(lines).not.toContain('does not exist');
      } finally {
        await admin.query('ALTER TABLE postal_code_gone RENAME TO postal_code');
        await admin.end();
      }
    });

    describe('while the database is unreachable', () => {
      beforeAll(() => proxy.cut());
      afterAll(() => proxy.open());

      it('answers sign-in with 503 SERVICE_UNAVAILABLE and Retry-After', async () => {
        const login = await post(edge, {
          query: 'mutation($i:LoginInput!){login(input:$i){accessToken}}',
          variables: { i: { email: 'nobody@test.jobbro.dk', password: 'whatever-it-is' } },
        });
        expect(refusal(login).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(login.status).toBe(503);
        expect(login.headers['retry-after']).toBe('5');
        expect(refusal(login).extensions).toMatchObject({
          reason: 'DATABASE_UNAVAILABLE',
          retryAfter: 5,
        });
      });

      it('takes a refused connection for an unavailable database, not an internal error', async () => {
        const error = await edge.dataSource.query('SELECT 1').then(
          () => null,
          (e: unknown) => e,
        );
        expect(fromDatabaseError(error)).toMatchObject({
          code: 'DATABASE_UNAVAILABLE',
          graphqlCode: 'SERVICE_UNAVAILABLE',
          params: { retryAfter: 5 },
        });
      });

      // Sign-in and the access guard must pass a database failure on (libs/auth, helpers C and D)
      // instead of answering VALIDATION_FAILED or UNAUTHENTICATED.
      it('answers a signed-in request the same, not UNAUTHENTICATED', async () => {
        const reply = await post(edge, postal, edgeToken);
        expect(refusal(reply).extensions).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'DATABASE_UNAVAILABLE',
        });
        expect(reply.status).toBe(503);
        expect(reply.headers['retry-after']).toBe('5');
      });
    });

    it('recovers once the database is back, without a restart', async () => {
      const recovered = await post(edge, postal, edgeToken);
      expect(recovered.status).toBe(200);
      expect(recovered.body.data).toEqual({ postalCode: { code: '2300' } });
    });
  });

  it('gives no field suggestions in production', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      CPR_ENCRYPTION_KEY: 'a'.repeat(64),
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'Jobbro <no-reply@example.dk>',
      LOG_LEVEL: 'silent',
    });
    try {
      const prod = await post(production, { query: '{ postalCod(code:"2300"){ code } }' });
      expect(prod.status).toBe(400);
      expect(prod.text).not.toMatch(/Did you mean/);
      const dev = await post(t, { query: '{ postalCod(code:"2300"){ code } }' });
      expect(dev.text).toMatch(/Did you mean/);
    } finally {
      await production.close();
    }
  });
});
