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
import type { Locator, Page } from 'playwright-core';

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
 * Journey 2 to the end in the browser: a consultant proposes a slot from a citizen's match list,
 * the citizen says yes on "Mine forslag" sharing only their first name, the employer sees only
 * that under "Kandidater" and says yes, the consultant books, and the match list has one free
 * seat fewer. Then an employer's no with a reason the citizen may read.
 */
describe('Proposals in the browser', () => {
  let portal: Portal;
  let browser: TestBrowser;
  let consultant: BuiltUser;
  let employer: BuiltUser;
  let citizen: BuiltUser;
  let staff: Page;
  let citizenPage: Page;
  let employerPage: Page;
  let citizenId = '';
  let companyId = '';
  let consultantApi: Api;
  let publishExtra: (title: string) => Promise<string>;

  const RESTAURANT = 'Kok i restaurantkøkken';
  const CANTEEN = 'Køkkenhjælper i kantine';
  const GOAL = 'Jeg er uddannet kok og vil tilbage i et køkken, men ikke med tunge løft';

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
    employer = await aUser().named('Erik Arbejdsgiver').withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, employer.id);
    companyId = company.id;
    await aPartnership(ds, company.id, centre.id, 'active');
    const asEmployer = await new Api(http).signIn(employer.email, employer.password);
    const cook = await occupationByLabel(ds, 'cook');
    for (const title of [RESTAURANT, CANTEEN])
      await asEmployer.publishSlot(company, {
        title,
        occupationId: cook.id,
        tasks: ['Salater', 'Kolde anretninger i køkkenet'],
        accommodations: ['NO_HEAVY_LIFTING'],
        weeklyHoursMin: 8,
        capacity: 2,
      });

    publishExtra = (title) =>
      asEmployer.publishSlot(company, {
        title,
        occupationId: cook.id,
        tasks: ['Opvask', 'Rengøring af køkkenet'],
        weeklyHoursMin: 8,
      });

    const api = await new Api(http).signIn(consultant.email, consultant.password);
    consultantApi = api;
    citizenId = (
      ok(
        await api.createCitizen({
          firstName: 'Ahmad',
          lastName: 'Karimi',
          postalCode: '2300',
          email: 'ahmad.karimi@example.dk',
          targetGroup: 'kontanthjaelp_aktivitetsparat',
        }),
      ).createCitizen as { id: string }
    ).id;
    ok(
      await api.addJobGoal({
        citizenId,
        ownWords: GOAL,
        occupationIds: [cook.id],
        hoursNow: 10,
        hoursLater: 25,
        maxCommuteKm: 20,
      }),
    );
    ok(await api.updateNeeds({ citizenId, accommodations: ['NO_HEAVY_LIFTING'] }));
    citizen = await aCitizenLogin(ds, citizenId);

    [staff, citizenPage, employerPage] = await Promise.all([
      browser.newPage(),
      browser.newPage({ mobile: true }),
      browser.newPage(),
    ]);
    await Promise.all([
      signIn(staff, portal.baseUrl, consultant.email, consultant.password),
      signIn(citizenPage, portal.baseUrl, citizen.email, citizen.password),
      signIn(employerPage, portal.baseUrl, employer.email, employer.password),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** The citizen's match list, and one slot's entry on it. */
  async function matchEntry(title: string): Promise<Locator> {
    await staff.goto(`${portal.baseUrl}/borgere/${citizenId}/match`);
    await staff
      .getByRole('heading', { level: 1, name: 'Find praktikpladser til Ahmad Karimi' })
      .waitFor();
    const entry = staff.getByRole('article', { name: new RegExp(title) });
    await entry.waitFor();
    return entry;
  }

  /** Proposes a slot from the match list, with the period typed in when given. */
  async function propose(title: string, period?: { start: string; end: string }): Promise<void> {
    const entry = await matchEntry(title);
    await entry.getByRole('button', { name: `Foreslå ${title}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Foreslå ${title}` });
    await dialog.getByLabel('Timer om ugen').waitFor();
    if (period) {
      await dialog.getByLabel('Første dag').fill(period.start);
      await dialog.getByLabel('Sidste dag').fill(period.end);
    }
    await dialog.getByRole('button', { name: 'Send forslaget' }).click();
    await staff
      .locator('.toast')
      .filter({ hasText: `${title} er foreslået til Ahmad Karimi.` })
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The citizen's card for a slot on "Mine forslag". */
  async function myProposal(title: string): Promise<Locator> {
    await citizenPage.goto(`${portal.baseUrl}/mine-forslag`);
    await citizenPage.getByRole('heading', { level: 1, name: 'Mine forslag' }).waitFor();
    const card = citizenPage.getByRole('article', { name: title });
    await card.waitFor();
    return card;
  }

  it('a consultant proposes a slot from the match list, with free seats and the period checked', async () => {
    const entry = await matchEntry(RESTAURANT);
    await entry.getByText('2 ledige pladser').waitFor();
    await entry.getByRole('button', { name: `Foreslå ${RESTAURANT}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Foreslå ${RESTAURANT}` });
    // The slot's most hours, and a 13-week period from today, filled in.
    const hours = dialog.getByLabel('Timer om ugen');
    await hours.waitFor();
    expect(await hours.inputValue()).toBe('25');
    const start = await dialog.getByLabel('Første dag').inputValue();
    const end = await dialog.getByLabel('Sidste dag').inputValue();
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(end > start).toBe(true);

    // Too many hours, then a last day before the first: each said next to its field and in the
    // summary, which takes focus.
    await hours.fill('50');
    await dialog.getByRole('button', { name: 'Send forslaget' }).click();
    const summary = dialog.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByRole('link', { name: 'Skriv et antal timer mellem 0,5 og 48' }).waitFor();
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    expect(await staff.evaluate<string>('document.activeElement?.className ?? ""')).toContain(
      'error-summary',
    );
    await hours.fill('20');
    await dialog.getByLabel('Sidste dag').fill(start.replace(/^(\d{4})/, (y) => String(+y - 1)));
    await dialog.getByRole('button', { name: 'Send forslaget' }).click();
    await dialog
      .locator('.form-error-message')
      .filter({ hasText: 'Den sidste dag skal være efter den første' })
      .waitFor();
    expect(await dialog.getByLabel('Sidste dag').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Sidste dag').fill(end);
    await checkAccessibility(staff, 'foreslå en plads');
    // The whole page behind the dialog's backdrop: a viewport as tall as the page.
    const height = await staff.evaluate<number>('document.documentElement.scrollHeight');
    await staff.setViewportSize({ width: 1280, height });
    await screenshot(staff, 'proposals-consultant-match');
    await staff.setViewportSize({ width: 1280, height: 900 });

    await dialog.getByRole('button', { name: 'Send forslaget' }).click();
    await staff
      .locator('.toast')
      .filter({ hasText: `${RESTAURANT} er foreslået til Ahmad Karimi.` })
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // The match list now says it was proposed, and links to the proposal.
    await entry.getByText('Foreslået før: venter på borgerens svar').waitFor();
    await entry.getByRole('link', { name: /^Se forslaget fra / }).waitFor();
    await checkAccessibility(staff, 'match-listen efter et forslag');
    expectNoConsoleErrors(staff);
  });

  it('the citizen says yes on "Mine forslag", sharing only the first name', async () => {
    const card = await myProposal(RESTAURANT);
    await citizenPage.locator('html[data-theme="borger"]').waitFor({ state: 'attached' });
    await card.getByText('Venter på dit svar').waitFor();
    await card.getByText('20 timer om ugen').waitFor();
    await card.getByText(/^Svar senest /).waitFor();
    await card.getByText('Jobkonsulenten foreslog pladsen.').waitFor();
    await card.getByRole('button', { name: `Ja tak til ${RESTAURANT}` }).click();
    const form = card.getByRole('region', { name: 'Hvad må virksomheden se om dig?' });
    await form.getByText(/det hjælper virksomheden med at sige ja/).waitFor();
    // Nothing is chosen for the citizen; each choice says what the company will see.
    const firstName = form.getByRole('checkbox', { name: 'Mit fornavn' });
    expect(await firstName.isChecked()).toBe(false);
    await form.getByText('Virksomheden ser dit fornavn. Ikke dit efternavn').waitFor();
    await firstName.check();
    await checkAccessibility(citizenPage, 'mine forslag');
    await screenshot(citizenPage, 'proposals-citizen');
    await form.getByRole('button', { name: 'Send mit ja' }).click();
    await citizenPage.locator('.toast').filter({ hasText: 'Tak. Dit ja er sendt til' }).waitFor();
    await card.getByText('Venter på virksomhedens svar').waitFor();
    await card.getByText('Borgeren sagde ja og valgte, hvad virksomheden må se.').waitFor();
    await card.getByText('Mit fornavn').waitFor();
    expect(await card.getByRole('button', { name: /^Ja tak/ }).count()).toBe(0);
    await checkAccessibility(citizenPage, 'mine forslag efter ja');
    expectNoConsoleErrors(citizenPage);
  });

  it('the employer sees only the first name under "Kandidater" and says yes', async () => {
    await employerPage
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Kandidater' })
      .click();
    await employerPage.getByRole('heading', { level: 1, name: 'Kandidater' }).waitFor();
    const row = employerPage.getByRole('row').filter({ hasText: RESTAURANT });
    await row.getByText('Venter på virksomhedens svar').waitFor();
    await checkAccessibility(employerPage, 'kandidater');
    await row.getByRole('link', { name: 'Ahmad' }).click();
    await employerPage
      .getByRole('heading', { level: 1, name: `Kandidat til ${RESTAURANT}` })
      .waitFor();
    const shared = employerPage.getByRole('region', { name: 'Det har borgeren delt med jer' });
    expect(await shared.getByRole('term').allTextContents()).toEqual(['Fornavn']);
    expect(await shared.getByRole('definition').allTextContents()).toEqual(['Ahmad']);
    // Nothing else about the citizen is anywhere on the page.
    const text = await employerPage.locator('main').innerText();
    expect(text).not.toContain('Karimi');
    expect(text).not.toContain(GOAL);
    expect(text).not.toContain('tunge løft');
    await checkAccessibility(employerPage, 'en kandidat');
    await screenshot(employerPage, 'proposals-employer');

    await employerPage.getByRole('button', { name: 'Sig ja til kandidaten' }).click();
    const dialog = employerPage.getByRole('dialog', { name: 'Sig ja til kandidaten' });
    await dialog.getByRole('button', { name: 'Ja, vi vil gerne have kandidaten' }).click();
    await employerPage
      .locator('.toast')
      .filter({ hasText: 'Tak. Jobcentret har fået jeres ja.' })
      .waitFor();
    await employerPage.getByText('Godkendt af virksomheden', { exact: true }).waitFor();
    await employerPage.getByText('Virksomheden sagde ja.').waitFor();
    expect(await employerPage.getByRole('button', { name: 'Sig ja til kandidaten' }).count()).toBe(
      0,
    );
    // The answer buttons are gone: focus is on the page's heading.
    expect(await employerPage.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('H1');
    expectNoConsoleErrors(employerPage);
  });

  it('the consultant finds it under "Forslag", books it, and the slot has one free seat fewer', async () => {
    await staff
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Forslag' })
      .click();
    await staff.getByRole('heading', { level: 1, name: 'Forslag' }).waitFor();
    const row = staff.getByRole('row').filter({ hasText: RESTAURANT });
    await row.getByRole('link', { name: 'Ahmad Karimi', exact: true }).waitFor();
    await row.getByText('Godkendt af virksomheden').waitFor();
    await row.getByRole('cell', { name: 'I dag' }).waitFor();
    await checkAccessibility(staff, 'forslag');
    await dismissToasts(staff);
    await screenshot(staff, 'proposals-consultant-list');

    await row.getByRole('link', { name: `Se forslaget: Ahmad Karimi, ${RESTAURANT}` }).click();
    await staff
      .getByRole('heading', { level: 1, name: `${RESTAURANT} til Ahmad Karimi` })
      .waitFor();
    const history = staff.getByRole('list', { name: `Forløb: ${RESTAURANT}` });
    expect(await history.getByRole('listitem').count()).toBe(3);
    await history.getByText('Virksomheden sagde ja.').waitFor();
    await staff.getByText('Fornavn', { exact: true }).waitFor();
    await checkAccessibility(staff, 'et forslag');
    await staff.getByRole('button', { name: `Book pladsen: ${RESTAURANT}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Book pladsen: ${RESTAURANT}` });
    await dialog
      .getByText(/Pladsen holdes til borgeren i perioden .*, 20 timer om ugen\./)
      .waitFor();
    await checkAccessibility(staff, 'book pladsen');
    await dialog.getByRole('button', { name: 'Book pladsen' }).click();
    await staff.locator('.toast').filter({ hasText: 'Pladsen er booket til borgeren.' }).waitFor();
    await staff.getByText('Booket', { exact: true }).waitFor();
    await history.getByText('Jobkonsulenten bookede pladsen.').waitFor();
    // The booking button is gone: focus is on the page's heading, not lost on <body>.
    expect(await staff.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('H1');

    // The citizen's page has a "Forslag" tab with the booking.
    await staff.getByRole('link', { name: 'Gå til Ahmad Karimi' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Ahmad Karimi' }).waitFor();
    await staff.getByRole('tab', { name: 'Forslag' }).click();
    const panel = staff.locator('[role="tabpanel"]:not([hidden])');
    const card = panel.getByRole('article', { name: RESTAURANT });
    await card.getByText('Booket', { exact: true }).waitFor();
    await card.getByText('Borgeren sagde ja og valgte, hvad virksomheden må se.').waitFor();
    await checkAccessibility(staff, 'borgerens forslag');

    const entry = await matchEntry(RESTAURANT);
    await entry.getByText('1 ledig plads', { exact: true }).waitFor();
    await entry.getByText('Foreslået før: booket').waitFor();
    expectNoConsoleErrors(staff);
  });

  it('the employer says no with a reason the citizen may read, and the citizen reads it', async () => {
    // After the booking's period, so the citizen is free.
    await propose(CANTEEN, { start: '2027-04-05', end: '2027-06-27' });
    const card = await myProposal(CANTEEN);
    await card.getByRole('button', { name: `Ja tak til ${CANTEEN}` }).click();
    await card.getByRole('button', { name: 'Send mit ja' }).click();
    await card.getByText('Venter på virksomhedens svar').waitFor();
    await card.getByText('Du deler ikke noget med virksomheden.').waitFor();

    await employerPage.goto(`${portal.baseUrl}/virksomhed/forslag`);
    const row = employerPage.getByRole('row').filter({ hasText: CANTEEN });
    await row.getByRole('link', { name: 'Kandidat (navn ikke delt)' }).click();
    await employerPage
      .getByRole('heading', { level: 1, name: `Kandidat til ${CANTEEN}` })
      .waitFor();
    await employerPage.getByText('Borgeren har ikke valgt at dele noget om sig selv.').waitFor();
    await employerPage.getByRole('button', { name: 'Sig nej' }).click();
    const dialog = employerPage.getByRole('dialog', { name: 'Sig nej til kandidaten' });
    // A reason is required; the reasons are the API's.
    await dialog.getByRole('button', { name: 'Send nej' }).click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Vælg en begrundelse' }).waitFor();
    await dialog
      .getByLabel('Begrundelse', { exact: true })
      .selectOption({ label: 'Ingen plads lige nu' });
    await dialog.getByLabel('Note').fill('Vi har travlt i december, spørg igen til foråret.');
    await dialog.getByRole('checkbox', { name: 'Borgeren må se begrundelsen' }).check();
    await checkAccessibility(employerPage, 'sig nej');
    await dialog.getByRole('button', { name: 'Send nej' }).click();
    await employerPage
      .locator('.toast')
      .filter({ hasText: 'Jeres nej er sendt til jobcentret.' })
      .waitFor();
    await employerPage.getByText('Afslået af virksomheden', { exact: true }).waitFor();
    expectNoConsoleErrors(employerPage);

    const closed = await myProposal(CANTEEN);
    await closed.getByText('Virksomheden sagde nej', { exact: true }).waitFor();
    const words = closed.locator('.proposal-quote');
    await words.getByText('Ingen plads lige nu').waitFor();
    await words.getByText('“Vi har travlt i december, spørg igen til foråret.”').waitFor();
    await closed.getByText('Virksomheden sagde nej: ingen plads lige nu.').waitFor();
    expect(await closed.getByRole('button').count()).toBe(0);
    await checkAccessibility(citizenPage, 'mine forslag efter nej');
    expectNoConsoleErrors(citizenPage);

    // The consultant's match list tells how it ended.
    const entry = await matchEntry(CANTEEN);
    await entry.getByText('Foreslået før: afslået af virksomheden – Ingen plads lige nu').waitFor();
    expectNoConsoleErrors(staff);
  });
  it('the consultant records the answer of a citizen who never signs in, and says how it was given', async () => {
    const OUTSIDE = 'Køkkenhjælper uden login';
    const slotId = await publishExtra(OUTSIDE);
    const bo = (
      ok(
        await consultantApi.createCitizen({
          firstName: 'Bo',
          lastName: 'Holm',
          postalCode: '2300',
          targetGroup: 'kontanthjaelp_aktivitetsparat',
        }),
      ).createCitizen as { id: string }
    ).id;
    const proposal = ok(
      await consultantApi.run(
        `mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id } }`,
        { input: { citizenId: bo, placementId: slotId, start: '2027-03-01', end: '2027-03-26' } },
      ),
    ).proposePlacement as { id: string };

    await staff.goto(`${portal.baseUrl}/forslag/${proposal.id}`);
    await staff.getByRole('heading', { level: 1, name: `${OUTSIDE} til Bo Holm` }).waitFor();
    await staff.getByRole('button', { name: `Registrer borgerens ja: ${OUTSIDE}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Registrer borgerens ja: ${OUTSIDE}` });
    // How the answer was given is required.
    await dialog.getByRole('button', { name: 'Registrer ja' }).click();
    await dialog
      .getByRole('alert')
      .getByRole('link', { name: 'Vælg hvordan borgeren svarede' })
      .waitFor();
    await checkAccessibility(staff, 'registrer borgerens ja');
    await dialog.getByRole('checkbox', { name: /^Fornavn/ }).check();
    await dialog.getByRole('radio', { name: 'I telefonen' }).check();
    await dialog.getByRole('button', { name: 'Registrer ja' }).click();
    await staff
      .locator('.toast')
      .filter({ hasText: 'Borgerens ja er registreret. Forslaget er sendt til virksomheden.' })
      .waitFor();
    const history = staff.getByRole('list', { name: `Forløb: ${OUTSIDE}` });
    await history
      .getByText(
        'Borgeren sagde ja og valgte, hvad virksomheden må se (registreret af jobkonsulenten; svaret blev givet i telefonen).',
      )
      .waitFor();
    // The buttons for the citizen's answer are gone; focus is on the page's heading.
    expect(
      await staff.getByRole('button', { name: `Registrer borgerens ja: ${OUTSIDE}` }).count(),
    ).toBe(0);
    expect(await staff.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('H1');

    // The employer sees the first name only.
    const answered = ok(
      await consultantApi.run(`query($id: ID!) { proposal(id: $id) { status shareScopes } }`, {
        id: proposal.id,
      }),
    ).proposal;
    expect(answered).toEqual({ status: 'PROPOSED_TO_EMPLOYER', shareScopes: ['FIRST_NAME'] });
    expectNoConsoleErrors(staff);
  });

  it('the rules before proposing: a block stops it, a warning needs a reason, and a reason can be given later', async () => {
    // A proposal made before the citizen's job at the company is known: no warning then.
    const DISHES = 'Opvasker i køkkenet';
    const dishesId = await publishExtra(DISHES);
    const earlier = ok(
      await consultantApi.run(
        `mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id } }`,
        {
          input: { citizenId, placementId: dishesId, start: '2027-07-05', end: '2027-10-03' },
        },
      ),
    ).proposePlacement as { id: string };
    // The citizen has paid hours at the same company: "paid hours beside an internship" warns.
    ok(
      await consultantApi.run(
        `mutation($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`,
        { input: { citizenId, companyId, startedOn: '2025-01-01' } },
      ),
    );

    const entry = await matchEntry(CANTEEN);
    await entry.getByRole('button', { name: `Foreslå ${CANTEEN}` }).click();
    const dialog = staff.getByRole('dialog', { name: `Foreslå ${CANTEEN}` });
    await dialog.getByLabel('Timer om ugen').waitFor();
    // 21 weeks: longer than the 13 weeks the citizen's target group allows. A block.
    await dialog.getByLabel('Første dag').fill('2027-07-05');
    await dialog.getByLabel('Sidste dag').fill('2027-11-28');
    const rules = dialog.getByRole('region', { name: 'Reglerne' });
    const failed = rules.getByRole('list', { name: `Regler, der ikke er overholdt: ${CANTEEN}` });
    const block = failed
      .getByRole('listitem')
      .filter({ hasText: 'Praktikkens varighed: blokerer' });
    await block.waitFor();
    expect(await block.getAttribute('class')).toContain('alert-error');
    await block.getByText(/^Kilde: .*LAB § 61/).waitFor();
    const submit = dialog.getByRole('button', { name: 'Send forslaget' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByText('Du kan ikke sende forslaget, fordi en regel blokerer.').waitFor();
    expect(await submit.getAttribute('aria-describedby')).toBe('propose-blocked');
    await checkAccessibility(staff, 'foreslå: en regel blokerer');

    // After a concrete assessment the longer limit applies: the block is gone.
    await dialog
      .getByRole('checkbox', {
        name: 'Der er foretaget en konkret vurdering, der tillader forlængelse',
      })
      .check();
    await block.waitFor({ state: 'detached' });
    await rules.getByText(/regler er overholdt/).waitFor();
    expect(await submit.isDisabled()).toBe(false);

    // The warning needs a reason: asked for next to it and in the summary.
    const warning = failed
      .getByRole('listitem')
      .filter({ hasText: 'Ordinære timer ved siden af praktik' });
    expect(await warning.getAttribute('class')).toContain('alert-warning');
    await submit.click();
    await dialog
      .getByRole('alert')
      .getByRole('link', { name: 'Skriv en begrundelse for at gå videre' })
      .waitFor();
    const reason = warning.getByLabel('Begrundelse for at gå videre');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Praktikken er i opvasken, de lønnede timer er i serveringen.');
    await checkAccessibility(staff, 'foreslå: en advarsel med begrundelse');
    const pageHeight = await staff.evaluate<number>('document.documentElement.scrollHeight');
    await staff.setViewportSize({ width: 1280, height: pageHeight });
    await screenshot(staff, 'proposals-rule-checks');
    await staff.setViewportSize({ width: 1280, height: 900 });
    await submit.click();
    await staff
      .locator('.toast')
      .filter({ hasText: `${CANTEEN} er foreslået til Ahmad Karimi.` })
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The proposal's page shows the checks with the reason, who gave it and when.
    await entry.getByRole('link', { name: /^Se forslaget fra / }).click();
    await staff.getByRole('heading', { level: 1, name: `${CANTEEN} til Ahmad Karimi` }).waitFor();
    const given = staff
      .getByRole('listitem')
      .filter({ hasText: 'Ordinære timer ved siden af praktik: advarsel, begrundet' });
    await given
      .getByText('“Praktikken er i opvasken, de lønnede timer er i serveringen.”', { exact: false })
      .waitFor();
    await given.getByText(/^Karin Konsulent, /).waitFor();
    await checkAccessibility(staff, 'et forslag med reglerne');

    // The earlier proposal now warns too; the consultant gives a reason on its page.
    await staff.goto(`${portal.baseUrl}/forslag/${earlier.id}`);
    await staff.getByRole('heading', { level: 1, name: `${DISHES} til Ahmad Karimi` }).waitFor();
    await staff
      .getByRole('button', {
        name: 'Gå videre med en begrundelse: Ordinære timer ved siden af praktik',
      })
      .click();
    await staff.getByRole('button', { name: 'Gem begrundelsen' }).click();
    await staff
      .getByRole('alert')
      .getByRole('link', { name: 'Skriv en begrundelse for at gå videre' })
      .waitFor();
    await staff.getByLabel('Begrundelse for at gå videre').fill('Opgaverne er adskilt i aftalen.');
    await checkAccessibility(staff, 'gå videre med en begrundelse');
    await staff.getByRole('button', { name: 'Gem begrundelsen' }).click();
    await staff.locator('.toast').filter({ hasText: 'Begrundelsen er gemt.' }).waitFor();
    await staff
      .getByText('Begrundelse for at gå videre: “Opgaverne er adskilt i aftalen.”')
      .waitFor();
    expect(await staff.getByRole('button', { name: /^Gå videre med en begrundelse/ }).count()).toBe(
      0,
    );
    expectNoConsoleErrors(staff);
  });

  it('the rules in force are a page of their own, by date: a successor row shows from 1 January 2027', async () => {
    await staff
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Regler' })
      .click();
    await staff.getByRole('heading', { level: 1, name: 'Regler i kraft' }).waitFor();
    // Which placement types a target group may have: sickness benefit, no wage subsidy.
    const types = staff.getByRole('region', { name: 'Tilbud for målgruppen' });
    const sick = types.getByRole('row').filter({ hasText: 'Sygedagpengemodtager' });
    await sick
      .getByRole('cell', {
        name: 'Målgruppen kan få virksomhedspraktik og ordinære timer (småjob).',
      })
      .waitFor();
    await sick.getByText('Blokerer').waitFor();
    // Newly graduated dagpenge recipients: 8 weeks of internship.
    await staff
      .getByRole('region', { name: 'Praktikkens varighed' })
      .getByRole('row')
      .filter({ hasText: 'Nyuddannet dagpengemodtager (dimittend)' })
      .getByText('Virksomhedspraktik højst 8 uger.')
      .waitFor();
    // A rule with one row for everyone says so, not "every other group".
    await staff
      .getByRole('region', { name: 'Timer i praktikken' })
      .getByRole('cell', { name: 'Alle målgrupper', exact: true })
      .waitFor();
    await checkAccessibility(staff, 'regler i kraft');
    await dismissToasts(staff);
    await screenshot(staff, 'rules-in-force');

    // The day after the rows of 2026 end, their successors apply.
    await staff.getByLabel('Gælder på').fill('2027-01-01');
    await staff.getByRole('status').filter({ hasText: 'regler gælder 1. jan. 2027.' }).waitFor();
    await sick.getByText(/^Ny LAB fra 1\. januar 2027/).waitFor();
    await sick.getByText('Fra 1. jan. 2027').waitFor();
    expectNoConsoleErrors(staff);
  });
});
