import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  type BuiltUser,
  occupationByLabel,
  ok,
  pdfText,
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
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Closes the confirmations still showing, so a screenshot shows the page itself. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('.toast-container .toast-close');
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
}

/**
 * The citizen's own pages on a phone (borger.dk's look): plan and goals, the team, consents
 * (withdrawn after a confirmation, given again), who has looked at their data, the plan as PDF.
 */
describe('the citizen in a browser (mobile)', () => {
  let portal: Portal;
  let browser: TestBrowser;
  let citizen: BuiltUser;
  let companyName: string;
  let consultant: Api;
  let citizenId: string;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    const ds = portal.testApp.dataSource;
    const centre = await aJobCentre(ds, { name: 'Jobcenter København' });
    const c = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Mette Sørensen')
      .build(ds);
    const w = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Jonas Bech')
      .build(ds);
    consultant = await new Api(portal.testApp.http).signIn(c.email, c.password);

    citizenId = (
      ok(
        await consultant.createCitizen({
          firstName: 'Ahmad',
          lastName: 'Karimi',
          email: 'ahmad@example.dk',
          postalCode: '2400',
          cpr: '010185-1234',
          targetGroup: 'kontanthjaelp_aktivitetsparat',
        }),
      ).createCitizen as { id: string }
    ).id;
    ok(
      await consultant.addTeamMember({
        citizenId,
        userId: w.id,
        role: 'CASEWORKER',
        reason: 'Koordinerende sagsbehandler',
      }),
    );
    const cook = await occupationByLabel(ds, 'cook');
    ok(
      await consultant.addJobGoal({
        citizenId,
        ownWords: 'Jeg vil gerne tilbage i et køkken, men ikke med tunge løft',
        occupationIds: [cook.id],
        hoursNow: 10,
        hoursLater: 25,
      }),
    );
    ok(
      await consultant.updatePlan({
        citizenId,
        expectedVersion: 0,
        longTermGoal: 'Fast job som kok på 25 timer om ugen',
        milestones: [
          { title: 'Praktik i et køkken', deadline: '2027-02-01' },
          { title: 'Kursus i hygiejne', deadline: '2027-01-15', status: 'REACHED' },
        ],
        activities: [
          {
            title: 'Samtale om praktik',
            startsOn: '2026-12-10',
            endsOn: '2026-12-10',
            responsible: 'Mette Sørensen',
          },
        ],
      }),
    );

    const employer = await aUser().withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, employer.id);
    await aPartnership(ds, company.id, centre.id, 'active');
    companyName = (
      await ds.query<{ name: string }[]>(`SELECT name FROM company WHERE id = $1`, [company.id])
    )[0].name;
    ok(
      await consultant.grantConsent({
        citizenId,
        companyId: company.id,
        scopes: ['PROFILE', 'JOB_GOALS'],
        purpose: 'Så mentoren kan forberede praktikken',
      }),
    );
    citizen = await aCitizenLogin(ds, citizenId);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** Opens a page from the menu, as a person on a phone does (the menu is a drawer there). */
  async function openFromMenu(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Menu' }).click();
    const drawer = page.getByRole('dialog', { name: 'Hovedmenu' });
    await drawer.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Nothing wider than the phone's screen. */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('shows plan, team, consents (withdraw with a confirmation, grant again), the access log and the plan as PDF', async () => {
    const page = await browser.newPage({ mobile: true });
    await signIn(page, portal.baseUrl, citizen.email, citizen.password);
    expect(new URL(page.url()).pathname).toBe('/mit-forloeb');
    // The theme's stylesheet loads after the page: wait for it (a wrong theme times out here).
    await page.locator('html[data-theme="borger"]').waitFor({ state: 'attached' });

    // My plan: goals in my own words, milestones with dates, what will happen.
    await page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
    await page.getByText('Jeg vil gerne tilbage i et køkken, men ikke med tunge løft').waitFor();
    await page.getByText('Fast job som kok på 25 timer om ugen').waitFor();
    const milestones = page.getByRole('region', { name: 'Delmål' });
    await milestones.getByText('Kursus i hygiejne').waitFor();
    await milestones.getByText('Senest 15. jan. 2027').waitFor();
    await milestones.getByText('Nået', { exact: true }).waitFor();
    await milestones.getByText('Praktik i et køkken').waitFor();
    await page.getByText('Ansvarlig: Mette Sørensen').waitFor();
    await expectNoSidewaysScroll(page);
    await checkAccessibility(page, 'citizen plan');
    await dismissToasts(page);
    await screenshot(page, 'citizen-plan');

    // The plan as PDF, downloaded as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent min plan som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('min-plan.pdf');
    const pdf = await pdfText(readFileSync(await download.path()));
    expect(pdf).toContain('Fast job som kok på 25 timer om ugen');
    await page.getByText('Din plan er hentet som PDF.').waitFor();

    // My team: who does what.
    await openFromMenu(page, 'Mit team');
    await page.getByRole('heading', { level: 2, name: 'Mette Sørensen' }).waitFor();
    await page.getByText('Jobkonsulent', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Jonas Bech' }).waitFor();
    await page.getByText('Sagsbehandler', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Skriv til Jonas Bech' }).waitFor();
    await expectNoSidewaysScroll(page);
    await checkAccessibility(page, 'citizen team');
    await dismissToasts(page);
    await screenshot(page, 'citizen-team');

    // My consents: what each part shares, withdraw after a confirmation.
    await openFromMenu(page, 'Mine samtykker');
    const active = page.getByRole('region', { name: 'Det deler du nu' });
    await active.getByRole('heading', { name: companyName }).waitFor();
    await active.getByText('Din e-mail og dit telefonnummer, så de kan kontakte dig.').waitFor();
    await expectNoSidewaysScroll(page);
    await checkAccessibility(page, 'citizen consents');
    await dismissToasts(page);
    await screenshot(page, 'citizen-consents');

    // By keyboard: the confirmation holds the focus; Escape cancels, changes nothing, and gives
    // the focus back to the button that opened it.
    const withdrawButton = active.getByRole('button', {
      name: `Træk samtykke tilbage – ${companyName}`,
    });
    await withdrawButton.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Vil du trække samtykket tilbage?' });
    await confirm.waitFor();
    await page.waitForFunction(`!!document.activeElement?.closest('dialog[open]')`);
    await checkAccessibility(page, 'citizen consents (confirm withdraw)');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      `document.activeElement?.textContent?.startsWith('Træk samtykke tilbage') === true`,
    );
    await active.getByRole('heading', { name: companyName }).waitFor();
    // Cancelling with the button changes nothing either.
    await withdrawButton.click();
    await confirm.getByRole('button', { name: 'Annuller' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await active.getByRole('heading', { name: companyName }).waitFor();

    await active.getByRole('button', { name: `Træk samtykke tilbage – ${companyName}` }).click();
    await confirm.getByRole('button', { name: 'Ja, træk det tilbage' }).click();
    await page.getByText(`Samtykket til ${companyName} er trukket tilbage.`).waitFor();
    await active.getByText('Du deler ikke noget med nogen virksomhed lige nu.').waitFor();
    const earlier = page.getByRole('region', { name: 'Tidligere samtykker' });
    await earlier.getByRole('heading', { name: companyName }).waitFor();
    const afterWithdraw = ok(await consultant.citizen(citizenId)).citizen as {
      consents: { withdrawnAt: string | null }[];
    };
    expect(afterWithdraw.consents).toEqual([
      expect.objectContaining({ withdrawnAt: expect.any(String) as unknown }),
    ]);

    // Giving a consent again: nothing chosen is refused next to the field and in the summary.
    const grant = page.getByRole('region', { name: 'Giv et samtykke' });
    await grant.getByRole('button', { name: 'Giv samtykke' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByRole('link', { name: 'Vælg mindst én ting, virksomheden må se' }).waitFor();
    await summary.getByRole('link', { name: 'Skriv hvorfor virksomheden må se det' }).waitFor();
    await grant
      .getByRole('group', { name: 'Hvad må virksomheden se?' })
      .getByText('Vælg mindst én ting, virksomheden må se')
      .waitFor();
    await checkAccessibility(page, 'citizen consents (form errors)');

    await grant.getByLabel('Min plan', { exact: true }).check();
    await grant
      .getByLabel('Hvorfor må de se det?')
      .fill('Så de kan se, hvad jeg arbejder hen imod');
    await grant.getByRole('button', { name: 'Giv samtykke' }).click();
    await page.getByText(`Du har givet samtykke til ${companyName}.`).waitFor();
    await active.getByRole('heading', { name: companyName }).waitFor();
    await active.getByText('Din plan med mål, delmål og datoer.').waitFor();

    // Who has seen my data: the consultant reads the citizen's data now; the citizen sees it.
    ok(await consultant.citizen(citizenId));
    await openFromMenu(page, 'Hvem har set mine data');
    const log = page.getByRole('list', { name: 'Hvem har set mine data' });
    const seen = log
      .getByRole('listitem')
      .filter({ hasText: 'Mette Sørensen, Jobkonsulent' })
      .filter({ hasText: 'Så dine oplysninger' });
    await seen.first().waitFor();
    await log
      .getByRole('listitem')
      .filter({ hasText: 'Jonas Bech kom på dit team som sagsbehandler' })
      .first()
      .waitFor();
    // The citizen's own lookups read as "Dig" (you).
    await log
      .getByRole('listitem')
      .filter({ hasText: /^.*Dig.*Så din plan som PDF/ })
      .first()
      .waitFor();
    // Codes never show: every operation reads as words.
    expect(await log.textContent()).not.toMatch(/job_consultant|myProfile|citizen\b|updatePlan/);
    await expectNoSidewaysScroll(page);
    await checkAccessibility(page, 'citizen access log');
    await dismissToasts(page);
    await screenshot(page, 'citizen-access-log');

    // In English on request: the same page, every text translated.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has seen my data' }).waitFor();
    await page
      .getByRole('list', { name: 'Who has seen my data' })
      .getByRole('listitem')
      .filter({ hasText: 'Saw your information' })
      .first()
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checkAccessibility(page, 'citizen access log (English)');

    expectNoConsoleErrors(page);
  }, 180_000);
});
