/**
 * A breaking change refused, and the mesh map, end to end in real headless Chromium on the demo
 * mesh built small. Before the server starts, the workspace copy of sales.orders' v2 contract
 * loses its `coupon_code` column while its version only moves from 2.0.0 to 2.1.0: the server's
 * governance check at start fails it (a removed column needs a new major version). As gus of the
 * governance council, the dashboard lists that finding with its explanation, the consumers it
 * would break, its file:line and its fix; the product's Versions tab classifies the unpublished
 * change as breaking. The mesh map shows every domain, with an edge wherever a product reads
 * another's port; forced to its domain level, each domain is one node and opens its products.
 * No console error on the way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startPortalFixture, type PortalFixture } from './portal-fixture.js';

const CONTRACT = 'domains/sales/orders/orders.odcs.yaml';

/** The contract without its `coupon_code` property (five lines) and with a minor version bump. */
async function removeCouponCode(root: string): Promise<void> {
  const file = join(root, CONTRACT);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((line) => line.trim() === '- name: coupon_code');
  const version = lines.indexOf('version: 2.0.0');
  if (at < 0 || version < 0) throw new Error(`${CONTRACT} changed: the test's edit no longer applies`);
  lines[version] = 'version: 2.1.0';
  lines.splice(at, 5);
  await writeFile(file, lines.join('\n'));
}

let fixture: PortalFixture;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture({ prepare: removeCouponCode });
  ({ page } = await fixture.newPage());
  await fixture.signIn(page, /Gus Okafor/);
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
/** The graph once its layout is on screen. */
const canvas = () => page.locator('.lineage-canvas[data-state="ready"]');

describe.runIf(hasChromium)('a breaking change refused, and the mesh map, as gus', () => {
  it('lists the breaking change on the governance dashboard with the consumers it breaks', async () => {
    await nav().getByRole('link', { name: 'Governance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Governance' }).waitFor();
    const findings = page.getByRole('table', { name: 'Findings of the latest check' });
    await findings.locator('tbody tr').first().waitFor();
    const finding = findings
      .locator('tbody tr')
      .filter({ has: page.locator('code', { hasText: /breaking/ }) })
      .filter({ hasText: 'sales.orders' });
    expect(await finding.count()).toBe(1);
    expect(await finding.locator('.badge').textContent()).toBe('fail');
    expect(await finding.textContent()).toContain('blocking');
    const why = (await finding.locator('.finding-message').textContent()) ?? '';
    expect(why).toContain('orders.coupon_code was removed');
    expect(why).toContain('2.0.0');
    expect(why).toMatch(/affects .*product:customers\.customer-360/);
    expect(await finding.locator('.finding-fix').textContent()).toMatch(/^Fix: .*new major version/);
    expect(await finding.locator('.finding-location').textContent()).toMatch(
      new RegExp(`^${CONTRACT.replace(/\./g, '\\.')}:\\d+$`),
    );
    // Only sales.orders broke its contract: every other finding of the policy passes.
    expect(
      await findings.locator('tbody tr').filter({ hasText: 'coupon_code' }).count(),
      'one finding names the column',
    ).toBe(1);
    expect(fixture.problems).toEqual([]);
  });

  it("classifies the unpublished change as breaking on the product's Versions tab", async () => {
    await page.goto(fixture.url('/products/sales.orders/versions'));
    await page.getByRole('heading', { level: 2, name: 'Versions & changelog' }).waitFor();
    const v2 = page.getByRole('region', { name: /^orders v2/ });
    expect(await v2.getByRole('heading', { level: 3 }).textContent()).toContain('contract 2.1.0');
    const unpublished = v2.locator('.changelog > li').filter({ hasText: 'workspace, not published yet' });
    expect(await unpublished.locator('p').first().textContent()).toMatch(/^2\.1\.0 .*from 2\.0\.0\s*breaking$/);
    expect(await unpublished.locator('.changes-breaking li').allTextContents()).toEqual([
      expect.stringContaining('Column orders.coupon_code was removed'),
    ]);
    expect(fixture.problems).toEqual([]);
  });

  it('draws the mesh map: every domain as a box, sales.orders feeding customer-360', async () => {
    await nav().getByRole('link', { name: 'Domains' }).click();
    await page.getByRole('heading', { level: 1, name: 'Domains' }).waitFor();
    await page.getByRole('link', { name: 'See the mesh map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mesh map' }).waitFor();
    expect(page.url()).toBe(fixture.url('/map'));
    expect(await page.title()).toBe('Mesh map · Meshwork');
    await canvas().waitFor();

    const domains = await page
      .locator('.react-flow__node.lineage-domain')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(domains.sort()).toEqual(['customers', 'finance', 'logistics', 'marketing', 'sales', 'support']);
    // Products sit in their domain, named with archetype and health in words.
    const orders = page.locator('.react-flow__node[data-id="sales.orders"]');
    expect(await page.locator('.react-flow__node[data-id="sales"]').getAttribute('aria-label')).toBe('Domain sales');
    expect(await orders.getAttribute('aria-label')).toMatch(/^Product sales\.orders, \S+ · health (\d+ · \w+|—)$/);
    expect(await orders.getAttribute('class')).toMatch(/mesh-health-(good|fair|poor|unknown)/);
    const ordersBox = await orders.boundingBox();
    const salesBox = await page.locator('.react-flow__node[data-id="sales"]').boundingBox();
    expect(ordersBox && salesBox && ordersBox.x >= salesBox.x && ordersBox.y >= salesBox.y).toBe(true);

    const feeds = page.locator('.react-flow__edge[data-id="sales.orders -> customers.customer-360"]');
    expect(await feeds.count()).toBe(1);
    expect(await feeds.getAttribute('aria-label')).toBe(
      'sales.orders → customers.customer-360: customers.customer-360 reads sales.orders',
    );
    expect(await page.locator('.lineage-summary').textContent()).toMatch(/^6 domains, \d+ products, \d+ edges\.$/);
    expect(await page.getByRole('group', { name: 'Legend' }).textContent()).toContain('health 75 or more');

    // The graph fits a 1280×800 window: on screen, no sideways scrolling.
    const graph = await canvas().boundingBox();
    expect(graph && graph.x >= 0 && graph.x + graph.width <= 1280).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(fixture.problems).toEqual([]);
  });

  it('opens a product from the map, by click and with the keyboard', async () => {
    // On the node's box, away from the title's link.
    const customer360 = page.locator('.react-flow__node[data-id="customers.customer-360"]');
    const { height } = (await customer360.boundingBox()) ?? { height: 0 };
    await customer360.click({ position: { x: 4, y: height - 4 } });
    await page.waitForURL(fixture.url('/products/customers.customer-360'));
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.goBack();
    await canvas().waitFor();
    // Tab from the heading into the graph, on to the first product (domains come first).
    await page.getByRole('link', { name: 'Mesh map' }).focus();
    let focused = '';
    for (let i = 0; i < 100 && !/\./.test(focused); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return active?.classList.contains('react-flow__node') ? (active.dataset.id ?? '') : '';
      });
    }
    expect(focused).toMatch(/^customers\./);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(fixture.url(`/products/${focused}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(fixture.problems).toEqual([]);
  });

  it('draws the domain-level map (forced by ?detail=domains) and opens a domain by keyboard and click', async () => {
    await page.goto(fixture.url('/map?detail=domains'));
    await page.getByRole('heading', { level: 1, name: 'Mesh map' }).waitFor();
    await canvas().waitFor();
    const domains = await page
      .locator('.react-flow__node.lineage-domain')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(domains.sort()).toEqual(['customers', 'finance', 'logistics', 'marketing', 'sales', 'support']);
    expect(await page.locator('.react-flow__node.lineage-product').count()).toBe(0);
    // Counts and health in words, the colour from the same counts.
    const sales = page.locator('.react-flow__node[data-id="sales"]');
    expect(await sales.getAttribute('aria-label')).toMatch(
      /^Domain sales, \d+ products? · \d+ good, \d+ fair, \d+ poor, \d+ unknown$/,
    );
    expect(await sales.getAttribute('class')).toMatch(/mesh-health-(good|fair|poor|unknown)/);
    const feeds = page.locator('.react-flow__edge[data-id="sales -> customers"]');
    expect(await feeds.getAttribute('aria-label')).toMatch(
      /^sales → customers: products of customers reads products of sales \(\d+ product edges?\)$/,
    );
    expect(await page.locator('.lineage-summary').textContent()).toMatch(
      /^6 domains, \d+ products, \d+ domain edges?\.$/,
    );

    // Enter on a focused domain opens its products; the other domains stay beside them.
    await page.getByRole('link', { name: 'Mesh map' }).focus();
    let focused = '';
    for (let i = 0; i < 100 && focused !== 'sales'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? '');
    }
    expect(focused).toBe('sales');
    await page.keyboard.press('Enter');
    await page.waitForURL(fixture.url('/map?detail=domains&domain=sales'));
    await canvas().waitFor();
    expect(await page.locator('.lineage-summary').textContent()).toMatch(/^Domain sales: \d+ products, \d+ edges\.$/);
    expect(await page.locator('.react-flow__node[data-id="sales.orders"]').count()).toBe(1);
    const customers = page.locator('.react-flow__node[data-id="customers"]');
    expect(await customers.getAttribute('class')).toContain('lineage-domain');
    expect(await page.locator('.react-flow__edge[data-id="sales.orders -> customers"]').count()).toBe(1);

    // A click on another domain opens that one.
    const { height } = (await customers.boundingBox()) ?? { height: 0 };
    await customers.click({ position: { x: 4, y: height - 4 } });
    await page.waitForURL(fixture.url('/map?detail=domains&domain=customers'));
    await canvas().waitFor();
    expect(await page.locator('.react-flow__node[data-id="customers.customer-360"]').count()).toBe(1);
    await page.getByRole('link', { name: 'All domains' }).click();
    await page.waitForURL(fixture.url('/map?detail=domains'));
    expect(fixture.problems).toEqual([]);
  });

  it('fits a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await nav().getByRole('link', { name: 'Mesh map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mesh map' }).waitFor();
    await canvas().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(fixture.problems).toEqual([]);
  });
});
