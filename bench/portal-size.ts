/**
 * `npx ts-node --transpile-only bench/portal-size.ts`: what the portal's first page costs.
 *
 * - The JavaScript and CSS a browser loads for /log-ind, raw and gzipped (zlib's default level,
 *   as a compressing proxy would send them), read from the requests Chromium made, with the
 *   entry files named in dist/portal/index.html for comparison. Fonts are listed apart.
 * - The time from navigation start to the first usable page: the sign-in form on screen with its
 *   fields and button enabled (React has rendered, so its handlers are attached), median of
 *   RUNS cold loads (each in a fresh browser context: empty cache, no cookies).
 *
 * It runs the real API with the built portal (building it first if stale) on a temporary
 * embedded PostgreSQL, as the browser tests do.
 */
import 'tsconfig-paths/register';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const RUNS = Number(process.env.RUNS ?? 5);

interface Asset {
  path: string;
  kind: 'js' | 'css' | 'font' | 'other';
  raw: number;
  gzip: number;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function kindOf(path: string): Asset['kind'] {
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|eot|otf)$/.test(path)) return 'font';
  return 'other';
}

function measure(dist: string, path: string): Asset {
  const bytes = readFileSync(join(dist, path));
  return { path, kind: kindOf(path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

function table(title: string, assets: Asset[]): void {
  console.log(`\n${title}`);
  for (const a of assets)
    console.log(`  ${a.path.padEnd(52)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)} gzip`);
  for (const kind of ['js', 'css', 'font'] as const) {
    const of = assets.filter((a) => a.kind === kind);
    if (!of.length) continue;
    const raw = of.reduce((s, a) => s + a.raw, 0);
    const gzip = of.reduce((s, a) => s + a.gzip, 0);
    console.log(
      `  ${`total ${kind} (${of.length} files)`.padEnd(52)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`,
    );
  }
}

/** The files dist/portal/index.html names: entry scripts, preloads and stylesheets. */
function entryFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1],
  );
  return [...new Set(paths)];
}

/** Just enough of the DOM for formReady (this project's tsconfig has no DOM types). */
interface Node {
  disabled?: boolean;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
}

/**
 * Runs in the page (a function, not a string: the portal's CSP forbids eval): the time since
 * navigation start once the password form's fields and button are there and enabled, else false.
 */
function formReady(): number | false {
  const { document } = globalThis as unknown as { document: Node };
  const region = document.querySelector('section[aria-labelledby="password-heading"]');
  if (!region) return false;
  const fields = Array.from(region.querySelectorAll('input'));
  const button = region.querySelector('button[type="submit"]');
  const ready =
    fields.length >= 2 && fields.every((f) => !f.disabled) && button && !button.disabled;
  return ready ? performance.now() : false;
}

interface Timing {
  html: number;
  firstPaint: number;
  domContentLoaded: number;
  usable: number;
}

/** Runs in the page: the navigation's milestones, in ms since navigation start. */
function milestones(): Omit<Timing, 'usable'> {
  type Entry = {
    name: string;
    startTime: number;
    responseEnd: number;
    domContentLoadedEventEnd: number;
  };
  const entries = (type: string): Entry[] =>
    (performance as unknown as { getEntriesByType(t: string): Entry[] }).getEntriesByType(type);
  const [navigation] = entries('navigation');
  const paint = entries('paint').find((e) => e.name === 'first-contentful-paint');
  return {
    html: navigation.responseEnd,
    firstPaint: paint?.startTime ?? NaN,
    domContentLoaded: navigation.domContentLoadedEventEnd,
  };
}

async function main(): Promise<void> {
  // Loaded after tsconfig-paths is registered (the harness imports the app through its aliases).
  const browserHarness = await import('../libs/testing/src/browser');
  const { default: databaseSetup } = await import('../libs/testing/src/global-setup');
  const { default: databaseTeardown } = await import('../libs/testing/src/global-teardown');
  const { ensurePortalBuilt, findChromium, launchBrowser, portalDist, startPortal } =
    browserHarness;

  process.env.CHROMIUM_PATH = findChromium();
  if (ensurePortalBuilt().built) console.log('Built the portal (npm run portal:build).');
  const dist = portalDist();
  await databaseSetup();
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    // What the browser fetched for /log-ind.
    const page = await browser.newPage();
    const fetched = new Set<string>();
    let encoding = 'none';
    page.on('response', (response) => {
      const { pathname, origin } = new URL(response.url());
      if (origin !== portal.baseUrl || !pathname.startsWith('/assets/')) return;
      fetched.add(pathname);
      encoding = response.headers()['content-encoding'] ?? encoding;
    });
    // Not 'networkidle': Chromium never reports a fetch finished whose body the page leaves
    // unread (the portal's signed-out refresh answer), so the network never looks idle.
    await page.goto(`${portal.baseUrl}/log-ind`, { waitUntil: 'load' });
    await page.waitForFunction(formReady, undefined, { polling: 'raf' });
    await page.waitForTimeout(1000);
    await page.context().close();

    const loaded = [...fetched].sort().map((p) => measure(dist, p.slice(1)));
    table('Loaded by /log-ind (raw, gzipped):', loaded);
    table(
      'Named by index.html:',
      entryFiles(dist).map((p) => measure(dist, p.slice(1))),
    );
    console.log(`  (the API sends them with content-encoding: ${encoding})`);

    // Time to the first usable page: cold (a fresh context each run), then warm (the same
    // context again: the hashed assets come from the browser's cache).
    const runs: Record<'cold' | 'warm', Timing[]> = { cold: [], warm: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const tab = await browser.newPage();
      for (const kind of ['cold', 'warm'] as const) {
        await tab.goto(`${portal.baseUrl}/log-ind`, { waitUntil: 'commit' });
        const usable = (await (
          await tab.waitForFunction(formReady, undefined, { polling: 'raf' })
        ).jsonValue()) as number;
        await tab.waitForTimeout(250); // first-contentful-paint is reported a frame later
        runs[kind].push({ ...(await tab.evaluate(milestones)), usable });
      }
      await tab.context().close();
    }
    // The floor: a fresh context showing the API's smallest document (a new renderer process
    // and one request, no portal), so the figures above can be read against this machine.
    const floor: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const tab = await browser.newPage();
      await tab.goto(`${portal.baseUrl}/favicon.svg`, { waitUntil: 'load' });
      floor.push((await tab.evaluate(milestones)).domContentLoaded);
      await tab.context().close();
    }
    console.log(
      `\nFloor (fresh context, /favicon.svg): DOMContentLoaded median ${median(floor).toFixed(0)} ms`,
    );
    for (const kind of ['cold', 'warm'] as const) {
      const of = (key: keyof Timing): string =>
        `${median(runs[kind].map((r) => r[key])).toFixed(0)} ms`;
      console.log(
        `\n/log-ind ${kind}, median of ${RUNS} (from navigation start):` +
          `\n  HTML received ${of('html')}, first paint ${of('firstPaint')}, ` +
          `DOMContentLoaded ${of('domContentLoaded')}` +
          `\n  first usable page (sign-in form ready) ${of('usable')}` +
          `  (runs: ${runs[kind].map((r) => r.usable.toFixed(0)).join(', ')} ms)`,
      );
    }
  } finally {
    await browser.close();
    await portal.close();
    await databaseTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
