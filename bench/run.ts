/**
 * `npm run bench`: starts the API in production mode on the bench/.data database (made by
 * `npm run bench:data`) and drives it over loopback with 10 concurrent keep-alive connections per
 * scenario. Prints p50/p95/p99 latency and requests per second, each as a ratio to the two floors
 * measured in the same run: the GraphQL floor `{ __typename }` and the data floor `placement(id)`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options';
import { placementDocuments } from '../libs/matching/src/search/placement-documents';
import { startEmbeddedPostgres, withDatabase } from '../libs/core/src/database/embedded-postgres';
import { projectRoot } from '../libs/core/src/project-root';
import {
  BENCH_ADMIN,
  BENCH_API_PORT,
  BENCH_CONSULTANT,
  BENCH_EMPLOYER,
  BENCH_DIR,
  BENCH_PASSWORD,
  BENCH_PG_PORT,
} from './common';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = 2000;
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** The API under load: the current build, or the baseline build (BENCH_BASELINE) on the next port. */
let apiPort = BENCH_API_PORT;

function post(body: string, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: apiPort,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await post(JSON.stringify({ query, variables }), token);
  const json = JSON.parse(res.text) as { data?: T; errors?: unknown[] };
  if (json.errors || !json.data) throw new Error(`GraphQL failed: ${res.text.slice(0, 500)}`);
  return json.data;
}

interface Stats {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/**
 * Closed-loop load: CONNECTIONS workers each send the next request when the last one answered.
 * The first WARMUP_MS are not measured (the first match of a job centre builds its in-memory
 * candidate snapshot; its time is reported separately).
 */
async function load(name: string, makeBody: (i: number) => string, token: string): Promise<Stats> {
  let i = 0;
  const warmUntil = Date.now() + WARMUP_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < warmUntil) await post(makeBody(i++), token);
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        const res = await post(makeBody(i++), token);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (res.status !== 200 || res.text.includes('"errors"')) errors++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    name,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    rps: latencies.length / elapsed,
    errors,
  };
}

/**
 * Closed-loop load of a flow of several requests (CONNECTIONS workers, each starting the next
 * flow when the last finished): latency is per flow, req/s counts flows.
 */
async function loadFlow(name: string, flow: (i: number) => Promise<boolean>): Promise<Stats> {
  let i = 0;
  const warmUntil = Date.now() + WARMUP_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < warmUntil) await flow(i++);
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        if (!(await flow(i++))) errors++;
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    name,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    rps: latencies.length / elapsed,
    errors,
  };
}

const signIn = async (email: string): Promise<string> =>
  (
    await gql<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password: BENCH_PASSWORD } },
    )
  ).login.accessToken;

/** A full rebuild of the search index, as an administrator. */
async function timeReindex(url: string): Promise<void> {
  const admin = await signIn(BENCH_ADMIN);
  const t0 = Date.now();
  const { reindexPlacements } = await gql<{
    reindexPlacements: { engine: string; indexed: number };
  }>('mutation { reindexPlacements { engine indexed } }', {}, admin);
  console.log(
    `\nreindex: ${reindexPlacements.indexed} placements on ${reindexPlacements.engine} in ${Date.now() - t0} ms` +
      (reindexPlacements.engine === 'postgres'
        ? ' (PostgreSQL reads the table: nothing to rebuild)'
        : ''),
  );
  // What a Meilisearch reindex does before uploading: every document built from PostgreSQL in
  // batches of 10,000. The upload itself needs a Meilisearch server, which cannot run here.
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const t1 = Date.now();
    let built = 0;
    let after: string | undefined;
    for (;;) {
      const docs = await placementDocuments(ds, { after, limit: 10_000 });
      if (docs.length === 0) break;
      built += docs.length;
      after = docs.at(-1)?.id;
    }
    console.log(
      `search documents built for a Meilisearch reindex: ${built} in ${Date.now() - t1} ms (upload not measured: no server)`,
    );
  } finally {
    await ds.destroy();
  }
}

/**
 * An employer publishes a slot with a word no other slot has; a consultant searches for that
 * word until it is found. Reports the time from sending the publish to the first hit.
 */
async function timePublishToSearchable(
  db: Client,
  consultant: string,
  citizenId: string,
): Promise<void> {
  const employer = await signIn(BENCH_EMPLOYER);
  const company = (
    await db.query(
      `SELECT c.company_id AS "companyId", s.id AS "siteId", m.id AS "mentorId", (SELECT id FROM occupation LIMIT 1) AS "occupationId"
         FROM app_user u JOIN company_admin c ON c.user_id = u.id JOIN site s ON s.company_id = c.company_id
         JOIN mentor m ON m.site_id = s.id WHERE u.email = $1 LIMIT 1`,
      [BENCH_EMPLOYER],
    )
  ).rows[0] as { companyId: string; siteId: string; mentorId: string; occupationId: string };
  const word = `Benchslot${randomBytes(4).toString('hex')}`;
  const { createPlacement } = await gql<{ createPlacement: { id: string } }>(
    'mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }',
    {
      input: {
        companyId: company.companyId,
        siteId: company.siteId,
        mentorId: company.mentorId,
        occupationId: company.occupationId,
        type: 'INTERNSHIP',
        title: `${word} praktik`,
        tasks: ['Rengøring'],
        weeklyHoursMin: 10,
        weeklyHoursMax: 25,
        startEarliest: '2026-12-01',
        durationWeeks: 13,
        capacity: 1,
      },
    },
    employer,
  );
  const t0 = Date.now();
  await gql(
    'mutation($id: ID!) { publishPlacement(id: $id) { id } }',
    { id: createPlacement.id },
    employer,
  );
  const published = Date.now() - t0;
  for (;;) {
    const { searchPlacements } = await gql<{ searchPlacements: { totalCount: number } }>(
      'query($q: String!) { searchPlacements(query: $q, first: 1) { totalCount } }',
      { q: word },
      consultant,
    );
    if (searchPlacements.totalCount > 0) break;
    if (Date.now() - t0 > 30_000)
      throw new Error('The published slot was not searchable within 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(
    `publish-to-searchable: ${Date.now() - t0} ms (the publish mutation itself took ${published} ms)`,
  );
  // The job centre's snapshot is now behind by one company: the next match catches up.
  const t1 = Date.now();
  await gql(
    'query($id: ID!) { matchPlacementsForCitizen(citizenId: $id, first: 20) { placementId } }',
    { id: citizenId },
    consultant,
  );
  console.log(`first match after the publish (reloads one company's slots): ${Date.now() - t1} ms`);
}

const apiEnv = {
  NODE_ENV: 'production',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  RUN_WORKER_IN_PROCESS: 'true',
  JWT_SECRET: randomBytes(32).toString('hex'),
  CPR_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  // Production requires an SMTP server; nothing listens here, so mail stays queued (not measured).
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'Jobbro <no-reply@example.dk>',
  // The limiter runs (its cost is measured) with a limit one client at full speed cannot reach.
  RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '10000000',
};

/** Starts a built API (in `root`) on `port` and waits until it answers. */
async function startApi(
  root: string,
  port: number,
  url: string,
  migrate: boolean,
): Promise<ChildProcess> {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof", profiles the API under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/apps/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      ...apiEnv,
      PORT: String(port),
      DATABASE_URL: url,
      MIGRATE_ON_START: String(migrate),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const previous = apiPort;
  apiPort = port;
  try {
    for (let tries = 0; ; tries++) {
      try {
        await gql('{ __typename }', {});
        return child;
      } catch {
        if (tries > 120) throw new Error(`API in ${root} did not start`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    apiPort = previous;
  }
}

/**
 * BENCH_BASELINE=<git ref> builds that commit into bench/.baseline/<sha> (sharing node_modules),
 * so the floors can be compared with an earlier version in the same run, on the same data.
 */
function buildBaseline(ref: string): string {
  const root = projectRoot();
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root }).toString().trim();
  const dir = join(root, 'bench', '.baseline', sha);
  if (!existsSync(join(dir, 'dist/apps/api/apps/api/src/main.js'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C ${dir}`], { cwd: root });
    if (!existsSync(join(dir, 'node_modules')))
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    execFileSync('npx', ['nest', 'build', 'api'], { cwd: dir, stdio: 'inherit' });
  }
  console.log(`baseline ${ref} (${sha}) built in ${dir}`);
  return dir;
}

/**
 * The costliest requests the cost limits let through (the same two as
 * test/security/graphql-edge.e2e-spec.ts proves allowed), each sent 5 times, one at a time.
 */
async function timeWorstRequests(token: string): Promise<void> {
  const candidates: Record<string, string> = {
    '15 aliased occupation searches': `{ ${Array.from(
      { length: 15 },
      (_, i) => `a${i}: occupations(search:"medarbejder lager butik ${i}", first:15){ id }`,
    ).join(' ')} }`,
    '4 aliased placement searches': `{ ${Array.from(
      { length: 4 },
      (_, i) =>
        `a${i}: searchPlacements(query:"lager ${i}", first:1){ totalCount edges { node { id } } }`,
    ).join(' ')} }`,
  };
  console.log('');
  for (const [name, query] of Object.entries(candidates)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await gql(query, {}, token);
      times.push(Date.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`worst request, ${name}: median ${times[2]} ms, max ${times[4]} ms`);
  }
  const t0 = Date.now();
  const refused = await post(
    JSON.stringify({
      query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: occupations(search:"lager ${i}", first:50){ id }`).join(' ')} }`,
    }),
    token,
  );
  console.log(
    `300 aliased occupation searches (the issue's 25.8 s request): HTTP ${refused.status} in ${Date.now() - t0} ms`,
  );
}

/** An access token as versions before sessions signed them (subject, role, job centre). */
async function legacyToken(url: string): Promise<string> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const [user] = (
      await db.query(`SELECT id, role, job_centre_id AS jc FROM app_user WHERE email = $1`, [
        BENCH_CONSULTANT,
      ])
    ).rows as { id: string; role: string; jc: string | null }[];
    // A baseline with sessions checks the token's session id on every request (without one, each
    // request is refused and the floor measures refusals); an older baseline ignores the claim.
    const [session] = (
      await db.query(
        `INSERT INTO auth_session (id, user_id) VALUES (gen_random_uuid(), $1) RETURNING id`,
        [user.id],
      )
    ).rows as { id: string }[];
    return jwt.sign(
      { sub: user.id, role: user.role, jc: user.jc, sid: session.id },
      apiEnv.JWT_SECRET,
      {
        algorithm: 'HS256',
        expiresIn: 3600,
      },
    );
  } finally {
    await db.end();
  }
}

const BOOKING_FLOW = 'booking propose+accept';

/**
 * The booking flow: a consultant proposes a published partner internship to a citizen and records
 * the citizen's yes (rule checks, locks, history, mail to the outbox); each flow a new pair. Every
 * load starts from no proposals, so a baseline and this build each meet the same empty table.
 * (Internships: a wage subsidy without a recorded headcount history meets a rule warning.)
 */
async function bookingFlow(
  db: Client,
  centreId: string,
  citizens: string[],
): Promise<{ load: (token: string) => Promise<Stats> }> {
  const published = (
    await db.query(
      `SELECT p.id FROM placement p JOIN partnership s ON s.company_id = p.company_id AND s.job_centre_id = $1
        WHERE p.status = 'published' AND p.type = 'internship' AND s.status = 'active' ORDER BY p.id LIMIT 200`,
      [centreId],
    )
  ).rows.map((r: { id: string }) => r.id);
  const start = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 57 * 86400000).toISOString().slice(0, 10);
  return {
    load: async (token) => {
      await db.query(`DELETE FROM proposal`);
      let firstError: string | undefined;
      const run = async (query: string, variables: Record<string, unknown>) => {
        const res = await post(JSON.stringify({ query, variables }), token);
        const ok = res.status === 200 && !res.text.includes('"errors"');
        if (!ok) firstError ??= res.text.slice(0, 300);
        return ok ? (JSON.parse(res.text) as { data: Record<string, { id: string }> }).data : null;
      };
      const stats = await loadFlow(BOOKING_FLOW, async (i) => {
        const proposed = await run(
          'mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id } }',
          {
            input: {
              citizenId: citizens[i % citizens.length],
              placementId: published[Math.floor(i / citizens.length) % published.length],
              start,
              end,
              weeklyHours: 20,
              // Job-ready citizens have no employment recorded in the bench data: a warning.
              ruleOverrides: [{ rule: 'NOT_LAST_EMPLOYER', reason: 'Ingen tidligere ansættelse' }],
            },
          },
        );
        if (!proposed) return false;
        const accepted = await run(
          'mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { id } }',
          {
            input: {
              proposalId: proposed.proposePlacement.id,
              shareScopes: ['FIRST_NAME'],
              onBehalf: { channel: 'MEETING', answeredAt: new Date().toISOString() },
            },
          },
        );
        return accepted !== null;
      });
      if (firstError) console.log(`booking: the first refusal was ${firstError}`);
      return stats;
    },
  };
}

/**
 * The two floors, the matching scenarios and the booking flow (those BENCH_ONLY picks) on the
 * baseline and on this build, interleaved so drift hits both alike.
 */
async function compareWithBaseline(
  ref: string,
  url: string,
  scenarios: [string, (i: number) => string][],
  current: {
    token: string;
    /** BENCH_ONLY, or '' for all. */
    only: string;
    booking?: { load: (token: string) => Promise<Stats> };
  },
): Promise<void> {
  const dir = buildBaseline(ref);
  const port = BENCH_API_PORT + 1;
  const baseline = await startApi(dir, port, url, false);
  try {
    // Signed like the baseline's own tokens: its sign-in may not run on today's schema.
    const baselineToken = await legacyToken(url);
    // The floors, and the matching scenarios (the rules they apply change from build to build).
    const compared: [string, (token: string) => Promise<Stats>][] = scenarios
      .filter(([name], i) => i < 2 || (name.startsWith('match') && name.includes(current.only)))
      .map(([name, makeBody]) => [name, (token: string) => load(name, makeBody, token)]);
    const { booking } = current;
    if (booking) compared.push([BOOKING_FLOW, (token: string) => booking.load(token)]);
    const rows: { name: string; base: Stats[]; now: Stats[] }[] = compared.map(([name]) => ({
      name,
      base: [],
      now: [],
    }));
    for (let round = 0; round < 2; round++) {
      for (const [index, [, measure]] of compared.entries()) {
        apiPort = port;
        rows[index].base.push(await measure(baselineToken));
        apiPort = BENCH_API_PORT;
        rows[index].now.push(await measure(current.token));
      }
    }
    const mean = (xs: Stats[], f: (s: Stats) => number): number =>
      xs.reduce((a, s) => a + f(s), 0) / xs.length;
    console.log(`
same run, same data, two rounds each: baseline ${ref} against this build`);
    console.log(
      'scenario                          base req/s  now req/s  now/base  base p95 ms  now p95 ms  errors(base/now)',
    );
    for (const r of rows) {
      const b = mean(r.base, (s) => s.rps);
      const n = mean(r.now, (s) => s.rps);
      console.log(
        `${r.name.padEnd(32)} ${b.toFixed(0).padStart(11)} ${n.toFixed(0).padStart(10)} ${(n / b).toFixed(3).padStart(9)} ` +
          `${mean(r.base, (s) => s.p95)
            .toFixed(1)
            .padStart(12)} ${mean(r.now, (s) => s.p95)
            .toFixed(1)
            .padStart(10)}  ` +
          `${r.base.reduce((a, s) => a + s.errors, 0)}/${r.now.reduce((a, s) => a + s.errors, 0)}`,
      );
    }
    if (rows.some((r) => [...r.base, ...r.now].some((s) => s.errors > 0)))
      console.log(
        'warning: some requests answered with errors: those rows compare refusals, not work',
      );
  } finally {
    apiPort = BENCH_API_PORT;
    baseline.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dir: join(BENCH_DIR, 'postgres'),
    port: BENCH_PG_PORT,
    persistent: true,
  });
  const url = withDatabase(server.url, 'jobbro');
  let api: ChildProcess | undefined;
  try {
    api = await startApi(projectRoot(), BENCH_API_PORT, url, true);
    const token = await signIn(BENCH_CONSULTANT);
    const db = new Client({ connectionString: url });
    await db.connect();
    const centre = (
      await db.query(`SELECT job_centre_id AS id FROM app_user WHERE email = $1`, [
        BENCH_CONSULTANT,
      ])
    ).rows[0] as { id: string };
    const placements = (
      await db.query(
        `SELECT p.id FROM placement p JOIN partnership s ON s.company_id = p.company_id AND s.job_centre_id = $1 LIMIT 200`,
        [centre.id],
      )
    ).rows.map((r: { id: string }) => r.id);
    const [{ partnerSlots }] = (
      await db.query(
        `SELECT count(*)::int AS "partnerSlots" FROM placement p JOIN partnership s ON s.company_id = p.company_id
          WHERE s.job_centre_id = $1 AND p.status = 'published'`,
        [centre.id],
      )
    ).rows as { partnerSlots: number }[];
    const citizens = (
      await db.query(`SELECT id FROM citizen WHERE job_centre_id = $1 LIMIT 200`, [centre.id])
    ).rows.map((r: { id: string }) => r.id);
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM placement)::int AS p, (SELECT count(*) FROM citizen)::int AS c`,
      )
    ).rows[0] as {
      p: number;
      c: number;
    };
    console.log(
      `Data: ${counts.p} placements, ${counts.c} citizens; consultant's job centre has ${citizens.length}+ citizens.`,
    );
    const body = (query: string, variables: Record<string, unknown> = {}): string =>
      JSON.stringify({ query, variables });

    const matchQuery =
      'query($id: ID!) { matchPlacementsForCitizen(citizenId: $id, first: 20) { placementId score } }';
    const cold = Date.now();
    await gql(matchQuery, { id: citizens[0] }, token);
    const coldMs = Date.now() - cold;

    const scenarios: [string, (i: number) => string][] = [
      ['graphql floor { __typename }', () => body('{ __typename }')],
      [
        'data floor placement(id)',
        (i) =>
          body('query($id: ID!) { placement(id: $id) { id title } }', {
            id: placements[i % placements.length],
          }),
      ],
      // Not a floor in the sense, but what every match pays too: an audited citizen read.
      [
        'citizen(id) audited read',
        (i) =>
          body('query($id: ID!) { citizen(id: $id) { id firstName } }', {
            id: citizens[i % citizens.length],
          }),
      ],
      ['matchPlacementsForCitizen', (i) => body(matchQuery, { id: citizens[i % citizens.length] })],
      [
        'matchCitizensForPlacement',
        (i) =>
          body(
            'query($id: ID!) { matchCitizensForPlacement(placementId: $id, first: 20) { citizenId score } }',
            { id: placements[i % placements.length] },
          ),
      ],
      [
        'searchPlacements typo + radius',
        () =>
          body(
            '{ searchPlacements(query: "rengøing", near: { latitude: 55.68, longitude: 12.57 }, radiusKm: 30, first: 20) { totalCount edges { node { id } } } }',
          ),
      ],
    ];
    // BENCH_ONLY=match runs the floors and the scenarios whose name contains "match".
    const only = process.env.BENCH_ONLY;
    const results: Stats[] = [];
    for (const [index, [name, makeBody]] of scenarios.entries())
      if (index < 2 || !only || name.includes(only))
        results.push(await load(name, makeBody, token));

    // Booking: a consultant proposes a published partner internship to a citizen and records the
    // citizen's yes (rule checks, locks, history, mail to the outbox); each flow a new pair.
    const booking = BOOKING_FLOW.includes(only ?? BOOKING_FLOW)
      ? await bookingFlow(db, centre.id, citizens)
      : undefined;
    if (booking) results.push(await booking.load(token));

    const [floor, dataFloor] = results;
    console.log(
      '\nscenario                          p50 ms   p95 ms   p99 ms      req/s  rps/graphql-floor  rps/data-floor  errors',
    );
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.rps.toFixed(0).padStart(10)} ` +
          `${(r.rps / floor.rps).toFixed(3).padStart(18)} ${(r.rps / dataFloor.rps).toFixed(3).padStart(15)} ${String(r.errors).padStart(7)}`,
      );
    }

    console.log(
      `\nfirst match in the job centre (loads its ${partnerSlots} partner slots into memory): ${coldMs} ms`,
    );
    await timeWorstRequests(token);
    await timeReindex(url);
    await timePublishToSearchable(db, token, citizens[0]);
    if (process.env.BENCH_BASELINE)
      await compareWithBaseline(process.env.BENCH_BASELINE, url, scenarios, {
        token,
        booking,
        only: only ?? '',
      });
    await db.end();
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await server.stop();
    agent.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
