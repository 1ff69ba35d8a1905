import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  type BuiltUser,
  occupationByLabel,
  ok,
} from '@jobbro/testing';
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

/**
 * Journey 2 in the browser: a job consultant finds placements for a citizen, reads why each
 * scores as it does, asks why an excluded slot is out, searches with a misspelling and facet
 * counts, opens a slot's matching citizens, answers a partnership proposal and invites people.
 */
describe('Matching, search and partnerships in the browser', () => {
  let portal: Portal;
  let browser: TestBrowser;
  let consultant: BuiltUser;
  let page: Page;
  const ids = { citizen: '', restaurant: '', canteen: '', heavyKitchen: '' };
  let proposingCompany = '';

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    const ds = portal.testApp.dataSource;
    const http = portal.testApp.http;
    const centre = await aJobCentre(ds);
    consultant = await aUser()
      .named('Karin Konsulent')
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .build(ds);
    const admin = await aUser().named('Erik Arbejdsgiver').withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, admin.id);
    await aPartnership(ds, company.id, centre.id, 'active');
    const employer = await new Api(http).signIn(admin.email, admin.password);
    const cook = await occupationByLabel(ds, 'cook');
    const crop = await occupationByLabel(ds, 'crop production worker');
    const post = (title: string, occupationId: string, accommodations: string[], tasks: string[]) =>
      employer.publishSlot(company, {
        title,
        occupationId,
        tasks,
        accommodations,
        weeklyHoursMin: 8,
        capacity: 2,
        ordinaryHoursPath: { possible: true, afterWeeks: 4, hoursPerWeek: 5 },
      });
    ids.restaurant = await post(
      'Kok i restaurantkøkken',
      cook.id,
      ['NO_HEAVY_LIFTING'],
      ['Salater', 'Kolde anretninger i køkkenet'],
    );
    ids.canteen = await post(
      'Køkkenhjælper i kantine',
      cook.id,
      ['NO_HEAVY_LIFTING'],
      ['Opvask', 'Salatbar'],
    );
    await post('Medhjælper i landbruget', crop.id, ['NO_HEAVY_LIFTING'], ['Markarbejde']);
    ids.heavyKitchen = await post(
      'Kok i storkøkken',
      cook.id,
      [],
      ['Store gryder', 'Varemodtagelse'],
    );

    // A second company proposed a partnership that the job centre has not answered yet.
    const otherAdmin = await aUser().withRole(Role.CompanyAdmin).build(ds);
    const other = await aCompany(ds, otherAdmin.id);
    await aPartnership(ds, other.id, centre.id, 'proposed');
    proposingCompany = (
      await ds.query<{ name: string }[]>(`SELECT name FROM company WHERE id = $1`, [other.id])
    )[0].name;

    const api = await new Api(http).signIn(consultant.email, consultant.password);
    const citizen = ok(
      await api.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        postalCode: '2300',
        email: 'ahmad.karimi@example.dk',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      }),
    ).createCitizen as { id: string };
    ok(
      await api.addJobGoal({
        citizenId: citizen.id,
        ownWords: 'Jeg er uddannet kok og vil tilbage i et køkken, men ikke med tunge løft',
        occupationIds: [cook.id],
        hoursNow: 10,
        hoursLater: 25,
        maxCommuteKm: 20,
      }),
    );
    ok(
      await api.updateNeeds({
        citizenId: citizen.id,
        accommodations: ['NO_HEAVY_LIFTING'],
        functionalLimits: 'Dårlig ryg',
      }),
    );
    ids.citizen = citizen.id;

    page = await browser.newPage();
    await signIn(page, portal.baseUrl, consultant.email, consultant.password);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('ranks placements for a citizen with each factor, and names the failed hard filter of an excluded one', async () => {
    await page.goto(`${portal.baseUrl}/borgere/${ids.citizen}/match`);
    await page
      .getByRole('heading', { level: 1, name: 'Find praktikpladser til Ahmad Karimi' })
      .waitFor();
    const results = page.locator('.match-result');
    await results.first().waitFor();
    await page.getByRole('status').filter({ hasText: 'pladser passer' }).waitFor();
    // Ranked: the restaurant kitchen first, the slot without the accommodation not on the list.
    const titles = await page.locator('.match-result h3 a').allTextContents();
    expect(titles.slice(0, 2).sort()).toEqual([
      'Kok i restaurantkøkken',
      'Køkkenhjælper i kantine',
    ]);
    expect(titles).not.toContain('Kok i storkøkken');
    const scores = (await page.locator('.match-result .badge').allTextContents()).map((text) =>
      Number(/Score ([\d,]+) af 100/.exec(text)![1].replace(',', '.')),
    );
    expect(scores).toHaveLength(titles.length);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const first = results.first();
    await expect(first.getByText(/^Score \d+(,\d)? af 100$/).count()).resolves.toBe(1);
    // Distance in Danish format (the site and the home are both in 2300).
    await expect(first.getByText(/Afstand: \d+(,\d)? km/).count()).resolves.toBe(1);
    const factors = first.getByRole('table');
    for (const factor of ['Fag', 'Borgerens egne ord', 'Afstand', 'Ordinære timer', 'Mentor'])
      await factors.getByRole('rowheader', { name: factor, exact: true }).waitFor();
    await factors.getByText(/^Samme fag som jobmålet: /).waitFor();
    await factors.getByText('Ordinære timer efter 4 uger (5 t/uge)').waitFor();
    await factors.getByRole('columnheader', { name: 'Vægt' }).waitFor();
    await checkAccessibility(page, 'find praktikpladser');
    await screenshot(page, 'matching-results');

    // "Hvorfor ikke?" by keyboard: the explanation opens right below the slot.
    const whyNot = page.getByRole('button', { name: 'Hvorfor passer Kok i storkøkken ikke?' });
    await whyNot.focus();
    await page.keyboard.press('Enter');
    expect(await whyNot.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Hvorfor ikke: Kok i storkøkken' });
    await panel.getByText('Pladsen er udelukket, fordi:').waitFor();
    const failed = panel.locator('.failed-filters li');
    expect(await failed.allTextContents()).toEqual([
      'Skånehensyn: Kan ikke tilbyde: Ingen tunge løft',
    ]);
    // Every hard filter with pass or fail; the failed one says so.
    const rows = panel.getByRole('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(9);
    const accommodationRow = rows.filter({
      has: page.getByRole('rowheader', { name: 'Skånehensyn' }),
    });
    await accommodationRow.getByText('Ikke opfyldt').waitFor();
    await rows
      .filter({ has: page.getByRole('rowheader', { name: 'Ledig plads' }) })
      .getByText('Opfyldt', { exact: true })
      .waitFor();
    await checkAccessibility(page, 'hvorfor ikke');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-why-not');
    // Asking a slot on the list shows every filter passed.
    await page.getByRole('button', { name: 'Forklar matchet med Kok i restaurantkøkken' }).click();
    await page
      .getByRole('region', { name: 'Forklaring: Kok i restaurantkøkken' })
      .getByText(/^Pladsen opfylder alle krav\. Score [\d,]+ af 100\.$/)
      .waitFor();
    await whyNot.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await whyNot.getAttribute('aria-expanded')).toBe('false');
    expectNoConsoleErrors(page);
  });

  it('narrows the matches with a filter', async () => {
    await page.getByRole('checkbox', { name: 'Løntilskud', exact: true }).check();
    await page.getByRole('button', { name: 'Vis pladser' }).click();
    await page.getByText('Ingen pladser passer til borgeren med de valgte filtre.').waitFor();
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await page.locator('.match-result').first().waitFor();
    // The occupation filter: search, choose, and only the cook slots remain.
    await page.getByLabel('Søg efter fag').fill('kok');
    await page.getByLabel('Søg efter fag').press('Enter');
    await page.getByRole('button', { name: 'Vælg: kok', exact: true }).click();
    await page.getByText('Valgt: kok').waitFor();
    await page.getByRole('button', { name: 'Vis pladser' }).click();
    await page.getByRole('status').filter({ hasText: '2 pladser passer' }).waitFor();
    expect((await page.locator('.match-result h3 a').allTextContents()).sort()).toEqual([
      'Kok i restaurantkøkken',
      'Køkkenhjælper i kantine',
    ]);
    await checkAccessibility(page, 'find praktikpladser med fag');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await page.getByRole('status').filter({ hasText: '3 pladser passer' }).waitFor();
    expectNoConsoleErrors(page);
  });

  it('finds a slot from a misspelt search, with facet counts, and lists the citizens who fit it', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Praktikpladser' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Praktikpladser' }).waitFor();
    await page.getByRole('status').filter({ hasText: '4 praktikpladser fundet' }).waitFor();
    await page.getByLabel('Søg i praktikpladser', { exact: true }).fill('køkenhjælper');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/q=k%C3%B8kenhj%C3%A6lper/);
    const status = page.getByRole('status').filter({ hasText: /praktikplads(er)? fundet/ });
    await status.filter({ hasNotText: '4 praktikpladser' }).waitFor();
    const link = page.getByRole('link', { name: 'Køkkenhjælper i kantine' });
    await link.waitFor();
    // Facet counts as checkboxes: the type and the accommodation with their numbers.
    await page.getByRole('checkbox', { name: /^Virksomhedspraktik \(\d+\)$/ }).waitFor();
    await page.getByRole('checkbox', { name: /^Ingen tunge løft \(\d+\)$/ }).waitFor();
    await page.getByRole('radio', { name: /^København \(\d+\)$/ }).waitFor();
    await checkAccessibility(page, 'søg i praktikpladser');
    await screenshot(page, 'matching-search');

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Køkkenhjælper i kantine' }).waitFor();
    await page.getByText('Virksomhedspraktik', { exact: false }).first().waitFor();
    await page.getByText('Ingen tunge løft').first().waitFor();
    const citizens = page.getByRole('region', { name: 'Borgere der passer til pladsen' });
    const ahmad = citizens.getByRole('link', { name: 'Ahmad Karimi' });
    await ahmad.waitFor();
    expect(await ahmad.getAttribute('href')).toBe(`/borgere/${ids.citizen}`);
    await citizens.getByText(/^Score \d+(,\d)? af 100$/).waitFor();
    await citizens.getByText('Begrundelse for Ahmad Karimi').click();
    await citizens.getByText(/^Samme fag som jobmålet: /).waitFor();
    await checkAccessibility(page, 'en praktikplads');
    await screenshot(page, 'matching-slot');
    expectNoConsoleErrors(page);
  });

  it('accepts a partnership a company proposed', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Virksomheder' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Virksomheder og partnerskaber' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(proposingCompany) });
    await card.getByText('Foreslået', { exact: true }).waitFor();
    await checkAccessibility(page, 'virksomheder');
    await screenshot(page, 'matching-companies');
    await card.getByRole('button', { name: `Accepter: ${proposingCompany}` }).click();
    const toast = page.locator('.toast').filter({
      hasText: `Partnerskabet med ${proposingCompany} er nu: Aktivt.`,
    });
    await toast.waitFor();
    await card.getByText('Aktivt', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Sæt på pause: ${proposingCompany}` }).waitFor();
    // The pressed button is gone: focus is on the card's heading, not lost.
    expect(await page.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('H2');
    await toast.getByRole('button', { name: 'Luk' }).click();
    await toast.waitFor({ state: 'detached' });
    expectNoConsoleErrors(page);
  });

  it('invites an employer after refusing a bad e-mail, and a citizen at the address on record', async () => {
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Inviter' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Inviter' }).waitFor();
    await checkAccessibility(page, 'inviter');
    await screenshot(page, 'matching-invite');

    const employer = page.getByRole('region', { name: 'Inviter en arbejdsgiver' });
    await employer.getByLabel('Arbejdsgiverens navn').fill('Lise Løkke');
    await employer.getByLabel('Arbejdsgiverens e-mail').fill('lise-ved-firmaet');
    await employer.getByLabel('CVR-nummer').fill('12345678');
    await employer.getByRole('button', { name: 'Send invitation' }).click();
    const summary = employer.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    const emailError = 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk';
    await summary.getByRole('link', { name: emailError }).waitFor();
    await summary
      .getByRole('link', { name: 'Et CVR-nummer har 8 cifre og skal være gyldigt' })
      .waitFor();
    const emailField = employer.getByLabel('Arbejdsgiverens e-mail');
    expect(await emailField.getAttribute('aria-invalid')).toBe('true');
    await employer.locator('.form-error-message').filter({ hasText: emailError }).waitFor();
    // The summary took focus, so a screen reader hears what is wrong.
    expect(await page.evaluate<string>('document.activeElement?.className ?? ""')).toContain(
      'error-summary',
    );
    await checkAccessibility(page, 'inviter med fejl');
    // Nothing was sent.
    const sentBefore = await portal.testApp.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM invitation WHERE email = 'lise-ved-firmaet'`,
    );
    expect(sentBefore[0].n).toBe(0);

    await emailField.fill('lise@firmaet.dk');
    await employer.getByLabel('CVR-nummer').fill('');
    await employer.getByRole('button', { name: 'Send invitation' }).click();
    await employer.getByText(/Invitationen er sendt til Lise Løkke \(lise@firmaet\.dk\)/).waitFor();

    const citizen = page.getByRole('region', { name: 'Inviter en borger' });
    await citizen
      .getByLabel('Borger', { exact: true })
      .selectOption({ label: 'Ahmad Karimi (2300)' });
    await citizen.getByRole('button', { name: 'Send invitation til borgeren' }).click();
    await citizen
      .getByText(/Invitationen er sendt til Ahmad Karimi på ahmad\.karimi@example\.dk/)
      .waitFor();
    await checkAccessibility(page, 'inviter sendt');
    expectNoConsoleErrors(page);
  });
});
