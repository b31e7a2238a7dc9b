// The functions this test hands to `page.evaluate` run in Chromium: they are typed with the DOM.
/// <reference lib="dom" />
/**
 * Lineage in the portal, end to end in real headless Chromium against the demo mesh: the product
 * page's Lineage tab (what sales.orders feeds, a port opened to its columns with its column
 * edges and transforms, the keyboard path), the lineage explorer with the impact of a change,
 * the render of the demo's biggest downstream graph (timed and printed, not asserted), and what
 * a consumer may not see. Every demo product is discoverable by everyone, so the workspace gets
 * one more access policy before the server starts: ana may not discover support.churn-risk.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startPortalFixture, type PortalFixture } from './portal-fixture.js';

const HIDDEN_FROM_ANA = 'support.churn-risk';
const HIDE_POLICY = `@id("e2e-churn-risk-hidden-from-ana")
@description("The lineage end-to-end test: a product ana may not discover.")
forbid (
  principal == Meshwork::User::"ana",
  action == Meshwork::Action::"discover",
  resource == Meshwork::Product::"${HIDDEN_FROM_ANA}"
);
`;

const ORDERS_V2 = 'sales.orders.orders@2';
const C360 = 'customers.customer-360.customer_360@1';

let fixture: PortalFixture;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture({
    prepare: (root) => writeFile(join(root, 'policies/access/e2e-lineage-hidden.cedar'), HIDE_POLICY),
  });
  ({ page } = await fixture.newPage());
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

/** The graph once its layout for the current answers is on screen. */
const canvas = () => page.locator('.lineage-canvas[data-state="ready"]');
/** A node of the graph by its accessible name (`Product sales.orders, the node asked about`). */
const node = (name: RegExp) => page.locator('.react-flow__node').and(page.getByRole('group', { name }));
const edge = (description: string) => page.locator(`.react-flow__edge[aria-label="${description}"]`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

async function apiAs<T>(user: string, path: string): Promise<T> {
  const token = fixture.demoUsers.find((u) => u.principalId === user)?.token;
  const response = await fetch(fixture.url(path), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface LineageAnswer {
  readonly nodes: readonly { readonly ref: string; readonly productId?: string }[];
  readonly hidden: number;
}

describe.runIf(hasChromium)('lineage in the portal', () => {
  it('shows what a product feeds on its Lineage tab, downstream to the right, with a legend', async () => {
    await fixture.signIn(page, /Pia Lindqvist/);
    await page.goto(fixture.url('/products/sales.orders'));
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page.getByRole('navigation', { name: 'Product sections' }).getByRole('link', { name: 'Lineage' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lineage' }).waitFor();
    expect(page.url()).toBe(fixture.url('/products/sales.orders/lineage'));
    await canvas().waitFor();

    const orders = node(/^Product sales\.orders, the node asked about/);
    const customer360 = node(/^Product customers\.customer-360\b/);
    const dashboard = node(/^Product sales\.sales-dashboard\b/);
    for (const downstream of [customer360, dashboard]) {
      await downstream.waitFor();
      // Data flows left to right: what sales.orders feeds lies to its right.
      expect((await box(downstream)).x).toBeGreaterThan((await box(orders)).x + (await box(orders)).width);
    }
    // Ports sit in their products; the port is named with its version.
    await node(new RegExp(`^Port ${escape(C360)}, 1 hop downstream`)).waitFor();
    expect(await edge(`${ORDERS_V2} → ${C360}: feeds`).getAttribute('class')).toContain('lineage-edge-dataset');
    expect(await page.getByRole('group', { name: 'Legend' }).textContent()).toContain('row dependency');
    expect(await page.locator('.lineage-summary').textContent()).not.toContain('you may not see');

    // Zoom and fit view from the graph's controls.
    const transform = () => page.locator('.react-flow__viewport').evaluate((e) => getComputedStyle(e).transform);
    const fitted = await transform();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(transform).not.toBe(fitted);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect.poll(transform).toBe(fitted);
    expect(fixture.problems).toEqual([]);
  });

  it('opens a port to its columns: lifetime_value comes from gross_amount (aggregate), row dependencies apart', async () => {
    const lifetimeValue = node(new RegExp(`^Column ${escape(C360)}\\.lifetime_value$`));
    expect(await lifetimeValue.count()).toBe(0);
    const show = page.getByRole('button', { name: `Show columns of ${ORDERS_V2}` });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await lifetimeValue.waitFor();
    await canvas().waitFor();
    await node(new RegExp(`^Column ${escape(ORDERS_V2)}\\.coupon_code$`)).waitFor();

    const aggregate = edge(`${ORDERS_V2}.gross_amount → ${C360}.lifetime_value: aggregate`);
    expect(await aggregate.getAttribute('class')).toContain('lineage-edge-value');
    const joinKey = edge(`${ORDERS_V2}.customer_id → ${C360}: row: join, group`);
    expect(await joinKey.getAttribute('class')).toContain('lineage-edge-row');
    // The transform shows when the edge has focus (or the pointer), not before.
    const label = aggregate.locator('.react-flow__edge-textwrapper');
    expect(await label.textContent()).toBe('aggregate');
    expect(await label.evaluate((e) => getComputedStyle(e).opacity)).toBe('0');
    await aggregate.focus();
    await expect.poll(() => label.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');

    const hide = page.getByRole('button', { name: `Hide columns of ${ORDERS_V2}` });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await hide.click();
    await expect.poll(() => lifetimeValue.count()).toBe(0);
    expect(fixture.problems).toEqual([]);
  });

  it('is usable with the keyboard: nodes take focus with a visible ring, Enter opens the product page', async () => {
    await page.getByRole('combobox', { name: 'Depth' }).focus();
    // Tab on into the graph: the first focusable element there that is a node.
    let focused = '';
    for (let i = 0; i < 100 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.classList.contains('react-flow__node')
          ? ((document.activeElement as HTMLElement).dataset.id ?? '')
          : '',
      );
    }
    expect(focused).not.toBe('');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

    const dashboard = node(/^Product sales\.sales-dashboard\b/);
    await dashboard.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(fixture.url('/products/sales.sales-dashboard'));
    await page.getByRole('heading', { level: 1, name: 'Sales Dashboard' }).waitFor();
    expect(fixture.problems).toEqual([]);
  });

  it('explores a column from the header: suggestions, no downstream product for coupon_code, a port picked', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lineage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lineage explorer' }).waitFor();
    const input = page.getByRole('combobox', { name: 'Product, port or column' });
    await input.fill(`${ORDERS_V2}.co`);
    // Products from the search, then the columns of the product typed, from the lineage model.
    const suggestion = page.locator(`#lineage-ref-options option[value="${ORDERS_V2}.coupon_code"]`);
    await suggestion.waitFor({ state: 'attached' });
    await input.fill(`${ORDERS_V2}.coupon_code`);
    await input.press('Enter');
    await page.waitForURL(/\/lineage\?ref=sales\.orders\.orders%402\.coupon_code$/);
    await expect.poll(() => page.title()).toBe(`Lineage of ${ORDERS_V2}.coupon_code · Meshwork`);

    const impact = page.getByRole('complementary', { name: `Impact of ${ORDERS_V2}.coupon_code` });
    await impact.getByText('No downstream products').waitFor();
    expect(await impact.getByRole('table', { name: 'Affected columns' }).locator('tbody tr').allTextContents()).toEqual(
      [`${ORDERS_V2}.coupon_code0`],
    );
    await canvas().waitFor();
    await node(new RegExp(`^Column ${escape(ORDERS_V2)}\\.coupon_code, the node asked about`)).waitFor();

    // Picking the port shows its impact (and, a port clicked, its columns).
    // On its name: the middle of the port is its column.
    await node(new RegExp(`^Port ${escape(ORDERS_V2)}\\b`)).click({ position: { x: 12, y: 10 } });
    await page.waitForURL(/node=sales\.orders\.orders%402$/);
    const portImpact = page.getByRole('complementary', { name: `Impact of ${ORDERS_V2}` });
    const products = portImpact.getByRole('region', { name: 'Downstream products' });
    await products.waitFor();
    expect(await products.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['customers.customer-360', 'sales.sales-dashboard']),
    );
    await portImpact.getByRole('heading', { name: 'Owner teams downstream' }).waitFor();
    expect(await portImpact.textContent()).toContain('customer-data');
    await page.getByRole('button', { name: `Hide columns of ${ORDERS_V2}` }).waitFor();
    expect(fixture.problems).toEqual([]);
  });

  it("renders the demo's biggest downstream graph, laid out in a Web Worker", async () => {
    const path = '/lineage?ref=sales.orders&direction=downstream&depth=5&columns=true';
    const answer = await apiAs<LineageAnswer>(
      'pia',
      '/api/v1/lineage/sales.orders?direction=downstream&depth=5&columns=true',
    );
    await page.goto(fixture.url('/lineage'));
    await page.getByRole('heading', { level: 1, name: 'Lineage explorer' }).waitFor();
    const started = Date.now();
    await page.goto(fixture.url(path));
    await canvas().waitFor({ timeout: 60_000 });
    const total = Date.now() - started;
    const shown = await canvas().evaluate((e) => ({ ...(e as HTMLElement).dataset }));
    const rendered = await page.locator('.react-flow__node').count();
    console.log(
      `[portal] lineage of sales.orders (downstream, depth 5, columns): ${answer.nodes.length} nodes from the API, ` +
        `${rendered} drawn (with their containers); on screen ${total} ms after navigation, ` +
        `ELK layout ${shown.layoutMs} ms in the ${shown.engine}`,
    );
    expect(shown.engine).toBe('worker');
    expect(rendered).toBe(Number(shown.nodes));
    expect(rendered).toBeGreaterThanOrEqual(answer.nodes.length);
    // No toggles: every port already shows its columns.
    expect(await page.getByRole('button', { name: /^Show columns of/ }).count()).toBe(0);
    expect(fixture.problems).toEqual([]);
  });

  it('fits a narrow window: the graph, its legend and the impact in one column', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(fixture.url(`/lineage?ref=${encodeURIComponent(ORDERS_V2)}`));
    await canvas().waitFor();
    await page
      .getByRole('complementary', { name: `Impact of ${ORDERS_V2}` })
      .getByRole('table')
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const graph = await box(page.locator('.lineage-canvas'));
    const impact = await box(page.getByRole('complementary', { name: `Impact of ${ORDERS_V2}` }));
    expect(impact.y).toBeGreaterThan(graph.y + graph.height);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(fixture.problems).toEqual([]);
  });

  it('leaves out, for ana, the nodes of a product she may not discover, and says how many', async () => {
    const answer = await apiAs<LineageAnswer>('ana', '/api/v1/lineage/sales.orders?direction=both&depth=3');
    expect(answer.hidden).toBeGreaterThan(0);
    expect(answer.nodes.some((n) => n.productId === HIDDEN_FROM_ANA)).toBe(false);
    const forGus = await apiAs<LineageAnswer>('gus', '/api/v1/lineage/sales.orders?direction=both&depth=3');
    expect(forGus.nodes.some((n) => n.productId === HIDDEN_FROM_ANA)).toBe(true);

    const { context, page: anasPage } = await fixture.newPage();
    page = anasPage;
    await fixture.signIn(page, /Ana Silva/);
    await page.goto(fixture.url('/products/sales.orders/lineage'));
    await canvas().waitFor();
    const count = `${answer.hidden} node${answer.hidden === 1 ? '' : 's'} you may not see`;
    expect(await page.locator('.lineage-hidden').textContent()).toBe(` ${count}`);
    await node(/^Product customers\.customer-360\b/).waitFor();
    expect(await page.locator(`.react-flow__node[data-id^="${HIDDEN_FROM_ANA}"]`).count()).toBe(0);

    const impact = await apiAs<{ hidden: number }>('ana', `/api/v1/impact/${encodeURIComponent(ORDERS_V2)}`);
    expect(impact.hidden).toBe(1);
    await page.goto(fixture.url(`/lineage?ref=${encodeURIComponent(ORDERS_V2)}`));
    const panel = page.getByRole('complementary', { name: `Impact of ${ORDERS_V2}` });
    await panel.getByText('1 affected product you may not see').waitFor();
    expect(await panel.getByRole('region', { name: 'Downstream products' }).textContent()).not.toContain(
      HIDDEN_FROM_ANA,
    );
    await context.close();
    expect(fixture.problems).toEqual([]);
  });
});
