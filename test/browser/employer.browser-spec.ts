import { Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  type BuiltUser,
  deactivateMentor,
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

type Company = Awaited<ReturnType<typeof aCompany>>;

/** Closes the confirmations ("Gemt") so they do not cover the page in a screenshot. */
async function closeToasts(page: Page): Promise<void> {
  const buttons = page.locator('.toast-container').getByRole('button', { name: 'Luk' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** What has keyboard focus: its tag, id and accessible-ish name (label, aria-label or text). */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; id: string; name: string; type: string }>(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', id: '', name: '', type: '' };
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
    const name = (label || el.getAttribute('aria-label') || el.textContent || '').trim();
    return { tag: el.tagName.toLowerCase(), id: el.id, name, type: el.getAttribute('type') || '' };
  })()`);

/** Presses Tab until the focused element's name starts with `name` (fails after 80 presses). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (typeof name === 'string' ? f.name.startsWith(name) : name.test(f.name)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

jest.setTimeout(120_000);

describe('The employer’s pages in a browser', () => {
  let portal: Portal;
  let browser: TestBrowser;

  /** A fresh page that gives up on a missing element after 30 s (the failure names the step). */
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  };

  beforeAll(async () => {
    // No MEILI_URL: search answers from PostgreSQL, as in the search fallback test.
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** A company admin with a company (site "Hovedkontor", mentor "Mona Mentor") in partnership. */
  async function anEmployer(): Promise<{
    admin: BuiltUser;
    company: Company;
    api: Api;
    consultant: BuiltUser;
  }> {
    const ds = portal.testApp.dataSource;
    const centre = await aJobCentre(ds);
    const consultant = await aUser()
      .withRole(Role.JobConsultant)
      .named('Karin Konsulent')
      .inJobCentre(centre.id)
      .build(ds);
    const admin = await aUser().withRole(Role.CompanyAdmin).named('Erik Arbejdsgiver').build(ds);
    const company = await aCompany(ds, admin.id);
    await aPartnership(ds, company.id, centre.id, 'active');
    const api = await new Api(portal.testApp.http).signIn(admin.email, admin.password);
    return { admin, company, api, consultant };
  }

  const slotsOf = async (api: Api, companyId: string) =>
    (
      ok(await api.placements({ filter: { companyId } })).placements as {
        edges: { node: { title: string; status: string } }[];
      }
    ).edges.map((e) => e.node);

  it('journey 1: an employer posts a slot with the occupation picker and publishes it; a consultant finds it by a misspelt search', async () => {
    const { admin, company, api, consultant } = await anEmployer();
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.waitForURL(/\/virksomhed\/pladser$/);
    await page.getByRole('heading', { level: 1, name: 'Praktikpladser' }).waitFor();
    await page.getByText('I har ikke oprettet nogen praktikpladser endnu.').waitFor();
    await checkAccessibility(page, 'employer slots (empty)');

    await page.getByRole('link', { name: 'Opret jeres første praktikplads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opret en praktikplads' }).waitFor();
    await page.getByLabel('Titel på opslaget').fill('Køkkenhjælper i kantinen');

    // The occupation picker: a Danish everyday word, chosen with the keyboard.
    const picker = page.getByRole('combobox', { name: 'Stillingsbetegnelse' });
    await picker.pressSequentially('køkkenhjælper', { delay: 20 });
    const listbox = page.getByRole('listbox', { name: 'Stillingsbetegnelse' });
    await listbox.getByRole('option').first().waitFor();
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    expect(await picker.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    await page
      .getByRole('status')
      .filter({ hasText: /stillingsbetegnelse(r)? fundet/ })
      .waitFor();
    await checkAccessibility(page, 'slot form with the occupation list open');
    await page.keyboard.press('ArrowDown');
    const first = listbox.getByRole('option').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.inputValue()).toBe('køkkenassistent');

    await page.getByLabel('Arbejdsopgaver').fill('Skrælle grøntsager\nTage opvask');
    await page.getByLabel('Timer om ugen, mindst').fill('10');
    await page.getByLabel('Timer om ugen, højst').fill('20');
    // Working times: the days the work needs and its hours (matching keeps them as a filter).
    const days = page.getByRole('group', { name: 'Hvilke dage skal der arbejdes?' });
    await days.getByRole('checkbox', { name: 'Mandag' }).check();
    await days.getByRole('checkbox', { name: 'Onsdag' }).check();
    await page.getByLabel('Fra kl.').fill('07:00');
    await page.getByLabel('Til kl.').fill('06:00');
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Sluttidspunktet skal være efter starttidspunktet' })
      .waitFor();
    await page.getByLabel('Til kl.').fill('13:00');
    await page.getByLabel('Varighed i uger').fill('8');
    await page.getByRole('checkbox', { name: 'Skriftlige instruktioner' }).check();
    await page.getByLabel('Arbejdssted').selectOption({ label: 'Hovedkontor, Testvej 1, 2300' });
    await page.getByLabel('Mentor').selectOption({ label: 'Mona Mentor' });
    await checkAccessibility(page, 'slot form (filled in)');
    await screenshot(page, 'employer-slot-form');
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();

    await page.waitForURL(/\/virksomhed\/pladser$/);
    const row = page.getByRole('row', { name: /Køkkenhjælper i kantinen/ });
    await row.getByText('Kladde').waitFor();
    await row.getByRole('button', { name: /^Offentliggør/ }).click();
    await row.getByText('Offentliggjort').waitFor();
    await page.getByText('"Køkkenhjælper i kantinen" er offentliggjort.').waitFor();
    await checkAccessibility(page, 'employer slots');
    await closeToasts(page);
    await screenshot(page, 'employer-slots');
    expect(await slotsOf(api, company.id)).toEqual([
      expect.objectContaining({ title: 'Køkkenhjælper i kantinen', status: 'PUBLISHED' }),
    ]);
    expectNoConsoleErrors(page);

    // The consultant of the partner job centre finds it with a typo.
    const other = await newPage();
    await signIn(other, portal.baseUrl, consultant.email, consultant.password);
    await other.goto(`${portal.baseUrl}/pladser`);
    const search = other.getByLabel('Søg i praktikpladser');
    await search.fill('kantinnen');
    await search.press('Enter');
    await other.getByRole('link', { name: 'Køkkenhjælper i kantinen' }).waitFor();
    await checkAccessibility(other, 'consultant search with the employer’s slot');
    // The slot's page shows its working times beside the hours.
    await other.getByRole('link', { name: 'Køkkenhjælper i kantinen' }).click();
    await other.getByRole('heading', { level: 1, name: 'Køkkenhjælper i kantinen' }).waitFor();
    await other.getByText('Mandag, Onsdag · kl. 07:00–13:00').waitFor();
    expectNoConsoleErrors(other);
  });

  it('keyboard only: from the slots list to a saved slot with Tab, arrows, Enter and Space', async () => {
    const { admin, company, api } = await anEmployer();
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.getByRole('heading', { level: 1, name: 'Praktikpladser' }).waitFor();
    await page.getByRole('link', { name: 'Opret jeres første praktikplads' }).waitFor();

    await tabTo(page, 'Opret jeres første praktikplads');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Opret en praktikplads' }).waitFor();
    // The heading has focus after the navigation; the first field is one Tab away.
    expect((await focused(page)).tag).toBe('h1');

    await tabTo(page, 'Titel på opslaget');
    await page.keyboard.type('Barista i caféen');
    await tabTo(page, 'Stillingsbetegnelse');
    await page.keyboard.type('barista');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: 'Stillingsbetegnelse' }).inputValue()).toBe(
      'barista',
    );
    await tabTo(page, 'Arbejdsopgaver');
    await page.keyboard.type('Lave kaffe');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tage imod bestillinger');
    await tabTo(page, 'Timer om ugen, mindst');
    await page.keyboard.type('8');
    await tabTo(page, 'Timer om ugen, højst');
    await page.keyboard.type('15,5');
    await tabTo(page, 'Varighed i uger');
    await page.keyboard.type('10');
    await tabTo(page, 'Roligt arbejdsmiljø');
    await page.keyboard.press('Space');
    await tabTo(page, 'Arbejdssted');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Mentor');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Gem praktikpladsen');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/virksomhed\/pladser$/);
    await page
      .getByRole('row', { name: /Barista i caféen/ })
      .getByText('Kladde')
      .waitFor();
    const [saved] = (
      ok(await api.placements({ filter: { companyId: company.id } })).placements as {
        edges: { node: Record<string, unknown> }[];
      }
    ).edges.map((e) => e.node);
    expect(saved).toMatchObject({
      title: 'Barista i caféen',
      tasks: ['Lave kaffe', 'Tage imod bestillinger'],
      weeklyHoursMin: 8,
      weeklyHoursMax: 15.5,
      durationWeeks: 10,
      capacity: 1,
      accommodations: ['QUIET_WORKSPACE'],
      occupation: expect.objectContaining({ label: 'barista' }),
      site: expect.objectContaining({ id: company.siteId }),
      mentor: expect.objectContaining({ id: company.mentorId }),
    });
    await checkAccessibility(page, 'employer slots after a keyboard-only save');
    expectNoConsoleErrors(page);
  });

  it('refuses bad input as the API does: at the field and in the focused error summary, and saves nothing', async () => {
    const { admin, company, api } = await anEmployer();
    const extra = ok(
      await api.addMentor({
        companyId: company.id,
        name: 'Bo Bortrejst',
        email: `bo-${Date.now()}@test.jobbro.dk`,
        capacity: 1,
      }),
    ).addMentor as { id: string };
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.goto(`${portal.baseUrl}/virksomhed/pladser/ny`);
    await page.getByRole('heading', { level: 1, name: 'Opret en praktikplads' }).waitFor();

    const summary = page.locator('.error-summary');
    /** Whether the error summary has focus (it takes it right after it renders). */
    const isSummaryFocused = () =>
      page
        .waitForFunction(`document.activeElement?.classList.contains('error-summary')`, null, {
          timeout: 2000,
        })
        .then(
          () => true,
          () => false,
        );
    /** The message shown with a field (its aria-describedby error). */
    const errorOf = async (label: string) => {
      const input =
        label === 'Stillingsbetegnelse'
          ? page.getByRole('combobox', { name: label })
          : page.getByLabel(label, { exact: true });
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
      const errorId = ids.find((id) => id.endsWith('-error'))!;
      return (await page.locator(`[id="${errorId}"]`).innerText()).replace(
        /^Noget gik galt:\s*/,
        '',
      );
    };

    // Nothing filled in.
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await summary.waitFor();
    expect(await isSummaryFocused()).toBe(true);
    expect(await errorOf('Titel på opslaget')).toBe('Skriv en titel');
    expect(await errorOf('Stillingsbetegnelse')).toBe('Vælg en stillingsbetegnelse fra listen');
    await checkAccessibility(page, 'slot form with errors');

    // Out of the API's ranges: 0 and 80 hours, no citizens at all.
    await page.getByLabel('Titel på opslaget').fill('Lagermedarbejder');
    const picker = page.getByRole('combobox', { name: 'Stillingsbetegnelse' });
    await picker.pressSequentially('lagermedarbejder', { delay: 20 });
    await page.getByRole('option').first().waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await page.getByLabel('Arbejdsopgaver').fill('Pakke varer');
    await page.getByLabel('Timer om ugen, mindst').fill('0');
    await page.getByLabel('Timer om ugen, højst').fill('80');
    await page.getByLabel('Varighed i uger').fill('8');
    await page.getByLabel('Antal borgere på én gang').fill('0');
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await summary.getByText('Skal være mellem 0,5 og 48').first().waitFor();
    expect(await isSummaryFocused()).toBe(true);
    expect(await errorOf('Timer om ugen, mindst')).toBe('Skal være mellem 0,5 og 48');
    expect(await errorOf('Timer om ugen, højst')).toBe('Skal være mellem 0,5 og 48');
    expect(await errorOf('Antal borgere på én gang')).toBe('Skal være mellem 1 og 100');
    await summary.getByRole('link', { name: 'Skal være mellem 1 og 100' }).click();
    expect((await focused(page)).name).toContain('Antal borgere på én gang');

    // The numbers right, but the latest start before the earliest.
    await page.getByLabel('Timer om ugen, mindst').fill('10');
    await page.getByLabel('Timer om ugen, højst').fill('20');
    await page.getByLabel('Antal borgere på én gang').fill('1');
    await page.getByLabel('Tidligste start').fill('2027-03-01');
    await page.getByLabel('Seneste start', { exact: false }).fill('2027-02-01');
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await summary.getByText('Seneste start ligger før tidligste start').waitFor();
    expect(await isSummaryFocused()).toBe(true);
    expect(await errorOf('Seneste start (valgfri)')).toBe(
      'Seneste start ligger før tidligste start',
    );

    // A rule only the API can know: the mentor chosen here was deactivated meanwhile.
    await page.getByLabel('Seneste start', { exact: false }).fill('2027-04-01');
    await page.getByLabel('Mentor').selectOption({ label: 'Bo Bortrejst' });
    ok(await deactivateMentor(api, extra.id));
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await summary.getByText('Mentoren er deaktiveret; vælg en anden.').waitFor();
    expect(await isSummaryFocused()).toBe(true);
    expect(await errorOf('Mentor')).toBe('Mentoren er deaktiveret; vælg en anden.');
    await checkAccessibility(page, 'slot form with an API field error');

    expect(await slotsOf(api, company.id)).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/virksomhed/pladser/ny');
    expectNoConsoleErrors(page);
  });

  it('shows the API’s reasons when it refuses to publish a slot', async () => {
    const { admin, company, api } = await anEmployer();
    const occupation = await occupationByLabel(portal.testApp.dataSource, 'barista');
    await api.draftSlot(company, {
      title: 'Barista uden mentor',
      occupationId: occupation.id,
      mentorId: null,
    });
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    const row = page.getByRole('row', { name: /Barista uden mentor/ });
    await row.getByRole('button', { name: /^Offentliggør/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'kunne ikke ændres' });
    await alert.getByText('Opslaget kan ikke offentliggøres endnu; se hvad der mangler.').waitFor();
    await alert.getByText('Vælg en mentor før opslaget offentliggøres.').waitFor();
    expect(await row.getByText('Kladde').isVisible()).toBe(true);
    await checkAccessibility(page, 'employer slots with a refused publish');
    expect(await slotsOf(api, company.id)).toEqual([
      expect.objectContaining({ title: 'Barista uden mentor', status: 'DRAFT' }),
    ]);
    expectNoConsoleErrors(page);
  });

  it('edits a slot, and says so when someone else saved first (the version check)', async () => {
    const { admin, company, api } = await anEmployer();
    const occupation = await occupationByLabel(portal.testApp.dataSource, 'barista');
    const id = await api.draftSlot(company, {
      title: 'Barista om morgenen',
      occupationId: occupation.id,
    });
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.getByRole('link', { name: 'Barista om morgenen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger praktikpladsen' }).waitFor();
    expect(await page.getByLabel('Titel på opslaget').inputValue()).toBe('Barista om morgenen');
    expect(await page.getByRole('combobox', { name: 'Stillingsbetegnelse' }).inputValue()).toBe(
      'barista',
    );
    await page.getByLabel('Titel på opslaget').fill('Barista om formiddagen');

    // Meanwhile a colleague saves a change.
    ok(await api.updatePlacement({ id, expectedVersion: 1, capacity: 2 }));
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText(/Opslaget er ændret af en anden/).waitFor();
    await checkAccessibility(page, 'slot form with a version conflict');
    const stored = ok(await api.placement(id)).placement as { title: string; capacity: number };
    expect(stored).toMatchObject({ title: 'Barista om morgenen', capacity: 2 });

    // After a reload the form has their change, and saving works.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rediger praktikpladsen' }).waitFor();
    expect(await page.getByLabel('Antal borgere på én gang').inputValue()).toBe('2');
    await page.getByLabel('Titel på opslaget').fill('Barista om formiddagen');
    await page.getByRole('button', { name: 'Gem praktikpladsen' }).click();
    await page.getByRole('row', { name: /Barista om formiddagen/ }).waitFor();
    expectNoConsoleErrors(page);
  });

  it('shows the company with its sites, mentors and admins, and says why a site cannot be removed', async () => {
    const { admin, company, api } = await anEmployer();
    const occupation = await occupationByLabel(portal.testApp.dataSource, 'barista');
    await api.publishSlot(company, { title: 'Barista i baren', occupationId: occupation.id });
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.getByRole('link', { name: 'Virksomheden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Arbejdssteder' }).waitFor();
    await page.getByRole('row', { name: /Mona Mentor/ }).waitFor();
    await page.getByRole('row', { name: /Erik Arbejdsgiver/ }).waitFor();
    await checkAccessibility(page, 'employer company');
    await screenshot(page, 'employer-company');

    // Add a site through the dialog; a wrong postal code is refused at the field.
    await page.getByRole('button', { name: 'Tilføj arbejdssted' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj et arbejdssted' });
    await dialog.getByLabel('Navn').fill('Lageret');
    await dialog.getByLabel('Adresse').fill('Lagervej 2');
    await dialog.getByLabel('Postnummer').fill('23');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.getByText('Skriv et postnummer med 4 cifre').first().waitFor();
    await checkAccessibility(page, 'site dialog with an error');
    await dialog.getByLabel('Postnummer').fill('2300');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('row', { name: /Lageret/ }).waitFor();

    // The site of a published slot: the API's reason, naming the slot.
    await page.getByRole('button', { name: 'Fjern Hovedkontor' }).click();
    const confirm = page.getByRole('dialog', { name: 'Fjern arbejdsstedet Hovedkontor?' });
    await confirm.getByRole('button', { name: 'Fjern', exact: true }).click();
    await confirm.getByText(/Arbejdsstedet bruges af opslaget "Barista i baren"/).waitFor();
    await checkAccessibility(page, 'site removal refused');
    await confirm.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('row', { name: /^Hovedkontor/ }).waitFor();
    expectNoConsoleErrors(page);
  });

  it('lets a new employer register the company with a CVR number (modulus 11 checked first)', async () => {
    const ds = portal.testApp.dataSource;
    const admin = await aUser().withRole(Role.CompanyAdmin).named('Nina Ny').build(ds);
    const page = await newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    await page.goto(`${portal.baseUrl}/virksomhed`);
    await page.getByRole('heading', { level: 2, name: 'Registrér virksomheden' }).waitFor();
    await checkAccessibility(page, 'company registration');
    await page.getByLabel('CVR-nummer').fill('12345678');
    await page.getByLabel('Navn').fill('Nina Nybager ApS');
    await page.getByLabel('Ordinært ansatte (årsværk)').fill('4');
    await page.getByRole('button', { name: 'Registrér virksomheden' }).click();
    await page
      .locator('.error-summary')
      .getByText('CVR-nummeret er ikke gyldigt', { exact: false })
      .waitFor();
    await page.getByLabel('CVR-nummer').fill('DK 1234 5674');
    await page.getByRole('button', { name: 'Registrér virksomheden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nina Nybager ApS' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Arbejdssteder' }).waitFor();
    await checkAccessibility(page, 'company after registration');
    expectNoConsoleErrors(page);
  });
});
