// The functions this test hands to `page.evaluate` run in Chromium: they are typed with the DOM.
/// <reference lib="dom" />
/**
 * Access requests and agreements in the portal, end to end in real headless Chromium against the
 * demo mesh (journey 3 of the design brief up to the query): Ana asks for the customer profile —
 * restricted columns, so consumers need an agreement — with a purpose and dates; Pia, who owns it,
 * approves it from her inbox; Ana sees the agreement in force with its last day. A request Finn
 * rejects shows Ana his reason; Pia revokes the agreement. The form refuses an end before the
 * start beside the field without sending anything, and shows the API's refusal with its code.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, startPortalFixture, type PortalFixture } from './portal-fixture.js';

const DAY_MS = 86_400_000;
/** A UTC day `days` from today, as the date inputs and the pages show it. */
const day = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const ANA = /Ana Silva/;
const PIA = /Pia Lindqvist/;
const FINN = /Finn Hansen/;
const PROFILE = 'customers.customer-profile';

let fixture: PortalFixture;
let page: Page;
/** The access requests the browser POSTed: none may leave while the form shows a mistake. */
const posted: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture();
  ({ page } = await fixture.newPage());
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/access-requests') {
      posted.push(request.postData() ?? '');
    }
  });
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

/** With MESHWORK_SCREENSHOTS=<dir> (`npm run docs:screenshots`), saves a screenshot for the docs. */
/** Signs out (from the marketplace, so the login page goes back there) and in as another user. */
async function signInAs(name: RegExp): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) {
    await page.goto(fixture.url('/'));
    await signOut.click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Meshwork' }).waitFor();
  }
  await fixture.signIn(page, name);
}

async function openRequestForm(productId: string, title: string): Promise<void> {
  await page.goto(fixture.url(`/products/${productId}`));
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('link', { name: 'Request access' }).click();
  await page.getByRole('heading', { level: 1, name: `Request access to ${title}` }).waitFor();
}

/** The row of a table (by its caption) that holds `text`. */
const row = (caption: string, text: string | RegExp) =>
  page.getByRole('table', { name: caption }).locator('tbody tr').filter({ hasText: text });

async function goToMyAccess(): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Access/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'My access' }).waitFor();
}

describe.runIf(hasChromium)('access requests and agreements in the portal', () => {
  it('refuses an end date before the start date beside the field, sending nothing', async () => {
    await signInAs(ANA);
    await openRequestForm(PROFILE, 'Customer Profile');
    expect(await page.title()).toBe('Request access to Customer Profile · Meshwork');
    // The product has one output port: it is chosen already; the start defaults to today.
    expect(await page.getByLabel('Output port').inputValue()).toBe('customer_profile@1');
    expect(await page.getByLabel('Start date').inputValue()).toBe(day(0));

    await page.getByLabel('Purpose').fill('Quarterly churn model');
    await page.getByLabel('Start date').fill(day(20));
    await page.getByLabel('End date').fill(day(10));
    await page.getByRole('button', { name: 'Send request' }).click();

    const end = page.getByLabel('End date');
    await page.getByText('The end date must be on or after the start date.').waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await end.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Start date').getAttribute('aria-invalid')).toBeNull();
    expect(posted).toEqual([]);
    await saveScreenshot(page, 'portal-request-access.png', { fullPage: true });
  });

  it("shows the API's refusal with its code: the demo's request for this port is still pending", async () => {
    await page.getByLabel('Start date').fill(day(0));
    await page.getByText('The end date must be on or after the start date.').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send request' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /already has a pending request for customers\.customer-profile.*\(MW6162\)/,
    );
    expect(posted).toHaveLength(1);
  });

  it('lists that pending request in My access, and cancels it', async () => {
    await goToMyAccess();
    expect(await page.title()).toBe('My access · Meshwork');
    const demoRequest = row('My requests', 'churn-analysis');
    await demoRequest.waitFor();
    expect(await demoRequest.textContent()).toContain(PROFILE);
    expect(await demoRequest.locator('.badge').textContent()).toBe('pending');

    await demoRequest.getByRole('button', { name: `Cancel request for ${PROFILE} (customer_profile v1)` }).click();
    await expect.poll(() => demoRequest.locator('.badge').textContent()).toBe('cancelled');
    expect(await demoRequest.textContent()).toContain('cancelled by ana');
    expect(await demoRequest.getByRole('button').count()).toBe(0);
  });

  it('sends the request and shows it pending, there and in My access', async () => {
    await openRequestForm(PROFILE, 'Customer Profile');
    await page.getByLabel('Purpose').fill('Quarterly churn model');
    await page.getByLabel('End date').fill(day(10));
    await page.getByRole('button', { name: 'Send request' }).click();

    const created = page.getByRole('region', { name: 'Request sent' });
    await created.waitFor();
    const text = await created.textContent();
    expect(text).toContain('pending');
    expect(text).toContain('customer_profile v1');
    expect(text).toContain('Quarterly churn model');
    expect(text).toContain(`Through${day(10)}`);
    expect(JSON.parse(posted.at(-1)!)).toEqual({
      product: PROFILE,
      port: 'customer_profile',
      major: 1,
      purpose: 'Quarterly churn model',
      endsAt: day(10),
    });

    await created.getByRole('link', { name: 'My access' }).click();
    const mine = row('My requests', 'Quarterly churn model');
    await mine.waitFor();
    expect(await mine.locator('.badge').textContent()).toBe('pending');
    // Pending is not an agreement yet.
    expect(await page.getByRole('table', { name: 'Agreements I hold' }).count()).toBe(0);
  });

  it("shows the request in its owner's inbox; approving takes it off the list", async () => {
    await signInAs(PIA);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Access 1 awaiting your decision' }).click();
    await page.getByRole('link', { name: /^Inbox/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Access inbox' }).waitFor();

    const card = page.getByRole('article', { name: `ana asks for ${PROFILE}` });
    await card.waitFor();
    await saveScreenshot(page, 'portal-access-inbox.png', { fullPage: true });
    const text = await card.textContent();
    expect(text).toContain('Quarterly churn model');
    expect(text).toContain('customer_profile v1');
    expect(text).toContain(`From${day(0)}`);
    expect(text).toContain(`Through${day(10)}`);

    await card.getByRole('button', { name: `Approve ana's request for ${PROFILE} (customer_profile v1)` }).click();
    await page.getByRole('status').getByText(`You approved ana's request for ${PROFILE}`).waitFor();
    await card.waitFor({ state: 'detached' });
    await page.getByText('No request awaits your decision.').waitFor();
    await expect.poll(() => nav.getByRole('link', { name: /^Access/ }).textContent()).toBe('Access ');

    const agreement = row('Agreements on your products', 'Quarterly churn model');
    await agreement.waitFor();
    expect(await agreement.locator('td').first().textContent()).toBe('ana');
    expect(await agreement.textContent()).toContain('approved by pia');
  });

  it('shows Ana the agreement in force, with its last day and the days left flagged as expiring soon', async () => {
    await signInAs(ANA);
    await goToMyAccess();
    const agreement = row('Agreements I hold', PROFILE);
    await agreement.waitFor();
    const cells = await agreement.locator('td').allTextContents();
    expect(cells).toEqual([
      `${PROFILE} customer_profile v1`,
      'Quarterly churn model',
      day(0),
      day(10),
      '10 days left · expiring soon',
      'active',
    ]);
    expect(await agreement.locator('.access-expiring').count()).toBe(1);
    await saveScreenshot(page, 'portal-my-access.png', { fullPage: true });
    expect(await row('My requests', 'Quarterly churn model').locator('.badge').textContent()).toBe('active');
  });

  it("shows the requester a rejection's reason", async () => {
    await openRequestForm('finance.payments', 'Payments');
    await page.getByLabel('Purpose').fill('Reconcile refunds with tickets');
    await page.getByLabel('End date').fill(day(30));
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('region', { name: 'Request sent' }).waitFor();

    await signInAs(FINN);
    await page.goto(fixture.url('/access/inbox'));
    const card = page.getByRole('article', { name: 'ana asks for finance.payments' });
    await card.getByRole('button', { name: /^Reject ana's request/ }).click();
    const reason = card.getByLabel('Reason for rejecting (the requester reads it)');
    expect(await reason.evaluate((input) => input === document.activeElement)).toBe(true);
    // A rejection must say why: refused beside the field, nothing sent.
    await card.getByRole('button', { name: 'Reject request' }).click();
    await card.getByText('Say why you reject the request: the requester reads it.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');

    const why = 'Payer IBANs are restricted to finance; use finance.monthly-revenue-report instead.';
    await reason.fill(why);
    await card.getByRole('button', { name: 'Reject request' }).click();
    await page.getByRole('status').getByText("You rejected ana's request for finance.payments").waitFor();
    await card.waitFor({ state: 'detached' });

    await signInAs(ANA);
    await page.goto(fixture.url('/access?status=rejected'));
    expect(await page.getByLabel('Status').inputValue()).toBe('rejected');
    const rejected = row('My rejected requests', 'Reconcile refunds with tickets');
    await rejected.waitFor();
    expect(await rejected.locator('.badge').textContent()).toBe('rejected');
    expect(await rejected.textContent()).toContain(`rejected by finn:${why}`);
    expect(await rejected.locator('q').textContent()).toBe(why);
  });

  it('lets the owner revoke the agreement, and the consumer sees why', async () => {
    await signInAs(PIA);
    await page.goto(fixture.url('/access/inbox'));
    const agreement = row('Agreements on your products', 'Quarterly churn model');
    await agreement.getByRole('button', { name: /^Revoke ana's agreement on customers\.customer-profile/ }).click();
    await agreement.getByLabel(/Reason for revoking/).fill('The churn project was stopped.');
    await agreement.getByRole('button', { name: 'Revoke agreement' }).click();
    await expect.poll(() => agreement.locator('.badge').textContent()).toBe('revoked');
    expect(await agreement.getByRole('button').count()).toBe(0);

    await signInAs(ANA);
    await goToMyAccess();
    const mine = row('Agreements I hold', PROFILE);
    await mine.waitFor();
    expect(await mine.locator('.badge').textContent()).toBe('revoked');
    expect(await mine.locator('td').nth(4).textContent()).toBe('—');
    const request = row('My requests', 'Quarterly churn model');
    expect(await request.textContent()).toContain('revoked by pia:The churn project was stopped.');
  });

  it('logged no console error or warning on any page', () => {
    // The duplicate request above is refused with a 409, which Chromium reports as a failed resource.
    expect(fixture.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    expect(fixture.problems.filter((p) => /status of 409/.test(p))).toHaveLength(1);
  });
});
