import { OutboxRelay, Role } from '@jobbro/core';
import {
  aCompany,
  addMentorWith,
  Api,
  aUser,
  companyPeople,
  inviteMentor,
  occupationByLabel,
  ok,
  type ReceivedMail,
  startTestSmtp,
  type TestSmtp,
} from '@jobbro/testing';
import {
  checkAccessibility,
  expectNoConsoleErrors,
  launchBrowser,
  type Portal,
  screenshot,
  startPortal,
  type TestBrowser,
} from '@jobbro/testing/browser';
import type { Page } from 'playwright-core';

/** Closes the confirmations ("Gemt") so they do not cover the page in a screenshot. */
async function closeToasts(page: Page): Promise<void> {
  const buttons = page.locator('.toast-container').getByRole('button', { name: 'Luk' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** The first link in the mail's text that goes to `path` on the portal, fragment included. */
function linkIn(mail: ReceivedMail, baseUrl: string, path: string): string {
  const escaped = `${baseUrl}${path}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const found = new RegExp(`${escaped}#token=[\\w-]+`).exec(mail.text)?.[0];
  if (!found) throw new Error(`No ${path} link in the mail:\n${mail.text}`);
  return found;
}

/**
 * A mentor without a password: invited by the company's admin, the mail read from a real SMTP
 * server on loopback, the invitation accepted in the browser; later back in with a magic link
 * from another mail.
 */
jest.setTimeout(120_000);

describe('The mentor’s pages in a browser', () => {
  let smtp: TestSmtp;
  let portal: Portal;
  let browser: TestBrowser;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [portal, browser] = await Promise.all([
      startPortal({ SMTP_URL: smtp.url, MAIL_FROM: 'Jobbro <no-reply@jobbro.test>' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await smtp?.close();
  });

  /** The outbox, run in this process (the test app's worker is off): mail goes out over SMTP. */
  const deliver = () => portal.testApp.app.get(OutboxRelay).drain();

  it('is invited by mail, accepts, sees the slots they mentor, and signs in again with a magic link', async () => {
    const ds = portal.testApp.dataSource;
    const admin = await aUser().withRole(Role.CompanyAdmin).named('Erik Arbejdsgiver').build(ds);
    const company = await aCompany(ds, admin.id);
    const employer = await new Api(portal.testApp.http).signIn(admin.email, admin.password);
    const people = ok(await companyPeople(employer, company.id)).company as {
      mentors: { id: string; email: string; name: string }[];
    };
    const mona = people.mentors.find((m) => m.id === company.mentorId)!;
    const other = ok(
      await addMentorWith(employer, {
        companyId: company.id,
        name: 'Ole Anden',
        email: `ole-${Date.now()}@test.jobbro.dk`,
        capacity: 1,
      }),
    ).addMentor as { id: string };
    const barista = await occupationByLabel(ds, 'barista');
    await employer.publishSlot(company, {
      title: 'Barista i caféen',
      occupationId: barista.id,
      startLatest: '2027-06-30',
    });
    await employer.draftSlot(company, {
      title: 'Barista om aftenen',
      occupationId: barista.id,
      mentorId: other.id,
    });

    // The admin invites Mona; the mail arrives over SMTP.
    ok(await inviteMentor(employer, mona.id));
    await deliver();
    const [invitation] = await smtp.waitFor(1, mona.email);
    const acceptLink = linkIn(invitation, portal.baseUrl, '/invitation');

    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(acceptLink);
    await page.getByRole('heading', { level: 1, name: 'Invitation til Jobbro' }).waitFor();
    await checkAccessibility(page, 'invitation');
    await page.getByRole('button', { name: 'Tag imod invitationen' }).click();

    await page.waitForURL(/\/mentor$/);
    await page.getByRole('heading', { level: 1, name: 'Mine praktikpladser' }).waitFor();
    const row = page.getByRole('row', { name: /Barista i caféen/ });
    await row.getByText('Offentliggjort').waitFor();
    await row.getByText('13 uger').waitFor();
    // Only the slots Mona is named on.
    expect(await page.getByText('Barista om aftenen').count()).toBe(0);
    await checkAccessibility(page, 'mentor slots');
    await closeToasts(page);
    await screenshot(page, 'mentor-slots');

    // Signed out, and back in with a link by mail.
    await page.getByRole('button', { name: 'Log ud' }).filter({ visible: true }).click();
    await page.waitForURL(/\/log-ind/);
    const linkForm = page.getByRole('region', { name: 'Uden adgangskode' });
    await linkForm.getByLabel('E-mail', { exact: true }).fill(mona.email);
    await linkForm.getByRole('button', { name: 'Send mig et link' }).click();
    await linkForm.getByRole('status').waitFor();
    await checkAccessibility(page, 'sign-in after asking for a link');
    await deliver();
    const mails = await smtp.waitFor(2, mona.email);
    const magicLink = linkIn(mails[1], portal.baseUrl, '/log-ind/link');

    await page.goto(magicLink);
    await page.getByRole('heading', { level: 1, name: 'Log ind med link' }).waitFor();
    await checkAccessibility(page, 'magic link');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL(/\/mentor$/);
    await page.getByRole('row', { name: /Barista i caféen/ }).waitFor();
    expectNoConsoleErrors(page);
  });
});
