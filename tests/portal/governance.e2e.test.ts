/**
 * The governance dashboard, runs and incidents, and the glossary browser in real headless
 * Chromium, on the demo mesh built small, as gus of the governance council: compliance per policy
 * and per domain with the demo's waiver and findings that name file and line; the demo's failing
 * product (support.tickets, broken by a later helpdesk export) with its open incident and failed
 * checks; the Customer entity with the products that describe it and a join path with its SQL —
 * with no console error on the way. With MESHWORK_SCREENSHOTS=<dir> (`npm run docs:screenshots`) it
 * also saves the screenshots of the docs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, startPortalFixture, type PortalFixture } from './portal-fixture.js';

let fixture: PortalFixture;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture();
  ({ page } = await fixture.newPage());
  await fixture.signIn(page, /Gus Okafor/);
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });

describe.runIf(hasChromium)('governance, operations and the glossary in Chromium, as gus', () => {
  it('shows compliance per policy and per domain, as bars and as tables', async () => {
    await nav().getByRole('link', { name: 'Governance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Governance' }).waitFor();
    expect(await page.title()).toBe('Governance · Meshwork');

    const byPolicy = page.getByRole('table', { name: 'Compliance per policy' });
    await byPolicy.locator('tbody tr').first().waitFor();
    const descriptions = byPolicy
      .locator('tbody tr')
      .filter({ has: page.locator('code', { hasText: /^column-descriptions$/ }) });
    // One column is undescribed and one waived: not fully compliant, and says what the policy asks.
    expect(await descriptions.textContent()).toMatch(/\d+%/);
    expect(await descriptions.textContent()).not.toContain('100%');

    const byDomain = page.getByRole('table', { name: 'Compliance per domain' });
    const domains = await byDomain.locator('tbody tr td:first-child').allTextContents();
    expect(domains.sort()).toEqual(['customers', 'finance', 'logistics', 'marketing', 'sales', 'support']);

    // Both charts drew their stacked bars, and the history its line.
    for (const section of ['Compliance per policy', 'Compliance per domain']) {
      const chart = page.getByRole('region', { name: section }).locator('.compliance-chart');
      await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    }
    await page.getByRole('heading', { level: 2, name: 'Compliance over time' }).waitFor();
    await expect.poll(() => page.locator('.compliance-history-chart .recharts-line').count()).toBe(1);
    await saveScreenshot(page, 'portal-governance.png');
  });

  it("lists the demo's waiver with its owner and expiry, and findings with file:line and a fix", async () => {
    const waivers = page.getByRole('table', { name: 'Waivers, in force and expired' });
    const waiver = waivers.locator('tbody tr').filter({ hasText: 'logistics.delivery-performance' });
    const text = await waiver.textContent();
    expect(text).toContain('column-descriptions');
    expect(text).toContain('logistics-data');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}\s*(expires in \d+ days?|expires today|expired)/);

    const findings = page.getByRole('table', { name: 'Findings of the latest check' });
    await findings.locator('tbody tr').first().waitFor();
    const locations = await findings.locator('.finding-location').allTextContents();
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) expect(location).toMatch(/^[\w./-]+\.ya?ml:\d+$/);
    const waived = findings.locator('tbody tr').filter({ hasText: 'waived' });
    expect(await waived.textContent()).toMatch(/Waived for logistics-data until/);
    expect(await findings.locator('.finding-fix').first().textContent()).toMatch(/^Fix: \S/);

    // Narrowed to failures through the URL: the waived one is gone.
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('fail');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/outcome=fail/);
    await expect
      .poll(async () => (await findings.locator('tbody tr .badge').allTextContents()).filter((t) => t !== 'fail'))
      .toEqual([]);
    expect(await findings.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it("shows the demo's failing product with its open incident and the check it failed", async () => {
    await nav().getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Runs and incidents' }).waitFor();
    const open = page.getByRole('region', { name: /^Open incidents/ });
    const incident = open.getByRole('article', { name: 'support.tickets' });
    await incident.waitFor();
    const card = await incident.textContent();
    expect(card).toContain('high severity');
    expect(card).toContain('failing');
    expect(card).toMatch(/Open since\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    const checks = incident.getByRole('table', { name: 'Failed checks of support.tickets' });
    const blocking = checks.locator('tbody tr').filter({ hasText: 'blocking' });
    expect(await blocking.locator('td:first-child').allTextContents()).toEqual(
      expect.arrayContaining(['quality:response_after_opening']),
    );
    expect(await blocking.filter({ hasText: 'quality:response_after_opening' }).textContent()).toContain('mustBe 0');
    await saveScreenshot(page, 'portal-operations.png');

    // The failed run is among the recent runs, its checks behind a disclosure.
    const runs = page.getByRole('table', { name: 'Recent runs, newest first' });
    const failed = runs.locator('tbody tr').filter({ hasText: 'support.tickets' }).filter({ hasText: 'failed' });
    await failed.first().waitFor();
    const details = failed.first().locator('details');
    expect(await details.getByText('quality:response_after_opening').isVisible()).toBe(false);
    // Opened with the keyboard, as a native disclosure.
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await details.getByText('quality:response_after_opening').isVisible()).toBe(true);

    // One product's view, shareable through the URL.
    await page.getByRole('combobox', { name: 'Product' }).fill('support.tickets');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/product=support\.tickets/);
    await expect
      .poll(async () => new Set(await runs.locator('tbody tr td:nth-child(2)').allTextContents()))
      .toEqual(new Set(['support.tickets']));
  });

  it('shows Customer with the products that describe it, and a join path with its SQL', async () => {
    await nav().getByRole('link', { name: 'Glossary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Entities' })
      .getByRole('link', { name: /^Customer\b/ })
      .click();
    await page.waitForURL(/\/glossary\/Customer$/);
    await page.getByRole('heading', { level: 2, name: 'Customer' }).waitFor();
    expect(await page.title()).toBe('Customer · Glossary · Meshwork');
    const identifiers = page.getByRole('table', { name: 'Identifiers of Customer' });
    expect(await identifiers.textContent()).toContain('customer_id');

    const products = page.getByRole('table', { name: 'Products that describe Customer' });
    const profile = products.locator('tbody tr').filter({ hasText: 'customers.customer-profile' });
    expect(await profile.textContent()).toContain('about it');
    expect(await profile.textContent()).toContain('customers.customer_profile.customer_id');
    expect(await products.locator('tbody tr').count()).toBeGreaterThan(3);
    await saveScreenshot(page, 'portal-glossary.png');

    await page.getByRole('combobox', { name: 'From' }).selectOption('customers.customer-profile');
    await page.getByRole('combobox', { name: 'To' }).selectOption('support.tickets');
    await page.getByRole('button', { name: 'Find join paths' }).click();
    await page.waitForURL(/from=customers\.customer-profile&to=support\.tickets/);
    const sql = page.getByLabel('SQL of path 1', { exact: true });
    await sql.waitFor();
    expect(await sql.textContent()).toMatch(
      /customers\.customer_profile \w+ JOIN support\.tickets \w+ ON \w+\.customer_id = \w+\.customer_id/,
    );
    // The best three first, the rest on demand.
    const all = page.getByRole('button', { name: /^Show all \d+ paths$/ });
    if (await all.isVisible()) {
      await all.click();
      await page.getByLabel('SQL of path 4', { exact: true }).waitFor();
    }
  });

  it('fits a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    for (const [path, heading] of [
      ['/governance', 'Governance'],
      ['/operations', 'Runs and incidents'],
      ['/glossary/Customer', 'Glossary'],
    ] as const) {
      await page.goto(fixture.url(path));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('table tbody tr').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console error or warning on the way', () => {
    expect(fixture.problems).toEqual([]);
  });
});
