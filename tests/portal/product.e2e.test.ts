// The functions this test hands to `page.evaluate` run in Chromium: they are typed with the DOM.
/// <reference lib="dom" />
/**
 * The product page's tabs end to end in real headless Chromium against the demo mesh: Olga, who
 * owns sales.orders, reads the owner and SLO status on the overview, the contract of orders v2 and
 * of the deprecated v1 (with its end of life) rendered, as YAML and as JSON, the quality and SLO
 * charts with their words and tables, who consumes it (an agreement Ana got and her query), the
 * breaking changes from v1 to v2, and example queries that open the console. Ana, a consumer,
 * sees consumer counts only. The contract tab of a 500-column product is timed (printed, not
 * asserted), and no page logs a console error.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../packages/cli/src/test-support/run-cli.js';
import { hasChromium, startPortalFixture, type PortalFixture } from './portal-fixture.js';
import { addWideProduct, WIDE_COLUMNS } from './wide-product.js';

const OLGA = /Olga Petrova/;
const ANA = /Ana Silva/;
const ORDERS = 'sales.orders';
const PURPOSE = 'Weekly revenue report for the EU board';

let fixture: PortalFixture;
let page: Page;
let wideProduct: string;
let orders: { status: { status: string } | null; exampleQueries: { sql: string }[] };

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture({
    prepare: async (root) => {
      wideProduct = await addWideProduct(root, 'sales', 'wide-ledger');
      // A second run, so the charts over time have more than one point.
      const rerun = await runCli(['run', 'sales/orders'], root);
      expect(rerun.code, rerun.stderr).toBe(0);
    },
  });
  // Someone consumes sales.orders: Ana asks, Olga (its owner) approves, Ana queries it.
  const ana = await api('ana', 'POST', '/api/v1/access-requests', {
    product: ORDERS,
    port: 'orders',
    major: 2,
    purpose: PURPOSE,
    endsAt: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  });
  await api('olga', 'POST', `/api/v1/access-requests/${(ana as { id: string }).id}/approve`, {});
  await api('ana', 'POST', '/api/v1/query', { sql: 'SELECT count(*) AS n FROM sales.orders' });
  // Usage is written in batches (about every second): wait until Olga's usage view has Ana.
  for (let attempt = 0; attempt < 60; attempt++) {
    if (JSON.stringify(await api('olga', 'GET', `/api/v1/products/${ORDERS}/usage`)).includes('"ana"')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  orders = (await api('olga', 'GET', `/api/v1/products/${ORDERS}/detail`)) as typeof orders;
  ({ page } = await fixture.newPage());
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

/** A call to the API as a demo user; anything but a 2xx fails the test. */
async function api(user: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const { token } = fixture.demoUsers.find((u) => u.principalId === user)!;
  const response = await fetch(fixture.url(path), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return response.json();
}

async function openTab(name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Product sections' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}

const panel = (name: string) => page.getByRole('region', { name, exact: true });

describe.runIf(hasChromium)('the product page tabs in Chromium, on the demo mesh', () => {
  it('shows the owner and the SLO status up front', async () => {
    await fixture.signIn(page, OLGA);
    await page.goto(fixture.url(`/products/${ORDERS}`));
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(await page.locator('.product-owner').textContent()).toBe('Owned by sales-data');
    const overview = panel('Overview');
    await overview.waitFor();
    expect(await overview.locator('.owner-panel').textContent()).toContain('product owner Olga Petrova (olga)');
    const expected = orders.status?.status === 'fresh' ? 'met' : `breached: ${orders.status?.status}`;
    expect(await overview.locator('.slo-panel').textContent()).toContain(`SLO status: ${expected}`);
    expect(await overview.locator('.slo-objectives').textContent()).toContain('orders v2: frequency 1 h');
    expect(await page.locator('.product-header .badges').textContent()).toContain(`SLO ${expected}`);
  });

  it('renders the contract of v2 and of the deprecated v1, and shows each as YAML and JSON', async () => {
    await openTab('Contract', 'Contract');
    const contract = panel('Contract');
    await contract.locator('.contract-heading').waitFor();
    expect(await contract.locator('.contract-heading').textContent()).toMatch(/^orders v2 · contract 2\.0\.0 active/);
    expect(await page.getByLabel('Version').locator('option:checked').textContent()).toMatch(/^2\.0\.0 \(served\)/);
    const v2Columns = await contract.locator('table.contract-schema-table tbody tr td:first-child').allTextContents();
    expect(v2Columns).toEqual(expect.arrayContaining(['order_id', 'ordered_at', 'gross_amount']));
    expect(await page.getByRole('table', { name: 'SLA properties' }).textContent()).toContain('99.9 percent');
    expect(await contract.textContent()).toContain('Terms of use');

    await page.getByLabel('Output port').selectOption({ label: 'orders v1' });
    await page.waitForURL(/port=orders%401|port=orders@1/);
    await contract.getByText(/^orders v1 · contract 1\.3\.0/).waitFor();
    const notice = await contract.locator('.deprecation-notice').textContent();
    expect(notice).toContain('Deprecated.');
    expect(notice).toContain('End of support: 2027-03-31.');
    expect(notice).toContain('End of life: 2027-06-30');
    const v1Columns = await contract.locator('table.contract-schema-table tbody tr td:first-child').allTextContents();
    expect(v1Columns).toEqual(expect.arrayContaining(['order_date', 'total_amount']));
    expect(v1Columns).not.toContain('ordered_at');

    const yaml = page.getByRole('button', { name: 'YAML', exact: true });
    await yaml.click();
    await expect.poll(() => yaml.getAttribute('aria-pressed')).toBe('true');
    const source = page.getByRole('region', { name: /^orders v1 contract 1\.3\.0, as YAML$/ });
    const text = (await source.textContent()) ?? '';
    expect(text.startsWith('apiVersion: v3.1.0\nkind: DataContract\n')).toBe(true);
    expect(text).toContain('status: deprecated');
    expect(text).toMatch(/property: endOfLife\n\s+value: "?'?2027-06-30/);

    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = JSON.parse(
      (await page.getByRole('region', { name: /^orders v1 contract 1\.3\.0, as JSON$/ }).textContent()) ?? '',
    ) as { version: string; status: string };
    expect(json).toMatchObject({ version: '1.3.0', status: 'deprecated' });
    expect(new URL(page.url()).searchParams.get('view')).toBe('json');

    // The state is in the URL: a reload shows the same version the same way.
    await page.reload();
    await page.getByRole('region', { name: /^orders v1 contract 1\.3\.0, as JSON$/ }).waitFor();
    await page.getByRole('button', { name: 'Rendered', exact: true }).click();
    await contract.locator('.deprecation-notice').waitFor();
  });

  it('charts quality, rows and freshness over time, each with a summary and a table', async () => {
    await openTab('Quality & SLOs', 'Quality & SLOs');
    const quality = panel('Quality & SLOs');
    await quality.locator('.slo-panel').waitFor();
    const figures = quality.locator('figure.chart-figure');
    await expect.poll(() => figures.count()).toBe(3);
    for (const title of ['Quality checks passed per run', 'Rows per snapshot', 'Freshness over time']) {
      const figure = page.getByRole('figure', { name: title });
      await figure.locator('svg.recharts-surface').first().waitFor();
      await expect.poll(() => figure.locator('svg .recharts-line-curve').count()).toBeGreaterThan(0);
      const summary = (await figure.locator('.chart-summary').textContent()) ?? '';
      expect(summary.length, title).toBeGreaterThan(20);
      await figure.locator('details summary').click();
      expect(await figure.locator('details table tbody tr').count(), title).toBeGreaterThan(0);
    }
    expect(await page.getByRole('figure', { name: 'Quality checks passed per run' }).textContent()).toMatch(
      /Over the last \d+ runs?, the newest passed [\d.]+% of its checks/,
    );
    expect(await page.getByRole('figure', { name: 'Rows per snapshot' }).textContent()).toMatch(
      /orders v2: [\d,]+ rows in the newest snapshot/,
    );
    expect(await page.getByRole('figure', { name: 'Freshness over time' }).textContent()).toMatch(/currently \w+/);
  });

  it('lists the agreements and the usage the owner may see', async () => {
    await openTab('Consumers & usage', 'Consumers & usage');
    const agreement = page.getByRole('table', { name: 'Agreements in force' }).locator('tbody tr');
    await agreement.first().waitFor();
    expect(await agreement.filter({ hasText: PURPOSE }).textContent()).toMatch(/^anaorders v2/);
    const usage = page.getByRole('table', { name: /^Usage per consumer since/ }).locator('tbody tr');
    expect(await usage.filter({ hasText: /^ana/ }).count()).toBe(1);
    const chart = page.getByRole('figure', { name: 'Usage per day' });
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.locator('.chart-summary').textContent()).toMatch(/^\d+ quer(y|ies) by \d+ principals?/);
  });

  it('shows the breaking changes from v1 to v2, and the changelog of each contract', async () => {
    await openTab('Versions & changelog', 'Versions & changelog');
    const v2 = page.getByRole('region', { name: /^orders v2/ });
    const fromV1 = v2.locator('.major-diff');
    await fromV1.getByRole('heading', { name: /From orders v1 to v2 breaking/ }).waitFor();
    const breaking = await fromV1.locator('.changes-breaking li').allTextContents();
    expect(breaking).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Column orders.order_date was renamed to ordered_at'),
        expect.stringContaining('Column orders.total_amount was renamed to gross_amount'),
      ]),
    );
    expect(await fromV1.locator('.changes-risky li').count()).toBeGreaterThan(0);
    expect(await v2.locator('.changelog').textContent()).toMatch(/2\.0\.0 published \d{4}-\d{2}-\d{2}/);
    const v1 = page.getByRole('region', { name: /^orders v1/ });
    expect(await v1.locator('.major-diff').count()).toBe(0);
    expect(await v1.locator('.changelog').textContent()).toContain('1.3.0');
  });

  it('offers example queries that open in the console', async () => {
    await openTab('Example queries', 'Example queries');
    const links = page.getByRole('link', { name: /^Open in console: / });
    await links.first().waitFor();
    expect(await links.count()).toBe(orders.exampleQueries.length);
    const href = (await links.first().getAttribute('href')) ?? '';
    expect(href.startsWith('/console?sql=')).toBe(true);
    const sql = new URL(href, fixture.url('/')).searchParams.get('sql');
    expect(sql).toBe(orders.exampleQueries[0]!.sql);
    expect(await page.locator('.example-sql').first().textContent()).toBe(sql);
  });

  it(`renders the contract tab of a ${WIDE_COLUMNS}-column product`, async () => {
    await page.goto(fixture.url(`/products/${wideProduct}`));
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    const rendered = (n: number) =>
      page.evaluate(async (rows) => {
        const started = performance.now();
        document.querySelector<HTMLAnchorElement>('nav[aria-label="Product sections"] a[href$="/contract"]')!.click();
        await new Promise<void>((resolve) => {
          const check = () =>
            document.querySelectorAll('table.contract-schema-table tbody tr').length === rows
              ? resolve()
              : requestAnimationFrame(check);
          check();
        });
        return performance.now() - started;
      }, n);
    // First with the document to fetch, then again with it cached: the render alone.
    const first = await rendered(WIDE_COLUMNS);
    await openTab('Overview', 'Overview');
    const again = await rendered(WIDE_COLUMNS);
    console.log(
      `[portal] ${WIDE_COLUMNS}-column product: the contract tab rendered in ${first.toFixed(0)} ms with its ` +
        `document to fetch, ${again.toFixed(0)} ms from the cache`,
    );
    expect(await page.getByRole('table', { name: /wide_ledger \(500 columns\)$/ }).count()).toBe(1);
  });

  it('shows a consumer counts only', async () => {
    const { page: anaPage } = await fixture.newPage();
    page = anaPage;
    await fixture.signIn(page, ANA);
    await page.goto(fixture.url(`/products/${ORDERS}/consumers`));
    const consumers = panel('Consumers & usage');
    await consumers.getByText(/^Counts only: only those who may approve access/).waitFor();
    expect(await consumers.locator('.facts.counts').textContent()).toContain('Agreements in force1');
    expect(await consumers.getByRole('table').count()).toBe(0);
    expect(await consumers.textContent()).not.toContain(PURPOSE);
  });

  it('logged no console error or warning on any page', () => {
    expect(fixture.problems).toEqual([]);
  });
});
