import { Role } from '@jobbro/core';
import {
  aCitizenLogin,
  aCompany,
  aJobCentre,
  Api,
  aPartnership,
  aUser,
  type BuiltUser,
  ok,
  scheduledMeetingsOf,
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

/** A calendar date `days` from today (negative: in the past), as the API takes it. */
const day = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Closes the confirmations still showing, so a screenshot shows the page itself. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('.toast-container .toast-close');
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
}

/** The job centre's side of a citizen's case, in the browser: caseload, citizen page, plan, meetings. */
describe('The consultant’s citizen pages in a browser', () => {
  let portal: Portal;
  let browser: TestBrowser;
  let consultantUser: BuiltUser;
  let consultant: Api;
  let caseworker: Api;
  let ahmadId: string;
  let centreId: string;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    const ds = portal.testApp.dataSource;
    const anonymous = new Api(portal.testApp.http);
    const centre = await aJobCentre(ds, { name: 'Jobcenter København' });
    centreId = centre.id;
    consultantUser = await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centre.id)
      .named('Mette Sørensen')
      .build(ds);
    const caseworkerUser = await aUser()
      .withRole(Role.Caseworker)
      .inJobCentre(centre.id)
      .named('Jonas Bech')
      .build(ds);
    consultant = await anonymous.signIn(consultantUser.email, consultantUser.password);
    caseworker = await anonymous.signIn(caseworkerUser.email, caseworkerUser.password);

    const ahmad = ok(
      await consultant.createCitizen({
        firstName: 'Ahmad',
        lastName: 'Karimi',
        email: 'ahmad@example.dk',
        postalCode: '2400',
        targetGroup: 'kontanthjaelp_aktivitetsparat',
      }),
    ).createCitizen as { id: string };
    ahmadId = ahmad.id;
    ok(
      await consultant.createCitizen({
        firstName: 'Birgitte',
        lastName: 'Holm',
        postalCode: '2300',
        targetGroup: 'kontanthjaelp_jobparat',
      }),
    );
    ok(
      await consultant.addTeamMember({
        citizenId: ahmadId,
        userId: caseworkerUser.id,
        role: 'CASEWORKER',
        reason: 'Koordinerende sagsbehandler',
      }),
    );
    ok(
      await consultant.addJobGoal({
        citizenId: ahmadId,
        ownWords: 'Jeg vil gerne tilbage i et køkken, men ikke med tunge løft',
        hoursNow: 10,
        hoursLater: 25,
        maxCommuteKm: 15,
      }),
    );
    ok(
      await caseworker.updateNeeds({
        citizenId: ahmadId,
        accommodations: ['NO_HEAVY_LIFTING', 'FIXED_ROUTINES'],
        functionalLimits: 'Højst 5 kg',
      }),
    );
    ok(
      await consultant.updatePlan({
        citizenId: ahmadId,
        expectedVersion: 0,
        longTermGoal: 'Ordinært job som kok på 25 timer om ugen',
        milestones: [{ title: 'Praktik i et køkken, 10 timer om ugen', deadline: day(60) }],
      }),
    );
    ok(
      await consultant.recordMeeting({
        citizenId: ahmadId,
        kind: 'START',
        heldOn: day(-20),
        participants: [
          { name: 'Ahmad Karimi', role: 'CITIZEN' },
          { name: 'Jonas Bech', role: 'CASEWORKER' },
        ],
        decisions: 'Praktik i et køkken med skånehensyn',
        nextFollowUpOn: day(-3),
      }),
    );
    // Progress on one dimension, by the consultant and by Ahmad himself.
    for (const [daysAgo, score] of [
      [-150, 3],
      [-60, 5],
      [-10, 6],
    ])
      ok(
        await consultant.recordAssessment({
          citizenId: ahmadId,
          dimension: 'belief_in_job',
          score,
          assessedOn: day(daysAgo),
        }),
      );
    const login = await aCitizenLogin(ds, ahmadId);
    const me = await anonymous.signIn(login.email, login.password);
    for (const [daysAgo, score] of [
      [-150, 2],
      [-10, 7],
    ])
      ok(
        await me.recordAssessment({
          citizenId: ahmadId,
          dimension: 'belief_in_job',
          score,
          assessedOn: day(daysAgo),
        }),
      );
    const admin = await aUser().withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, admin.id);
    await aPartnership(ds, company.id, centre.id);
    ok(
      await me.grantConsent({
        citizenId: ahmadId,
        companyId: company.id,
        purpose: 'Praktik i køkkenet',
        scopes: ['PROFILE', 'JOB_GOALS', 'NEEDS'],
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  const planOf = async (api: Api) =>
    (ok(await api.citizen(ahmadId)).citizen as { plan: { version: number; longTermGoal: string } })
      .plan;

  async function openCitizen(page: Page, tab?: string): Promise<void> {
    await page.goto(`${portal.baseUrl}/borgere/${ahmadId}`);
    await page.getByRole('heading', { level: 1, name: 'Ahmad Karimi' }).waitFor();
    if (tab) await page.getByRole('tab', { name: tab }).click();
  }

  it('a consultant opens the caseload, filters it, opens a citizen and reads each tab', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, consultantUser.email, consultantUser.password);
    expect(new URL(page.url()).pathname).toBe('/borgere');
    await page.getByRole('heading', { level: 1, name: 'Borgere' }).waitFor();

    const followUps = page.locator('section[aria-labelledby="follow-ups-heading"]');
    await followUps.getByRole('link', { name: 'Ahmad Karimi' }).waitFor();
    expect(await followUps.textContent()).toMatch(/\d+ dage/);
    const list = page.locator('section[aria-labelledby="caseload-heading"]');
    await list.getByRole('link', { name: 'Birgitte Holm' }).waitFor();
    await list.getByText('2 borgere').waitFor();
    await checkAccessibility(page, 'borgere');
    await screenshot(page, 'consultant-caseload');

    await page.getByLabel('Navn').fill('ahmad');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await list.getByText('1 borger', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('ahmad');
    expect(await list.getByRole('link', { name: 'Birgitte Holm' }).count()).toBe(0);
    await page.getByLabel('Status').selectOption('CLOSED');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await list.getByText('Ingen borgere passer til søgningen.').waitFor();
    await checkAccessibility(page, 'borgere (ingen fundet)');
    await page.getByLabel('Status').selectOption('');
    // By target group, and by time in the current group (both created today).
    await page.getByLabel('Navn').fill('');
    await page.getByLabel('Målgruppe', { exact: true }).selectOption('kontanthjaelp_jobparat');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await list.getByText('1 borger', { exact: true }).waitFor();
    await list.getByRole('link', { name: 'Birgitte Holm' }).waitFor();
    expect(await list.getByRole('link', { name: 'Ahmad Karimi' }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('group')).toBe('kontanthjaelp_jobparat');
    const months = page.getByLabel(/I målgruppen i mere end/);
    await months.fill('tolv');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await page
      .locator('.form-error-message')
      .filter({ hasText: 'Skriv et helt antal måneder, fx 12' })
      .waitFor();
    expect(await months.getAttribute('aria-invalid')).toBe('true');
    await months.fill('12');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await list.getByText('Ingen borgere passer til søgningen.').waitFor();
    expect(new URL(page.url()).searchParams.get('months')).toBe('12');
    await checkAccessibility(page, 'borgere (målgruppe og tid i målgruppen)');
    await months.fill('');
    await page.getByLabel('Målgruppe', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Vis borgere' }).click();
    await list.getByText('2 borgere').waitFor();

    await list.getByRole('link', { name: 'Ahmad Karimi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ahmad Karimi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/borgere/${ahmadId}`);
    expect(await page.getByRole('link', { name: 'Find praktikpladser' }).getAttribute('href')).toBe(
      `/borgere/${ahmadId}/match`,
    );

    // Overview: the target group by its label, with its dates.
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    await panel.getByText('Aktivitetsparat kontanthjælpsmodtager').waitFor();
    await expectText(panel, 'Må få e-mails fra Jobbro');
    await checkAccessibility(page, 'borger: overblik');
    await screenshot(page, 'consultant-citizen');

    await page.getByRole('tab', { name: 'Mål' }).click();
    await panel.getByText('Jeg vil gerne tilbage i et køkken, men ikke med tunge løft').waitFor();
    await checkAccessibility(page, 'borger: mål');

    await page.getByRole('tab', { name: 'Behov' }).click();
    await panel.getByText('Ingen tunge løft').waitFor();
    await panel.getByText('Højst 5 kg').waitFor();
    expect(await panel.textContent()).not.toMatch(/NO_HEAVY_LIFTING|FIXED_ROUTINES/);
    await checkAccessibility(page, 'borger: behov');

    await page.getByRole('tab', { name: 'Plan' }).click();
    await panel.getByText('Ordinært job som kok på 25 timer om ugen').waitFor();
    await panel.getByText('Praktik i et køkken, 10 timer om ugen').waitFor();
    await checkAccessibility(page, 'borger: plan');

    await page.getByRole('tab', { name: 'Møder' }).click();
    await panel.getByText('Praktik i et køkken med skånehensyn').waitFor();
    await panel.getByText('Der er ingen planlagte møder.').waitFor();
    await checkAccessibility(page, 'borger: møder');

    await page.getByRole('tab', { name: 'Vurderinger' }).click();
    const sideBySide = panel.getByRole('table', { name: 'Seneste vurderinger' });
    const row = sideBySide.getByRole('row', { name: /Tro på at få et job/ });
    await expectText(row, '7 af 10');
    await expectText(row, 'Konsulent: 6 af 10');
    const chart = panel.getByRole('img', { name: /Tro på at få et job over tid/ });
    await chart.waitFor();
    expect(await chart.locator('polyline').count()).toBe(2);
    const data = panel.getByRole('table', { name: 'Tro på at få et job: alle vurderinger' });
    expect(await data.locator('tbody tr').count()).toBe(5);
    await checkAccessibility(page, 'borger: vurderinger');
    await screenshot(page, 'consultant-citizen-assessments');

    await page.getByRole('tab', { name: 'Samtykker' }).click();
    await panel.getByText('Praktik i køkkenet').waitFor();
    await expectText(panel, 'Behov og skånehensyn');
    await checkAccessibility(page, 'borger: samtykker');

    await page.getByRole('tab', { name: 'Team' }).click();
    await panel.getByRole('cell', { name: 'Sagsbehandler' }).waitFor();
    await expectText(panel, 'Jonas Bech');
    await checkAccessibility(page, 'borger: team');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent planen som PDF' }).click();
    expect((await download).suggestedFilename()).toBe('handleplan-ahmad-karimi.pdf');
    expectNoConsoleErrors(page);
  }, 120_000);

  it('a consultant records a qualification, working times and employments on the work profile', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, consultantUser.email, consultantUser.password);
    await openCitizen(page, 'Arbejdsprofil');
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    await panel.getByRole('heading', { level: 2, name: 'Arbejdsprofil' }).waitFor();
    await panel.getByText('Ingen kvalifikationer registreret.').waitFor();
    await checkAccessibility(page, 'borger: arbejdsprofil');

    // A qualification from the requirement catalogue: a missing choice is said at the field.
    const qualifications = panel.getByRole('region', { name: 'Kvalifikationer' });
    await qualifications.getByRole('button', { name: 'Registrer kvalifikation' }).click();
    await qualifications
      .getByRole('alert')
      .getByRole('link', { name: 'Vælg en kvalifikation' })
      .waitFor();
    const select = qualifications.getByLabel('Kvalifikation', { exact: true });
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    await select.selectOption('DRIVING_LICENCE_B');
    const licence = (await select.locator('option[value="DRIVING_LICENCE_B"]').textContent())!;
    await qualifications.getByLabel('Note').fill('Set kørekortet på mødet');
    await qualifications.getByRole('button', { name: 'Registrer kvalifikation' }).click();
    await page.locator('.toast').filter({ hasText: 'Kvalifikationen er registreret.' }).waitFor();
    const row = qualifications.locator('tbody tr').filter({ hasText: licence });
    await row.getByText('Mette Sørensen').waitFor();
    await row.getByText('Set kørekortet på mødet').waitFor();

    // Working times: the end before the start is refused at the field.
    const availability = panel.getByRole('region', { name: 'Arbejdstider' });
    await availability.getByText('Ikke registreret').waitFor();
    await availability.getByRole('button', { name: 'Ret arbejdstider' }).click();
    for (const d of ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'])
      await availability.getByRole('checkbox', { name: d }).check();
    await availability.getByLabel('Fra kl.').fill('08:00');
    const until = availability.getByLabel('Til kl.');
    await until.fill('07:30');
    await availability.getByRole('button', { name: 'Gem arbejdstider' }).click();
    await availability
      .locator('.form-error-message')
      .filter({ hasText: 'Sluttidspunktet skal være efter starttidspunktet' })
      .waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'borger: arbejdstider med fejl');
    await until.fill('15:00');
    await availability.getByRole('button', { name: 'Gem arbejdstider' }).click();
    await page.locator('.toast').filter({ hasText: 'Arbejdstiderne er gemt.' }).waitFor();
    await availability
      .getByText('Mandag, Tirsdag, Onsdag, Torsdag, Fredag · kl. 08:00–15:00')
      .waitFor();

    // No employment yet: the consultant can say there has been none (the rule is then decided).
    const employments = panel.getByRole('region', { name: 'Ansættelser' });
    await employments
      .getByRole('button', { name: 'Registrer, at borgeren ikke har haft nogen ansættelse' })
      .click();
    await page
      .locator('.toast')
      .filter({ hasText: 'Det er registreret, at borgeren ikke har haft nogen ansættelse.' })
      .waitFor();
    await employments
      .getByText(/Borgeren har ikke haft nogen ansættelse \(bekræftet .* af Mette Sørensen\)/)
      .waitFor();
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe(
      'employments-heading',
    );

    // Employments: a named employer (the CVR number checked), then a partner company, ongoing.
    await employments.getByRole('button', { name: 'Registrer ansættelse' }).click();
    const problems = employments.getByRole('alert');
    await problems.getByRole('link', { name: 'Skriv arbejdsgiverens navn' }).waitFor();
    await problems.getByRole('link', { name: 'Vælg den første dag' }).waitFor();
    await employments.getByLabel('Arbejdsgiverens navn').fill('Café Nørrebro');
    await employments.getByLabel(/^CVR-nummer/).fill('1234');
    await employments.getByLabel('Fra', { exact: true }).fill('2024-03-01');
    await employments.getByLabel(/^Til/).fill('2025-10-31');
    await employments.getByRole('button', { name: 'Registrer ansættelse' }).click();
    await problems.getByRole('link', { name: 'Et CVR-nummer har 8 cifre' }).waitFor();
    await employments.getByLabel(/^CVR-nummer/).fill('');
    await employments.getByRole('button', { name: 'Registrer ansættelse' }).click();
    await page.locator('.toast').filter({ hasText: 'Ansættelsen er registreret.' }).waitFor();
    await employments.locator('tbody tr').filter({ hasText: 'Café Nørrebro' }).waitFor();
    // The employment takes the "none" mark back.
    expect(await employments.getByText('Borgeren har ikke haft nogen ansættelse').count()).toBe(0);

    await employments.getByRole('radio', { name: 'En af jobcentrets partnervirksomheder' }).check();
    const company = employments.getByLabel('Partnervirksomhed', { exact: true });
    await company.locator('option').nth(1).waitFor({ state: 'attached' });
    await company.selectOption({ index: 1 });
    const companyName = (await company.locator('option').nth(1).textContent())!;
    await employments.getByLabel('Fra', { exact: true }).fill('2025-11-01');
    await employments.getByRole('button', { name: 'Registrer ansættelse' }).click();
    const current = employments.locator('tbody tr').filter({ hasText: companyName });
    await current.getByText('Stadig ansat').waitFor();
    // The most recent first.
    expect(await employments.locator('tbody tr').first().textContent()).toContain(companyName);

    // A correction: the form opens with the row's values, the heading says which, focus on it.
    await employments
      .getByRole('button', { name: 'Rediger ansættelsen hos Café Nørrebro' })
      .click();
    const editHeading = employments.getByRole('heading', {
      name: 'Ret ansættelsen hos Café Nørrebro',
    });
    await editHeading.waitFor();
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(
      'Ret ansættelsen hos Café Nørrebro',
    );
    expect(await employments.getByLabel('Arbejdsgiverens navn').inputValue()).toBe('Café Nørrebro');
    await employments.getByLabel(/^Til/).fill('2025-09-30');
    await employments.getByRole('button', { name: 'Gem rettelsen' }).click();
    await page.locator('.toast').filter({ hasText: 'Ansættelsen er rettet.' }).waitFor();
    const corrected = employments.locator('tbody tr').filter({ hasText: 'Café Nørrebro' });
    await corrected.getByText(/Rettet af Mette Sørensen/).waitFor();
    await corrected.getByText('30. sep. 2025').waitFor();
    await employments.getByRole('heading', { name: 'Registrer en ansættelse' }).waitFor();
    await checkAccessibility(page, 'borger: arbejdsprofil udfyldt');
    await dismissToasts(page);
    await screenshot(page, 'consultant-work-profile');

    // Recorded by mistake: removed, and focus goes to the section's heading.
    await employments.getByRole('button', { name: `Fjern ansættelsen hos ${companyName}` }).click();
    await page.locator('.toast').filter({ hasText: 'Ansættelsen er fjernet.' }).waitFor();
    await employments
      .locator('tbody tr')
      .filter({ hasText: companyName })
      .waitFor({ state: 'detached' });
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe(
      'employments-heading',
    );
    expectNoConsoleErrors(page);
  });

  it('a stale plan edit shows the conflict, keeps what was typed, and a reload shows the other change', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, consultantUser.email, consultantUser.password);
    await openCitizen(page, 'Plan');
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    const goal = page.getByLabel('Langsigtet mål');
    await goal.fill('Job som kok, 30 timer om ugen');

    // Meanwhile the caseworker saves a change of their own.
    const before = await planOf(consultant);
    ok(
      await caseworker.updatePlan({
        citizenId: ahmadId,
        expectedVersion: before.version,
        longTermGoal: 'Job i et storkøkken, 20 timer om ugen',
      }),
    );

    await page.getByRole('button', { name: 'Gem planen' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText(/ændret af en anden/).waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await goal.inputValue()).toBe('Job som kok, 30 timer om ugen');
    await checkAccessibility(page, 'borger: plan (konflikt)');
    expect((await planOf(consultant)).longTermGoal).toBe('Job i et storkøkken, 20 timer om ugen');

    // The newest version shows beside the form; the typed text stays.
    await page.getByRole('button', { name: 'Vis den nyeste version' }).click();
    const latest = page.getByRole('region', { name: /Den nyeste gemte version/ });
    await latest.getByText('Job i et storkøkken, 20 timer om ugen').waitFor();
    expect(await goal.inputValue()).toBe('Job som kok, 30 timer om ugen');
    await checkAccessibility(page, 'borger: plan (konflikt, nyeste version vist)');
    await screenshot(page, 'consultant-plan-conflict');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ahmad Karimi' }).waitFor();
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page
      .locator('[role="tabpanel"]:not([hidden])')
      .getByText('Job i et storkøkken, 20 timer om ugen')
      .waitFor();

    // Another conflict, and this time the typed text is saved on top of the newest version.
    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await goal.fill('Job som kok, 30 timer om ugen');
    const now = await planOf(consultant);
    ok(
      await caseworker.updatePlan({
        citizenId: ahmadId,
        expectedVersion: now.version,
        milestones: [{ title: 'Hygiejnekursus' }],
      }),
    );
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await page.getByRole('button', { name: 'Vis den nyeste version' }).click();
    await page.getByRole('button', { name: 'Gem min tekst oven på den nyeste version' }).click();
    await page.getByText('Planen er gemt.').waitFor();
    const saved = await planOf(consultant);
    expect(saved).toMatchObject({
      version: now.version + 2,
      longTermGoal: 'Job som kok, 30 timer om ugen',
    });
    expectNoConsoleErrors(page);
  });

  it('refuses bad input in the plan and meeting forms next to the field and in the summary, saving nothing', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, consultantUser.email, consultantUser.password);
    await openCitizen(page, 'Plan');
    const before = await planOf(consultant);

    await page.getByRole('button', { name: 'Rediger planen' }).click();
    await page.getByRole('button', { name: 'Tilføj delmål' }).click();
    const count = await page.getByLabel(/^Delmål \d+: hvad/).count();
    const empty = page.getByLabel(`Delmål ${count}: hvad`);
    expect(await isFocused(empty)).toBe(true);
    await page.getByRole('button', { name: 'Gem planen' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Skriv hvad delmålet går ud på' }).waitFor();
    expect(await empty.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await empty.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain(
      'Skriv hvad delmålet går ud på',
    );
    await checkAccessibility(page, 'borger: plan (fejl)');
    await summary.getByRole('link', { name: 'Skriv hvad delmålet går ud på' }).click();
    expect(await isFocused(empty)).toBe(true);
    expect(await planOf(consultant)).toEqual(before);
    await page.getByRole('button', { name: 'Fortryd' }).click();

    // A meeting that ends before it starts, or starts in the past.
    await page.getByRole('tab', { name: 'Møder' }).click();
    await page.getByRole('button', { name: 'Planlæg et møde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planlæg et møde' });
    await dialog.getByLabel('Dato').fill(day(7));
    await dialog.getByLabel('Starttid').fill('10:00');
    await dialog.getByLabel('Sluttid').fill('09:00');
    await dialog.getByRole('button', { name: 'Planlæg mødet' }).click();
    const meetingSummary = dialog.locator('.error-summary');
    await meetingSummary
      .getByRole('link', { name: 'Sluttiden skal være efter starttiden' })
      .waitFor();
    expect(await dialog.getByLabel('Sluttid').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Dato').fill(day(-1));
    await dialog.getByLabel('Sluttid').fill('11:00');
    await dialog.getByRole('button', { name: 'Planlæg mødet' }).click();
    await meetingSummary.getByRole('link', { name: 'Mødet skal begynde i fremtiden' }).waitFor();
    await checkAccessibility(page, 'borger: nyt møde (fejl)');
    const meetings = async () =>
      (
        ok(await scheduledMeetingsOf(consultant, ahmadId)).citizen as {
          scheduledMeetings: { id: string; cancelled: boolean; location: string | null }[];
        }
      ).scheduledMeetings;
    expect(await meetings()).toEqual([]);

    // Put right, the meeting is planned; then moved, then cancelled.
    await dialog.getByLabel('Dato').fill(day(7));
    await dialog.getByLabel('Sted (valgfri)').fill('Jobcentret, mødelokale 2');
    await dialog.getByLabel('Jonas Bech (Sagsbehandler)').check();
    await dialog.getByRole('button', { name: 'Planlæg mødet' }).click();
    await page.getByText('Mødet er planlagt.').waitFor();
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    await panel.getByRole('cell', { name: 'Jobcentret, mødelokale 2' }).waitFor();
    expect(await meetings()).toHaveLength(1);

    await panel.getByRole('button', { name: /^Flyt/ }).click();
    const move = page.getByRole('dialog', { name: 'Flyt mødet' });
    await move.getByLabel('Sted (valgfri)').fill('Køkkenet i Valby');
    await move.getByRole('button', { name: 'Flyt mødet' }).click();
    await page.getByText('Mødet er flyttet.').waitFor();
    await panel.getByRole('cell', { name: 'Køkkenet i Valby' }).waitFor();

    await panel.getByRole('button', { name: /^Aflys/ }).click();
    const cancel = page.getByRole('dialog', { name: 'Aflys mødet' });
    await cancel.getByLabel(/Hvorfor aflyses mødet/).fill('Ahmad er på ferie');
    await cancel.getByRole('button', { name: 'Aflys mødet' }).click();
    await page.getByText('Mødet er aflyst.').waitFor();
    await panel.getByText('Aflyst: Ahmad er på ferie').waitFor();
    await checkAccessibility(page, 'borger: møder (aflyst)');
    expect(await meetings()).toMatchObject([{ cancelled: true, location: 'Køkkenet i Valby' }]);
    expectNoConsoleErrors(page);
  });

  it('a social-support worker on the team reads the case, health notes too, without the editing buttons', async () => {
    const worker = await aUser()
      .withRole(Role.SocialSupportWorker)
      .inJobCentre(centreId)
      .named('Sara CTI')
      .build(portal.testApp.dataSource);
    ok(
      await consultant.addTeamMember({
        citizenId: ahmadId,
        userId: worker.id,
        role: 'SOCIAL_SUPPORT',
        reason: 'CTI-forløb',
      }),
    );
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, worker.email, worker.password);
    expect(new URL(page.url()).pathname).toBe('/borgere');
    await page
      .getByText('Listen over borgere findes kun for jobcentrets medarbejdere.', { exact: false })
      .waitFor();
    await checkAccessibility(page, 'borgere (CTI)');

    await openCitizen(page, 'Behov');
    const panel = page.locator('[role="tabpanel"]:not([hidden])');
    await panel.getByText('Højst 5 kg').waitFor();
    await page.getByRole('tab', { name: 'Plan' }).click();
    await panel.getByRole('heading', { name: 'Handleplan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rediger planen' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Møder' }).click();
    expect(await page.getByRole('button', { name: 'Planlæg et møde' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Find praktikpladser' }).count()).toBe(0);
    await checkAccessibility(page, 'borger (CTI): møder');
    expectNoConsoleErrors(page);
  });
});

async function expectText(
  locator: { textContent: () => Promise<string | null> },
  text: string,
): Promise<void> {
  expect(await locator.textContent()).toContain(text);
}

/** Whether the element has focus (page code as a plain function: the tests have no DOM types). */
function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) =>
      el ===
      (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );
}
