import { appendFileSync, writeFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '@jobbro/testing';
import fc from 'fast-check';
import { applyCase, casesFor, type FuzzCase, MARK } from './support/hostile';
import {
  FIXTURES,
  type Fixture,
  markRefreshTokenUsed,
  PUBLIC_OPERATIONS,
  type Vars,
} from './support/operations';
import {
  ALLOWED_CODES,
  judge,
  LIMITS_OFF,
  LogCapture,
  postGraphql,
  WriteWatch,
} from './support/probe';
import {
  committedSchema,
  documentFor,
  type Operation,
  operations,
  pathKey,
  targets,
} from './support/schema';
import { buildWorld, type CallerKey, type World } from './support/world';

/**
 * Hostile input for every query and mutation in schema.graphql, generated from its argument and
 * input types (fast-check). Each case changes one place of an otherwise valid call by a caller
 * allowed to make it, so it reaches the resolvers; a few run anonymously. Each must end in a clean
 * error (allowed code, no 5xx, no stack, SQL or echo of the input in the reply or the trace-level
 * log, nothing written), or in success where the input has a valid reading.
 *
 * The number of cases follows the size of the input: FUZZ_RUNS per place (at least
 * MIN_RUNS_PER_OPERATION per operation). FUZZ_SEED and FUZZ_RUNS override the defaults;
 * FUZZ_REPORT=<file> writes every failing case there, one line each.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Cases per place an operation takes input (argument, input field, list element). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
/** An operation with one or two places still gets every kind of hostile value tried. */
const MIN_RUNS_PER_OPERATION = 16;
const ANONYMOUS_RUNS = 3;
const REPORT = process.env.FUZZ_REPORT;
/** FUZZ_TRACE=<operation> prints every request and reply of that operation. */
const TRACE = process.env.FUZZ_TRACE;

const schema = committedSchema();
const OPERATIONS = operations(schema);

/** A stable number per operation, so each gets its own reproducible stream of cases. */
const seedOf = (name: string): number =>
  [...name].reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) | 0, SEED);

/** `runs` different cases (constant arbitraries repeat; a repeat teaches nothing). */
function distinctCases(arbitrary: fc.Arbitrary<FuzzCase>, seed: number, runs: number): FuzzCase[] {
  const seen = new Set<string>();
  const out: FuzzCase[] = [];
  for (const c of fc.sample(arbitrary, { seed, numRuns: runs * 4 })) {
    const value = typeof c.hostile.value === 'symbol' ? 'REMOVE' : JSON.stringify(c.hostile.value);
    const key = `${pathKey(c.target.path)}|${c.hostile.kind}|${value.slice(0, 200)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length === runs) break;
  }
  return out;
}

describe('fuzzing every operation in schema.graphql', () => {
  let t: TestApp;
  let w: World;
  let logs: LogCapture;
  let watch: WriteWatch;
  let counter = 0;
  const started = Date.now();
  const totals = { cases: 0, failing: 0, operations: 0, baselineWrites: 0 };

  beforeAll(async () => {
    logs = new LogCapture();
    t = await createTestApp({ LOG_LEVEL: 'trace', ...LIMITS_OFF }, { logStream: logs.stream });
    w = await buildWorld(t);
    watch = new WriteWatch(t.dataSource);
    await watch.install();
    if (REPORT) writeFileSync(REPORT, '');
  }, 180_000);

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `fuzz: ${totals.cases} cases over ${totals.operations} operations (seed ${SEED}, ${RUNS} per input place) in ${seconds} s; ${totals.failing} failing\n`,
    );
    await t?.close();
  });

  it('has a caller and a valid call for every operation in schema.graphql, and none stale', () => {
    const missing = OPERATIONS.filter((op) => !FIXTURES[op.name]).map((op) => op.name);
    const stale = Object.keys(FIXTURES).filter(
      (name) => !OPERATIONS.some((op) => op.name === name),
    );
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  const foreignIds = (): string[] => [
    w.citizenB,
    w.goalB,
    w.consentB,
    w.milestoneB,
    w.activityB,
    w.publishedY,
    w.draftY,
    w.companyY.id,
    w.companyY.siteId,
    w.companyY.mentorId,
    w.partnershipYB,
    w.users.consultantB.id,
  ];

  async function call(
    op: Operation,
    fixture: Fixture,
    caller: CallerKey,
    vars: Vars,
    expect: { mustReject: boolean; mustRefuseCaller: boolean; echo: string[]; log: string[] },
  ): Promise<{
    problems: string[];
    status: number;
    code: string;
    message: string;
    writes: string[];
  }> {
    await watch.reset();
    const mark = logs.mark();
    const reply = await postGraphql(t, w.api[caller].token, documentFor(op), vars);
    if (op.name === 'refreshToken' || op.name === 'logout') {
      if (!reply.body.errors?.length) markRefreshTokenUsed();
    }
    // The response can finish before pino's line for it is written.
    await new Promise((resolve) => setImmediate(resolve));
    const bookkeeping = new Set(fixture.bookkeeping ?? []);
    const writes = (await watch.writes()).filter((x) => !bookkeeping.has(x));
    const verdict = judge({
      reply,
      log: logs.since(mark),
      writes,
      mustReject: expect.mustReject,
      mustRefuseCaller: expect.mustRefuseCaller,
      echoTokens: expect.echo,
      logTokens: expect.log,
    });
    const message = reply.body.errors?.[0]?.message ?? '';
    if (TRACE === op.name) {
      process.stdout.write(
        `${caller} ${JSON.stringify(vars).slice(0, 200)}\n  -> ${reply.status} ${reply.text.slice(0, 300)}\n`,
      );
    }
    return { ...verdict, status: reply.status, message, writes };
  }

  /** The strings to look for in the reply (any distinctive value) and in the log (strings only). */
  function tokens(c: FuzzCase, marker: string): { echo: string[]; log: string[] } {
    const raw = typeof c.hostile.value === 'symbol' ? '' : JSON.stringify(c.hostile.value ?? null);
    const hasMarker = raw.includes(MARK);
    const echo: string[] = [];
    const log: string[] = [];
    if (hasMarker) {
      echo.push(marker);
      log.push(marker);
    } else if (c.hostile.echoable) {
      const v = String(c.hostile.value);
      echo.push(v);
      if (typeof c.hostile.value === 'string') log.push(v);
    }
    return { echo, log };
  }

  it.each(OPERATIONS.map((op) => [op.name, op] as const))(
    '%s answers hostile input with a clean error and writes nothing',
    async (_name, op) => {
      const fixture = FIXTURES[op.name];
      if (!fixture) throw new Error(`No fixture for ${op.name}: add one to support/operations.ts`);
      totals.operations++;
      const failures: string[] = [];
      const line = (
        caller: string,
        path: string,
        kind: string,
        r: { status: number; code: string; problems: string[]; message: string },
      ): string =>
        `${op.name} | ${path} | ${kind} | ${caller} | HTTP ${r.status} | ${r.code} | ${r.problems.join('; ')}${
          r.code === 'OK' || r.problems.some((p) => p.startsWith('baseline'))
            ? ''
            : ` | "${r.message.slice(0, 140)}"`
        }`;
      const baseVars = (): Promise<Vars> =>
        Promise.resolve(fixture.vars({ w, ds: t.dataSource, n: counter++ }));

      // The valid call must succeed, or the hostile cases below never reach the resolver.
      const baseline = await call(op, fixture, fixture.caller, await baseVars(), {
        mustReject: false,
        mustRefuseCaller: false,
        echo: [],
        log: [],
      });
      totals.cases++;
      if (baseline.writes.length) totals.baselineWrites++;
      if (baseline.code !== 'OK' || baseline.problems.length) {
        failures.push(
          line(fixture.caller, '-', 'baseline (valid call)', {
            ...baseline,
            problems: [...baseline.problems, `baseline failed: ${baseline.message.slice(0, 200)}`],
          }),
        );
      }

      const places = targets(op);
      const arbitrary = casesFor(places, foreignIds());
      const budget = Math.max(MIN_RUNS_PER_OPERATION, RUNS * places.length);
      const cases = arbitrary ? distinctCases(arbitrary, seedOf(op.name), budget) : [];
      const anonymous = !PUBLIC_OPERATIONS.has(op.name) && fixture.caller !== 'anonymous';
      const runs: { caller: CallerKey; c?: FuzzCase }[] = [
        ...cases.map((c) => ({ caller: fixture.caller, c })),
        ...(anonymous
          ? [
              { caller: 'anonymous' as const },
              ...cases.slice(0, ANONYMOUS_RUNS).map((c) => ({ caller: 'anonymous' as const, c })),
            ]
          : []),
      ];
      for (const [i, run] of runs.entries()) {
        const marker = `Fz${i.toString(36)}k${totals.operations.toString(36)}Q`;
        const base = await baseVars();
        const vars = run.c ? applyCase(base, run.c, marker) : base;
        const expected = run.c ? tokens(run.c, marker) : { echo: [], log: [] };
        const result = await call(op, fixture, run.caller, vars, {
          mustReject: run.c?.hostile.mustReject ?? false,
          mustRefuseCaller: run.caller === 'anonymous' && anonymous,
          ...expected,
        });
        totals.cases++;
        if (result.problems.length) {
          failures.push(
            line(
              run.caller,
              run.c ? pathKey(run.c.target.path) : '-',
              run.c?.hostile.kind ?? 'valid',
              result,
            ),
          );
        }
      }
      totals.failing += failures.length;
      if (REPORT && failures.length) appendFileSync(REPORT, `${failures.join('\n')}\n`);
      if (failures.length) {
        throw new Error(
          `${failures.length} of ${runs.length + 1} cases failed:\n${failures.join('\n')}`,
        );
      }
    },
    300_000,
  );

  it('saw the log and the writes it checks (the checks above are not vacuous)', () => {
    expect(logs.lines.length).toBeGreaterThan(OPERATIONS.length);
    // The valid calls of the mutations that create things wrote business rows.
    expect(totals.baselineWrites).toBeGreaterThan(10);
  });

  it('answers bodies that are not JSON (NaN, Infinity, cut off) with a 400 and a code', async () => {
    const failures: string[] = [];
    const query = 'query($first: Int) { citizens(first: $first) { totalCount } }';
    for (const raw of ['NaN', 'Infinity', '-Infinity', '1e999', '0x10']) {
      const body = `{"query":${JSON.stringify(query)},"variables":{"first":${raw}}}`;
      for (const text of [body, body.slice(0, 30)]) {
        const res = await t
          .http()
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${w.api.consultant.token}`)
          .send(text);
        totals.cases++;
        let code = 'NO_CODE';
        try {
          code =
            (JSON.parse(res.text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
              ?.extensions?.code ?? 'NO_CODE';
        } catch {
          code = 'NOT_JSON';
        }
        if (res.status >= 500 || res.status < 400 || !ALLOWED_CODES.has(code)) {
          failures.push(
            `citizens | body | raw ${raw}${text === body ? '' : ' (cut off)'} | consultant | HTTP ${res.status} | ${code}`,
          );
        }
      }
    }
    totals.failing += failures.length;
    if (REPORT && failures.length) appendFileSync(REPORT, `${failures.join('\n')}\n`);
    if (failures.length) throw new Error(failures.join('\n'));
  });
});
