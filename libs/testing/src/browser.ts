/**
 * Browser tests (`test/browser/*.browser-spec.ts`, jest project `browser`): the real API on this
 * test file's own database serves the built portal on a loopback port, and Debian's Chromium,
 * driven by playwright-core, uses it as a person would.
 *
 *   const portal = await startPortal();          // API + portal on http://127.0.0.1:<port>
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();        // da-DK, 1280x900 ({ mobile: true }: 390x844)
 *   await page.goto(`${portal.baseUrl}/log-ind`);
 *   await checkAccessibility(page, 'log-ind');   // axe, WCAG 2.1 A and AA, fails on any violation
 *   await screenshot(page, 'log-ind');           // docs/screenshots/log-ind.png
 *   expectNoConsoleErrors(page);                 // console errors, CSP violations, failed requests
 *   await browser.close(); await portal.close();
 *
 * The global setup (browser-global-setup.ts) finds Chromium once, builds the portal when its
 * sources are newer than dist/portal, and starts the test database; workers get the browser's
 * path in CHROMIUM_PATH.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type ConsoleMessage,
  type Page,
  type Response,
} from 'playwright-core';
import { projectRoot } from '../../core/src/project-root';
import type { TestApp } from './test-app';

/** Where the browser tests look for Chromium, in order, after the CHROMIUM_PATH variable. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium's flags on machines without internet access. Playwright already passes --headless,
 * --no-sandbox (unless chromiumSandbox), --disable-dev-shm-usage, --no-first-run,
 * --disable-background-networking, --disable-component-update and --disable-sync, and gives every
 * launch a fresh, empty --user-data-dir of its own (it refuses one in `args`, and deletes it on
 * close); these are the ones it does not pass.
 */
export const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic'] as const;

const NEEDS_CHROMIUM =
  "Browser tests need Chromium: install Debian's `chromium` package or set CHROMIUM_PATH.";

/** An error that is a message to the person running the tests: printed as one line, no trace. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Debian itself (Ubuntu's `chromium` package is a stub that wants snap). */
function isDebian(): boolean {
  try {
    return /^ID="?debian"?$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium. Where neither exists and
 * this process may install system packages (root on Debian, with apt-get), installs Debian's
 * `chromium` (with `chromium-l10n`) and says so on one line; otherwise throws one line naming what
 * to install.
 */
export function findChromium(options: { install?: boolean } = {}): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw oneLine(`CHROMIUM_PATH is ${configured}, which is not an executable file.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const mayInstall =
    options.install !== false &&
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    isDebian() &&
    commandExists('apt-get');
  if (!mayInstall) throw oneLine(NEEDS_CHROMIUM);
  process.stderr.write(
    "Installing Debian's chromium for the browser tests (apt-get install chromium chromium-l10n)…\n",
  );
  const install = spawnSync(
    'sh',
    // chromium-l10n: Chromium's own Danish, which date fields are drawn in (see launchBrowser).
    [
      '-c',
      'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-l10n',
    ],
    {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (install.status === 0 && isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw oneLine(`apt-get could not install chromium. ${NEEDS_CHROMIUM}`);
}

// ---------------------------------------------------------------------------------------------
// The portal build

/** The built portal the API serves (PORTAL_DIR's default). */
export function portalDist(): string {
  return join(projectRoot(), 'dist', 'portal');
}

/** The newest modification time under `path` (a file or a folder), skipping `skip` folders. */
function newestMtime(path: string, skip: readonly string[] = []): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (skip.includes(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry), skip));
  }
  return newest;
}

/** Whether dist/portal is missing or older than any of the portal's sources or the schema. */
export function portalIsStale(): boolean {
  const root = projectRoot();
  const built = join(portalDist(), 'index.html');
  if (!existsSync(built)) return true;
  const portal = join(root, 'apps', 'portal');
  const sources = [
    // src/gql is generated from schema.graphql and the documents by the build itself.
    newestMtime(join(portal, 'src'), ['gql']),
    newestMtime(join(portal, 'public')),
    newestMtime(join(portal, 'index.html')),
    newestMtime(join(portal, 'vite.config.mts')),
    newestMtime(join(portal, 'codegen.ts')),
    newestMtime(join(root, 'schema.graphql')),
  ];
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/**
 * One build at a time across jest runs on this checkout: two Vite builds emptying and writing
 * dist/portal together leave an index.html naming files the other one deleted. A lock older than
 * any build takes was left by a run that died.
 */
function withBuildLock<T>(work: () => T): T {
  const lock = join(projectRoot(), '.data', 'portal-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw oneLine(`Another portal build holds ${lock}.`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Runs `npm run portal:build` when the build is stale; throws with its output when it fails.
 * SKIP_PORTAL_BUILD=1 uses dist/portal as it is (while sources are half-edited, say).
 */
export function ensurePortalBuilt(): { built: boolean } {
  if (process.env.SKIP_PORTAL_BUILD === '1' && existsSync(join(portalDist(), 'index.html')))
    return { built: false };
  if (!portalIsStale()) return { built: false };
  return withBuildLock(() => {
    // Another run may have built it while this one waited.
    if (!portalIsStale()) return { built: false };
    const build = spawnSync('npm', ['run', '--silent', 'portal:build'], {
      cwd: projectRoot(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) {
      const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
      // Vite's own report is the message; a trace of this helper adds nothing to it.
      throw oneLine(`npm run portal:build failed (the browser tests need the portal):\n${output}`);
    }
    return { built: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The API serving the portal

export interface Portal {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  testApp: TestApp;
  close: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real API (createTestApp: every module, on this file's own database) listening on a free
 * loopback port, serving the built portal. PUBLIC_URL is that address, so links in mails lead back
 * to it; `env` overrides any setting.
 */
export async function startPortal(env: Record<string, string> = {}): Promise<Portal> {
  // Loaded here, not at the top, so the global setup can use this file without the whole app.
  const { createTestApp } = await import('./test-app');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp({ PUBLIC_URL: baseUrl, ...env });
  try {
    await testApp.app.listen(port, '127.0.0.1');
  } catch (error) {
    await testApp.close();
    throw error;
  }
  return { baseUrl, testApp, close: () => testApp.close() };
}

// ---------------------------------------------------------------------------------------------
// The browser and what went wrong in it

/** A response with an error status that a page is expected to get. */
export interface ExpectedResponse {
  method?: string;
  /** The path (exact) or a pattern matched against the path. */
  path: string | RegExp;
  status: number;
}

/**
 * Error responses every page may get: signed out, the portal asks the refresh route for a session
 * on load and hears "none".
 */
export const EXPECTED_RESPONSES: readonly ExpectedResponse[] = [
  { method: 'POST', path: '/auth/session/refresh', status: 401 },
];

export interface PageProblems {
  /** console.error and uncaught exceptions. */
  errors: string[];
  /** Content-Security-Policy violations (enforced or report-only). */
  csp: string[];
  /** Requests that failed and responses with an error status that were not expected. */
  network: string[];
}

const problems = new WeakMap<Page, PageProblems>();
const tracked = new WeakSet<Page>();
const expected = new WeakMap<BrowserContext, ExpectedResponse[]>();

/** What went wrong in `page` so far (see expectNoConsoleErrors). */
export function problemsOf(page: Page): PageProblems {
  let found = problems.get(page);
  if (!found) {
    found = { errors: [], csp: [], network: [] };
    problems.set(page, found);
  }
  return found;
}

/** Forgets what went wrong so far, for a test that provokes an error on purpose. */
export function clearProblems(page: Page): void {
  problems.set(page, { errors: [], csp: [], network: [] });
}

/** Lets every page of `page`'s context get this error response without failing the test. */
export function expectResponse(page: Page, response: ExpectedResponse): void {
  expected.get(page.context())?.push(response);
}

function isExpected(context: BrowserContext, response: Response): boolean {
  const { pathname } = new URL(response.url());
  const method = response.request().method();
  return (expected.get(context) ?? EXPECTED_RESPONSES).some(
    (e) =>
      e.status === response.status() &&
      (e.method === undefined || e.method === method) &&
      (typeof e.path === 'string' ? e.path === pathname : e.path.test(pathname)),
  );
}

function where(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? ` (${url}:${lineNumber})` : '';
}

function track(page: Page): void {
  if (tracked.has(page)) return;
  tracked.add(page);
  const found = problemsOf(page);
  const context = page.context();
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) found.csp.push(text + where(message));
    // The browser's own line for an error response; the response listener below judges those.
    else if (text.startsWith('Failed to load resource')) return;
    else if (message.type() === 'error') found.errors.push(text + where(message));
  });
  page.on('pageerror', (error) => found.errors.push(`Uncaught ${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A navigation cancels the previous page's requests: not an error of either page.
    if (failure === 'net::ERR_ABORTED') return;
    found.network.push(`${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() < 400 || isExpected(context, response)) return;
    const request = response.request();
    let line = `${request.method()} ${response.url()}: ${response.status()}`;
    if (new URL(response.url()).pathname !== '/graphql') {
      found.network.push(line);
      return;
    }
    // A GraphQL refusal: name the operation now and add the API's first error once it is read.
    try {
      const { operationName, query } = (request.postDataJSON() ?? {}) as {
        operationName?: string;
        query?: string;
      };
      const name = operationName ?? /\b(?:query|mutation)\s+(\w+)/.exec(query ?? '')?.[1];
      if (name) line += ` (${name})`;
    } catch {
      // Not JSON: the line stays as it is.
    }
    const index = found.network.push(line) - 1;
    response
      .json()
      .then((body: { errors?: { message?: string; extensions?: { code?: string } }[] }) => {
        const first = body.errors?.[0];
        if (first) found.network[index] += ` ${first.extensions?.code ?? ''}: ${first.message}`;
      })
      .catch(() => undefined);
  });
}

/**
 * Fails with every console error, uncaught exception, CSP violation, failed request and
 * unexpected error response `page` has seen (EXPECTED_RESPONSES and expectResponse list the
 * allowed ones).
 */
export function expectNoConsoleErrors(page: Page): void {
  const { errors, csp, network } = problemsOf(page);
  const lines = [
    ...errors.map((e) => `console: ${e}`),
    ...csp.map((e) => `CSP: ${e}`),
    ...network.map((e) => `network: ${e}`),
  ];
  if (lines.length) throw new Error(`The page had problems:\n  ${lines.join('\n  ')}`);
}

/** Fails on any Content-Security-Policy violation `page` has seen. */
export function expectNoCspViolations(page: Page): void {
  const { csp } = problemsOf(page);
  if (csp.length) throw new Error(`Content-Security-Policy violations:\n  ${csp.join('\n  ')}`);
}

export interface NewPageOptions {
  /** A phone: 390x844, touch, mobile viewport meta honoured. */
  mobile?: boolean;
  /** Defaults to da-DK (Danish first). */
  locale?: string;
  /** Error responses this page may get on top of EXPECTED_RESPONSES. */
  expectedResponses?: ExpectedResponse[];
  /** Anything else for the context (each page gets its own context: its own cookies). */
  context?: BrowserContextOptions;
}

export interface TestBrowser {
  browser: Browser;
  /** A page in a fresh context (no cookies, no cache), watched for problems. */
  newPage: (options?: NewPageOptions) => Promise<Page>;
  close: () => Promise<void>;
}

/** Chromium (CHROMIUM_PATH, found by the global setup) with the closed network's flags. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? findChromium({ install: false }),
    // Chromium draws date and time fields in its own UI language, not the page's: Danish, as the
    // contexts (dd.mm.åååå rather than mm/dd/yyyy in the screenshots).
    args: [...CHROMIUM_ARGS, '--lang=da-DK'],
    env: { ...process.env, LANG: 'da_DK.UTF-8', LANGUAGE: 'da' },
  });
  const newPage = async (options: NewPageOptions = {}): Promise<Page> => {
    const device: BrowserContextOptions = options.mobile
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } };
    const context = await browser.newContext({
      locale: options.locale ?? 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      deviceScaleFactor: 1,
      ...device,
      ...options.context,
    });
    expected.set(context, [...EXPECTED_RESPONSES, ...(options.expectedResponses ?? [])]);
    // Pages the portal opens (a PDF in a new tab) are watched too.
    context.on('page', track);
    const page = await context.newPage();
    track(page);
    return page;
  };
  return { browser, newPage, close: () => browser.close() };
}

// ---------------------------------------------------------------------------------------------
// Accessibility and screenshots

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * axe rules knowingly not run, each with the reason. Empty: every rule of the tags above runs on
 * every page the tests visit.
 */
export const SKIPPED_AXE_RULES: readonly { rule: string; reason: string }[] = [];

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and fails with a readable list of
 * every violation: rule, impact, what to do, and the first three elements.
 */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]);
  if (SKIPPED_AXE_RULES.length)
    builder = builder.disableRules(SKIPPED_AXE_RULES.map((s) => s.rule));
  const { violations } = await builder.analyze();
  if (!violations.length) return;
  const lines = violations.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(' > '))
      .join(' | ');
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    return `${v.id} [${v.impact ?? 'unknown'}]: ${v.help} — ${targets}${more}`;
  });
  throw new Error(`Accessibility violations on ${label} (${page.url()}):\n  ${lines.join('\n  ')}`);
}

/** Where the tests save their screenshots (the README shows them). */
export function screenshotDir(): string {
  return join(projectRoot(), 'docs', 'screenshots');
}

/** Saves the whole page as docs/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`Screenshot names are kebab-case: ${name}`);
  mkdirSync(screenshotDir(), { recursive: true });
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

// ---------------------------------------------------------------------------------------------
// Journeys' first steps

/**
 * Signs in through the portal's sign-in form at /log-ind and waits until the portal has moved on
 * (to the user's landing page, or the page that sent them to sign in).
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/log-ind`);
  // The page has two forms with an e-mail field: the password form is its own region.
  const form = page.getByRole('region', { name: 'Med adgangskode' });
  await form.getByLabel('E-mail', { exact: true }).fill(email);
  await form.getByLabel('Adgangskode', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/log-ind'));
}
