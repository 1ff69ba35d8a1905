import { Role } from '@jobbro/core';
import { aCompany, aUser } from '@jobbro/testing';
import {
  checkAccessibility,
  expectNoConsoleErrors,
  launchBrowser,
  type Portal,
  screenshot,
  signIn,
  startPortal,
  type TestBrowser,
} from '@jobbro/testing/browser';
import type { Page } from 'playwright-core';

/** A directive's sources, falling back to default-src as the browser does. */
function sources(csp: string, name: string): string[] {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([directive]) => directive)
      .map(([directive, ...values]) => [directive.toLowerCase(), values]),
  );
  return directives.get(name) ?? directives.get('default-src') ?? [];
}

/** The user's name in the header, on whichever of the header's two layouts is showing. */
const shownName = (page: Page, name: string) =>
  page.getByText(name, { exact: true }).filter({ visible: true }).first();

describe('The portal in a browser', () => {
  let portal: Portal;
  let browser: TestBrowser;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('serves the sign-in page in Danish, accessible, with nothing refused or broken', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${portal.baseUrl}/log-ind`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Log ind på Jobbro' }).waitFor();
    expect(await page.title()).toContain('Log ind');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await checkAccessibility(page, 'log-ind');
    await screenshot(page, 'log-ind');
    expectNoConsoleErrors(page);
  });

  it('fits a phone: the sign-in page at 390 pixels is accessible too', async () => {
    const page = await browser.newPage({ mobile: true });
    await page.goto(`${portal.baseUrl}/log-ind`);
    await page.getByRole('heading', { level: 1, name: 'Log ind på Jobbro' }).waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkAccessibility(page, 'log-ind (mobil)');
    await screenshot(page, 'log-ind-mobil');
    expectNoConsoleErrors(page);
  });

  it("answers every portal path with the portal, under a CSP that allows only the portal's own scripts and styles", async () => {
    for (const path of ['/', '/log-ind', '/virksomhed/pladser/ukendt']) {
      const res = await fetch(`${portal.baseUrl}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(sources(csp, 'script-src')).toEqual(["'self'"]);
      expect(sources(csp, 'style-src')).toEqual(["'self'"]);
      expect(sources(csp, 'object-src')).toEqual(["'none'"]);
      expect(sources(csp, 'frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
    }
  });

  it('signs a user in, keeps the refresh token out of reach of scripts, and a reload keeps them signed in', async () => {
    const ds = portal.testApp.dataSource;
    const user = await aUser().named('Mette Sørensen').withRole(Role.CompanyAdmin).build(ds);
    await aCompany(ds, user.id);
    const page = await browser.newPage();

    await signIn(page, portal.baseUrl, user.email, user.password);
    await shownName(page, 'Mette Sørensen').waitFor();
    const landing = new URL(page.url()).pathname;
    expect(landing).not.toMatch(/^\/log-ind/);
    await checkAccessibility(page, `landing page of a company admin (${landing})`);

    const cookies = await page.context().cookies();
    const refresh = cookies.find((c) => c.path.startsWith('/auth'));
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // (Page expressions are strings: the API's tsconfig has no DOM types.)
    expect(await page.evaluate<string>('document.cookie')).not.toContain(refresh!.name);
    // Nothing in localStorage, and no token in sessionStorage (which keeps only the language
    // chosen): the access token lives in memory only.
    expect(await page.evaluate('localStorage.length')).toBe(0);
    const stored = await page.evaluate<string>('JSON.stringify({ ...sessionStorage })');
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(stored).not.toContain(refresh!.value);

    await page.reload();
    await shownName(page, 'Mette Sørensen').waitFor();
    expect(new URL(page.url()).pathname).toBe(landing);
    expectNoConsoleErrors(page);
  });
});
