// The functions this test hands to `page.evaluate` run in Chromium: they are typed with the DOM.
/// <reference lib="dom" />
/**
 * The SQL console end to end in headless Chromium, on the demo mesh, as the consumer ana: open it
 * from the header, complete a relation name, run a query and see its e-mails masked, be refused a
 * product she may not read with the API's code, cancel a slow query (and the server cancels it),
 * export CSV and Parquet, find her queries in the history, be warned when reading a deprecated
 * version — and no console error on the way. With MESHWORK_SCREENSHOTS=<dir> it also saves the
 * console's screenshot for the docs.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasChromium, saveScreenshot, startPortalFixture, type PortalFixture } from './portal-fixture.js';

let fixture: PortalFixture;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  fixture = await startPortalFixture();
  ({ page } = await fixture.newPage());
  await fixture.signIn(page, /Ana Silva/);
}, 240_000);

afterAll(async () => {
  await fixture?.close();
});

/** ana's token, for checking what the API itself says. */
const anaToken = () => fixture.demoUsers.find((user) => user.principalId === 'ana')!.token;

const editor = () => page.getByRole('textbox', { name: 'SQL query' });
const status = () => page.locator('p.console-status');
const resultRows = () => page.locator('table.result-table tbody tr');

/**
 * Replaces the editor's text as a person pasting it would: select all, then insert the text in
 * one input event. (Typing key by key on a loaded machine can lose a keystroke to the completion
 * popup opening; completion itself has its own test.)
 */
async function writeQuery(sql: string): Promise<void> {
  await editor().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(sql);
  await expect.poll(() => editor().textContent()).toBe(sql);
}

/** Runs a query with the Run button and waits until its outcome is on the page. */
async function runQuery(sql: string): Promise<void> {
  await writeQuery(sql);
  // The status says "Running" from the click until the answer is read: once the answer has
  // started to arrive, the status leaving "Running" means this run's outcome is shown.
  await Promise.all([
    page.waitForResponse((r) => r.url() === fixture.url('/api/v1/query') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Run', exact: true }).click(),
  ]);
  await expect.poll(() => status().textContent()).not.toBe('Running the query…');
}

describe.runIf(hasChromium)('the SQL console in Chromium, as the consumer ana', () => {
  it('opens from the header, with a labelled editor', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SQL console' }).click();
    await page.getByRole('heading', { level: 1, name: 'SQL console' }).waitFor();
    expect(page.url()).toBe(fixture.url('/console'));
    expect(await page.title()).toBe('SQL console · Meshwork');
    await editor().waitFor();
    expect(await editor().getAttribute('contenteditable')).toBe('true');
  });

  it('completes the relations ana may query, as the API lists them', async () => {
    const response = await fetch(fixture.url('/api/v1/query/relations'), {
      headers: { authorization: `Bearer ${anaToken()}` },
    });
    const { items } = (await response.json()) as { items: { schema: string; name: string }[] };
    const names = items.map((r) => `${r.schema}.${r.name}`);
    expect(names).toContain('customers.customer_360');
    expect(names).not.toContain('customers.customer_profile');
    // The relations list beside the editor waits for the same answer that feeds the completion.
    await page.getByRole('button', { name: 'Query customers.customer_360' }).waitFor();

    await editor().click();
    await page.keyboard.type('SELECT email FROM customers.cust');
    const option = page.getByRole('option', { name: /customer_360/ });
    await option.waitFor();
    expect(await option.textContent()).toContain('customers.customer-360');
    await option.click();
    await expect.poll(() => editor().textContent()).toBe('SELECT email FROM customers.customer_360');
    await page.keyboard.type(' LIMIT 5');
  });

  it('runs the query with Ctrl+Enter and shows the e-mails masked, with types, count and time', async () => {
    await editor().press('Control+Enter');
    await expect.poll(() => status().textContent()).toMatch(/^5 rows in \d[\d,]* ms\.$/);
    expect(await resultRows().count()).toBe(5);
    expect(await page.locator('table.result-table thead th').allTextContents()).toEqual(['email VARCHAR']);
    const emails = await page.locator('table.result-table tbody td').allTextContents();
    expect(emails).toHaveLength(5);
    for (const email of emails) {
      expect(email).toMatch(/\*\*\*@/);
      expect(email).not.toMatch(/^[^*@\s]+@[^@\s]+\.[a-z]+$/);
    }
    expect(await page.locator('.result-facts').textContent()).toContain('row limit 1,000');
    // The query run is in the URL, so it can be shared.
    expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT email FROM customers.customer_360 LIMIT 5');
    await saveScreenshot(page, 'portal-console.png');
  });

  it('says when the row limit cut the result', async () => {
    await page.getByRole('combobox', { name: 'Row limit' }).selectOption('100');
    await runQuery('SELECT customer_id FROM customers.customer_360');
    expect(await resultRows().count()).toBe(100);
    expect(await page.locator('.query-result .notice').textContent()).toContain('more rows than your row limit of 100');
  });

  it('pre-fills the editor from a link, and shows the code of a refusal', async () => {
    const sql = 'SELECT * FROM customers.customer_profile';
    await page.goto(fixture.url(`/console?${new URLSearchParams({ sql })}`));
    await expect.poll(() => editor().textContent()).toBe(sql);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('MW5016');
    expect(text).toContain('not allowed to query customers.customer_profile');
    expect(await status().textContent()).toBe('The query failed.');
  });

  it('cancels a slow query, and the server stops it', async () => {
    const stream = vi.spyOn(fixture.platform.services.gateway, 'stream');
    try {
      await writeQuery('SELECT sum(length(o.order_id) * r.range) FROM sales.orders o, range(1000000000) r');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => status().textContent()).toBe('Running the query…');
      // The request reached the gateway: cancelling now has a running query to stop.
      await expect.poll(() => stream.mock.calls.length).toBe(1);
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect.poll(() => status().textContent()).toBe('Query cancelled.');
      expect(await page.getByRole('button', { name: 'Cancel', exact: true }).isDisabled()).toBe(true);
      // The browser dropped the connection and the server cancelled the query (MW5011), rather
      // than running it to its timeout.
      await expect(stream.mock.results[0]?.value).rejects.toMatchObject({ code: 'MW5011' });
    } finally {
      stream.mockRestore();
    }
  });

  it('exports the query as CSV and as Parquet, named after the query time', async () => {
    await writeQuery('SELECT email, full_name FROM customers.customer_360 LIMIT 3');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^query-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.startsWith('email,full_name\n') || text.startsWith('email,full_name\r\n')).toBe(true);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toMatch(/\*\*\*@/);
    await expect.poll(() => status().textContent()).toContain(`Exported ${csv.suggestedFilename()}`);

    const [parquet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Parquet' }).click(),
    ]);
    expect(parquet.suggestedFilename()).toMatch(/^query-\d{4}-\d{2}-\d{2}-\d{6}\.parquet$/);
    const file = await readFile((await parquet.path())!);
    // A Parquet file starts and ends with its magic number.
    expect(file.subarray(0, 4).toString()).toBe('PAR1');
    expect(file.subarray(-4).toString()).toBe('PAR1');
  });

  it('warns that a deprecated version was read, naming its successor', async () => {
    await runQuery('SELECT * FROM sales.orders_v1 LIMIT 1');
    expect(await resultRows().count()).toBe(1);
    const warning = page.locator('.deprecation-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /Deprecated version\..*stops answering on .*Move to its successor: sales\.orders\./,
    );
    expect(await warning.getByRole('link', { name: 'sales.orders' }).getAttribute('href')).toBe(
      '/products/sales.orders',
    );
    // The current version brings no warning.
    await runQuery('SELECT * FROM sales.orders LIMIT 1');
    expect(await warning.count()).toBe(0);
  });

  it("keeps ana's queries in the history across a reload; one click puts a query back, and it clears", async () => {
    await page.reload();
    const history = page.getByRole('region', { name: 'History' });
    const entries = history.getByRole('listitem');
    await entries.first().waitFor();
    const texts = await entries.allTextContents();
    expect(texts[0]).toContain('SELECT * FROM sales.orders LIMIT 1');
    expect(texts.join('\n')).toContain('SELECT * FROM customers.customer_profile');
    expect(texts.find((t) => t.includes('customer_profile'))).toContain('MW5016');
    expect(texts.find((t) => t.includes('range(1000000000)'))).toContain('cancelled');
    expect(texts.find((t) => t.includes('LIMIT 5'))).toContain('5 rows');
    // Exports are not runs: not in the history.
    expect(texts.some((t) => t.includes('full_name'))).toBe(false);

    await history.getByRole('button', { name: /customers\.customer_360 LIMIT 5/ }).click();
    await expect.poll(() => editor().textContent()).toBe('SELECT email FROM customers.customer_360 LIMIT 5');

    await history.getByRole('button', { name: 'Clear history' }).click();
    expect(await entries.count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('console-history')))).toEqual(
      [],
    );
  });

  it("opens a product's example query in the console, ready to run", async () => {
    await page.goto(fixture.url('/products/customers.customer-360/examples'));
    const example = page.locator('.example-queries li').first();
    const sql = (await example.locator('pre').textContent())!.trim();
    await example.getByRole('link', { name: /^Open in console/ }).click();
    await page.getByRole('heading', { level: 1, name: 'SQL console' }).waitFor();
    // The editor's lines are elements of their own: its text content has no line breaks.
    await expect.poll(() => editor().textContent()).toBe(sql.replaceAll('\n', ''));
    expect(new URL(page.url()).searchParams.get('sql')).toBe(sql);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await resultRows().first().waitFor();
    expect(await status().textContent()).toMatch(/^\d+ rows? in \d[\d,]* ms\.$/);
  });

  it('logged no console error or warning', () => {
    // The refused query is a 403, which Chromium reports as a failed resource.
    expect(fixture.problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
  });
});
