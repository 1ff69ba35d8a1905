import { OutboxRelay, Role } from '@jobbro/core';
import {
  aCompany,
  aJobCentre,
  aPartnership,
  aUser,
  type BuiltUser,
  startTestSmtp,
  type TestSmtp,
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
import { Logger } from '@nestjs/common';
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
 * The administrator: invites a colleague (a bad address is refused next to the field), changes a
 * role, deactivates a colleague but never their own account (the API's reason shows), answers a
 * partnership proposal, and sends an undelivered mail again once the mail server takes it.
 */
describe('the administrator in a browser', () => {
  let portal: Portal;
  let browser: TestBrowser;
  let smtp: TestSmtp;
  let relay: OutboxRelay;
  let admin: BuiltUser;
  let centreId: string;
  let companyName: string;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the refused sends are logged as warnings on purpose
    smtp = await startTestSmtp();
    [portal, browser] = await Promise.all([
      startPortal({
        SMTP_URL: smtp.url,
        MAIL_MAX_ATTEMPTS: '1',
        MAIL_RETRY_BASE_MS: '10',
        MAIL_RETRY_MAX_MS: '40',
        SMTP_TIMEOUT_MS: '3000',
      }),
      launchBrowser(),
    ]);
    relay = portal.testApp.app.get(OutboxRelay);
    const ds = portal.testApp.dataSource;
    centreId = (await aJobCentre(ds, { name: 'Jobcenter Aarhus' })).id;
    admin = await aUser()
      .withRole(Role.Administrator)
      .inJobCentre(centreId)
      .named('Anne Andersen')
      .build(ds);
    await aUser()
      .withRole(Role.JobConsultant)
      .inJobCentre(centreId)
      .named('Karl Kristensen')
      .build(ds);
    const employer = await aUser().withRole(Role.CompanyAdmin).build(ds);
    const company = await aCompany(ds, employer.id);
    // A proposal from the company, waiting for the job centre's answer.
    await aPartnership(ds, company.id, centreId, 'proposed');
    companyName = (
      await ds.query<{ name: string }[]>(`SELECT name FROM company WHERE id = $1`, [company.id])
    )[0].name;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await smtp?.close();
  });

  /** Runs the mail relay (the worker's timer) until `done()`, or fails. */
  async function relayUntil(done: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('the relay did not get there in time');
      await relay.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const userRow = (page: Page, name: string) =>
    page
      .getByRole('table', { name: 'Brugere' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

  it('invites, changes a role, deactivates (never the own account), answers a partnership and resends a dead letter', async () => {
    const page = await browser.newPage();
    await signIn(page, portal.baseUrl, admin.email, admin.password);
    expect(new URL(page.url()).pathname).toBe('/admin/brugere');
    await page.getByRole('heading', { level: 1, name: 'Brugere' }).waitFor();
    await userRow(page, 'Karl Kristensen').getByText('Jobkonsulent').waitFor();
    await checkAccessibility(page, 'admin users');

    // Invite: a bad address is refused next to the field and in the summary; nothing is sent.
    const invite = page.getByRole('region', { name: 'Inviter en medarbejder' });
    await invite.getByLabel('Navn', { exact: true }).fill('Sofie Holm');
    await invite.getByLabel('E-mail', { exact: true }).fill('sofie@');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const emailError = invite.locator('.form-group.form-error').filter({ hasText: 'E-mail' });
    await emailError.getByText('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk').waitFor();
    expect(await invite.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await invite
      .getByRole('alert')
      .getByRole('link', { name: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk' })
      .waitFor();
    await checkAccessibility(page, 'admin users (invite form errors)');
    const [{ n: noInvitation }] = await portal.testApp.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM invitation WHERE email LIKE 'sofie%'`,
    );
    expect(noInvitation).toBe(0);

    await invite.getByLabel('E-mail', { exact: true }).fill('sofie@test.jobbro.dk');
    await invite.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Sagsbehandler' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitationen er sendt til sofie@test.jobbro.dk.').waitFor();
    const invitations = page.getByRole('table', { name: 'Invitationer' });
    await invitations.getByRole('row').filter({ hasText: 'sofie@test.jobbro.dk' }).waitFor();

    // Change a role in a dialog.
    await userRow(page, 'Karl Kristensen')
      .getByRole('button', { name: 'Skift rolle – Karl Kristensen' })
      .click();
    const roleDialog = page.getByRole('dialog', { name: 'Skift rolle for Karl Kristensen' });
    await roleDialog.getByLabel('Ny rolle').selectOption({ label: 'Sagsbehandler' });
    await checkAccessibility(page, 'admin users (change role)');
    await roleDialog.getByRole('button', { name: 'Skift rolle' }).click();
    await page.getByText('Karl Kristensen er nu Sagsbehandler.').waitFor();
    await userRow(page, 'Karl Kristensen').getByText('Sagsbehandler').waitFor();
    await dismissToasts(page);
    await screenshot(page, 'admin-users');

    // Deactivate a colleague after a confirmation.
    await userRow(page, 'Karl Kristensen')
      .getByRole('button', { name: 'Deaktiver – Karl Kristensen' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Deaktiver Karl Kristensen?' });
    await confirm.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await page.getByText('Karl Kristensen er deaktiveret.').waitFor();
    await userRow(page, 'Karl Kristensen')
      .getByText(/^Deaktiveret/)
      .waitFor();

    const [karl] = await portal.testApp.dataSource.query<{ role: string; disabled: boolean }[]>(
      `SELECT role, disabled_at IS NOT NULL AS disabled FROM app_user WHERE display_name = 'Karl Kristensen'`,
    );
    expect(karl).toEqual({ role: 'caseworker', disabled: true });

    // Filters: only the deactivated, by name.
    const filters = page.getByRole('search', { name: 'Find brugere' });
    await filters.getByLabel('Navn eller e-mail').fill('karl');
    await filters.getByLabel('Status').selectOption({ label: 'Deaktiverede' });
    await filters.getByRole('button', { name: 'Vis' }).click();
    await page.getByText('1 bruger', { exact: true }).waitFor();
    await userRow(page, 'Karl Kristensen').waitFor();
    await filters.getByLabel('Navn eller e-mail').fill('');
    await filters.getByLabel('Status').selectOption({ label: 'Alle' });
    await filters.getByRole('button', { name: 'Vis' }).click();
    await page.getByText('2 brugere', { exact: true }).waitFor();

    // The job centre's only administrator cannot deactivate their own account: the API says why.
    await userRow(page, 'Anne Andersen')
      .getByRole('button', { name: 'Deaktiver – Anne Andersen' })
      .click();
    const self = page.getByRole('dialog', { name: 'Deaktiver Anne Andersen?' });
    await self.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await self
      .getByRole('alert')
      .getByText('Du kan ikke gøre dette på din egen konto. Bed en anden administrator.')
      .waitFor();
    await checkAccessibility(page, 'admin users (refused deactivation)');
    await self.getByRole('button', { name: 'Annuller' }).click();
    await userRow(page, 'Anne Andersen').getByText('Aktiv', { exact: true }).waitFor();

    // Partnerships: accept the company's proposal, then end it after a confirmation.
    await page.getByRole('link', { name: 'Partnerskaber' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerskaber' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: companyName });
    await card.getByText('Foreslået', { exact: true }).waitFor();
    await checkAccessibility(page, 'admin partnerships');
    await card.getByRole('button', { name: `Godkend – ${companyName}` }).click();
    await page.getByText(`Partnerskabet med ${companyName} er nu: Aktivt.`).waitFor();
    await card.getByText('Aktivt', { exact: true }).waitFor();
    await dismissToasts(page);
    await screenshot(page, 'admin-partnerships');

    // The invitation mail could not be delivered (the server refuses; one attempt): a dead letter.
    const isDead = async () =>
      (
        await portal.testApp.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox_event
            WHERE type = 'mail.requested' AND dead_at IS NOT NULL AND payload->>'kind' = 'invitation-staff'`,
        )
      )[0].n > 0;
    smtp.mode = 'refuse';
    await relayUntil(isDead);

    await page.getByRole('link', { name: 'Post der ikke kom frem' }).click();
    await page.getByRole('heading', { level: 1, name: 'Post der ikke kom frem' }).waitFor();
    const dead = page
      .getByRole('table', { name: 'Post der ikke kom frem' })
      .getByRole('row')
      .filter({ hasText: 'Invitation til medarbejder' });
    await dead.getByRole('cell', { name: 'sofie@test.jobbro.dk', exact: true }).waitFor();
    await dead.getByText(/451/).waitFor();
    // Never the message's text or link.
    expect(await page.locator('main').textContent()).not.toMatch(/#token=|invitation\?/);
    await checkAccessibility(page, 'admin mail');
    await dismissToasts(page);
    await screenshot(page, 'admin-mail');

    smtp.mode = 'accept';
    await dead.getByRole('button', { name: 'Send igen – sofie@test.jobbro.dk' }).click();
    await page
      .getByText('Beskeden til sofie@test.jobbro.dk er sat i kø igen og sendes om få sekunder.')
      .waitFor();
    await page.getByText('Al post er leveret. Der er intet at sende igen.').waitFor();
    await relayUntil(() => smtp.mailTo('sofie@test.jobbro.dk').length >= 1);
    expect(smtp.mailTo('sofie@test.jobbro.dk')).toHaveLength(1);

    // The invitation is withdrawn: it leaves the pending list.
    await page.getByRole('link', { name: 'Brugere' }).click();
    const pending = page
      .getByRole('table', { name: 'Invitationer' })
      .getByRole('row')
      .filter({ hasText: 'sofie@test.jobbro.dk' });
    await pending.getByRole('button', { name: 'Træk tilbage – sofie@test.jobbro.dk' }).click();
    await page.getByText('Invitationen til sofie@test.jobbro.dk er trukket tilbage.').waitFor();
    await page.getByText('Der er ingen invitationer med denne status.').waitFor();

    expectNoConsoleErrors(page);
  }, 180_000);
});
