// The functions this test hands to `page.evaluate` run in Chromium: they are typed with the DOM.
/// <reference lib="dom" />
/**
 * The portal end to end in real headless Chromium (Debian's `chromium`, driven by playwright-core),
 * against what `npm start` serves: the demo mesh (built small) with its demo users, and a fresh
 * build of the portal. A visitor picks a demo user, searches, opens a product and reads its
 * schema and sample — every call under that user's token — with no console error; a 500-column
 * product renders (the time is printed, not asserted). With MESHWORK_SCREENSHOTS=<dir>
 * (`npm run docs:screenshots`) it also saves the screenshots of the docs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, startPortalFixture, type PortalFixture } from './portal-fixture.js';
import { addWideProduct, WIDE_COLUMNS } from './wide-product.js';

let fixture: PortalFixture;
let page: Page;
let wideProduct: string;
let problems: string[];

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture({
    prepare: async (root) => {
      wideProduct = await addWideProduct(root, 'sales', 'wide-ledger');
    },
  });
  problems = fixture.problems;
  ({ page } = await fixture.newPage());
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

const url = (path: string) => fixture.url(path);

describe.runIf(hasChromium)('the portal in Chromium, on the demo mesh', () => {
  it('asks who you are, offering the demo users, and lets you pick one', async () => {
    const started = performance.now();
    await page.goto(url('/'));
    const ana = page.getByRole('button', { name: /Ana Silva/ });
    await ana.waitFor();
    const firstLoad = performance.now() - started;
    expect(page.url()).toBe(url('/login'));
    expect(await page.title()).toBe('Sign in · Meshwork');

    const picked = performance.now();
    await ana.click();
    await page.getByRole('heading', { level: 1, name: 'Marketplace' }).waitFor();
    await page.locator('.product-card').first().waitFor();
    const marketplace = performance.now() - picked;
    const loadEvent = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation ? Math.round(navigation.loadEventEnd) : null;
    });
    console.log(
      `[portal] first load: the login page with its demo users in ${firstLoad.toFixed(0)} ms ` +
        `(load event at ${loadEvent} ms); the marketplace after picking a user in ${marketplace.toFixed(0)} ms`,
    );
    expect(await page.locator('.current-user').textContent()).toContain('Signed in as Ana Silva');
    // Every product ana may discover, each card with its domain and owner.
    const cards = page.locator('.product-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(15);
    const card = cards.filter({ has: page.getByRole('heading', { name: 'Customer 360', exact: true }) });
    expect(await card.locator('dd').allTextContents()).toEqual(['customers', 'customer-data', 'aggregate']);
    // Each card's health and freshness arrive by their own calls, under ana's token.
    const count = await cards.count();
    await expect.poll(() => page.locator('.product-card .badge[class*="health-"]').count()).toBe(count);
    await expect.poll(() => page.locator('.product-card .badge[class*="freshness-"]').count()).toBe(count);
    await saveScreenshot(page, 'portal-marketplace.png');
  });

  it('searches the catalog from the header and narrows it with a facet', async () => {
    const search = page.getByRole('searchbox', { name: 'Search data products' });
    await search.fill('customer');
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Products matching “customer”' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('customer');
    const titles = page.locator('.product-card h2');
    await titles.first().waitFor();
    expect(await titles.allTextContents()).toEqual(expect.arrayContaining(['Customer 360', 'Customer Profile']));
    await page
      .locator('.product-card')
      .filter({ has: page.getByRole('heading', { name: 'Customer 360', exact: true }) })
      .getByText(/^health \d+/)
      .waitFor();

    const customers = page.getByRole('group', { name: 'Domain' }).getByRole('checkbox', { name: /^customers/ });
    // A click, not check(): the box follows the URL, so it changes state only once the
    // navigation the click starts has rendered.
    await customers.click();
    await page.waitForURL(/domain=customers/);
    await expect.poll(() => customers.isChecked()).toBe(true);
    await expect
      .poll(async () => {
        const ids = await page.locator('.product-card .product-id').allTextContents();
        return ids.length > 0 && ids.every((id) => id.startsWith('customers.'));
      })
      .toBe(true);
  });

  it('opens a product: overview, schema with classifications and glossary terms, masked sample rows', async () => {
    await page.getByRole('link', { name: 'Customer 360', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Customer 360' }).waitFor();
    expect(page.url()).toBe(url('/products/customers.customer-360'));
    const overview = page.getByRole('region', { name: 'Overview' });
    await overview.waitFor();
    const overviewText = await overview.textContent();
    expect(overviewText).toContain('customer-data');
    expect(overviewText).toMatch(/Health \d+ \/ 100/);

    await page.getByRole('link', { name: 'Schema' }).click();
    const schema = page.locator('table.schema-table');
    await schema.locator('tbody tr').first().waitFor();
    const email = schema.locator('tbody tr').filter({ has: page.locator('code', { hasText: /^email$/ }) });
    const emailRow = await email.textContent();
    expect(emailRow).toContain('pii');
    expect(emailRow).toContain('VARCHAR');
    const terms = await schema.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(terms).toEqual(expect.arrayContaining([expect.stringMatching(/^Customer\./)]));
    await saveScreenshot(page, 'portal-product.png');

    await page.getByRole('link', { name: 'Sample data' }).click();
    const sample = page.locator('table.sample-table');
    await sample.locator('tbody tr').first().waitFor();
    // ana's masks apply: no sample e-mail address is in the clear.
    const header = await sample.locator('thead th').allTextContents();
    const emailColumn = header.findIndex((h) => h.startsWith('email'));
    expect(emailColumn).toBeGreaterThanOrEqual(0);
    const emails = await sample.locator(`tbody tr td:nth-child(${emailColumn + 1})`).allTextContents();
    expect(emails.length).toBeGreaterThan(0);
    for (const value of emails) expect(value).not.toMatch(/^[^*@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it(`renders a product with ${WIDE_COLUMNS} columns`, async () => {
    await page.goto(url(`/products/${wideProduct}/schema`));
    const rows = (n: number) => document.querySelectorAll('table.schema-table tbody tr').length === n;
    await page.waitForFunction(rows, WIDE_COLUMNS);
    const fromNavigation = await page.evaluate(() => performance.now());
    // The same table again from the overview tab, its data already loaded: the render alone.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    const render = await page.evaluate(async (n) => {
      const started = performance.now();
      document.querySelector<HTMLAnchorElement>('nav[aria-label="Product sections"] a[href$="/schema"]')!.click();
      await new Promise<void>((resolve) => {
        const check = () =>
          document.querySelectorAll('table.schema-table tbody tr').length === n
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - started;
    }, WIDE_COLUMNS);
    console.log(
      `[portal] ${WIDE_COLUMNS}-column product: schema page loaded and rendered ${fromNavigation.toFixed(0)} ms ` +
        `after navigation; the schema tab rendered in ${render.toFixed(0)} ms`,
    );
    await page.getByText(`${WIDE_COLUMNS} columns`).waitFor();
    await page.getByRole('searchbox', { name: 'Filter columns' }).fill('measure_250');
    await expect.poll(() => page.locator('table.schema-table tbody tr').count()).toBe(1);
  });

  it('is usable with the keyboard: a skip link first, visible focus', async () => {
    await page.goto(url('/'));
    await page.locator('.product-card').first().waitFor();
    await page.keyboard.press('Tab');
    const isFocused = (element: Element) => element === document.activeElement;
    expect(await page.getByRole('link', { name: 'Skip to content' }).evaluate(isFocused)).toBe(true);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused).toEqual({ text: 'Meshwork', outline: 'solid' });
  });

  it('fits a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(url('/?q=orders'));
    await page.locator('.product-card').first().waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search data products' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out: the token leaves the tab and pages ask to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Meshwork' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.goto(url('/products/customers.customer-360'));
    await page.getByRole('heading', { level: 1, name: 'Sign in to Meshwork' }).waitFor();
  });

  it('refuses a wrong token with a message', async () => {
    await page.getByRole('textbox', { name: 'API token' }).fill(`mwt_aaaaaaaaaaaaaaaa_${'x'.repeat(43)}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('This token is not valid (or has expired).');
  });

  it('logged no console error or warning on any page', () => {
    // The wrong token above is refused with a 401, which Chromium reports as a failed resource.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
