/**
 * The safe-change journey through the CLI, with a real webhook subscriber checking every
 * signature: a deprecation with too short a notice is refused; published with enough notice it is
 * announced with `port.deprecated` and both majors are published; `mesh query` warns on stderr
 * about the deprecated version; a breaking change within a major is refused by `mesh publish`
 * (one `contract.breaking-change` naming the consumer) and only reported by `mesh check`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeprecatedWorkspace,
  daysFromNow,
  setV1EndOfLife,
} from '../../server/src/lifecycle/test-support/deprecated-workspace.js';
import { WebhookReceiver } from '../../server/src/lifecycle/test-support/webhook-receiver.js';
import type { TempWorkspace } from '../../server/src/test-support/temp-workspace.js';
import { runCli } from './test-support/run-cli.js';

let ws: TempWorkspace;
let receiver: WebhookReceiver;
const mesh = (...args: string[]) => runCli(args, ws.root, { MESHWORK_USER: 'admin' });

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  ws = await createDeprecatedWorkspace(daysFromNow(10), receiver.meshYaml());
  await ws.write(
    'policies/governance/lifecycle.yaml',
    'apiVersion: meshwork/v1\nkind: GovernancePolicies\npolicies:\n  - id: deprecation-notice\n    use: meshwork/deprecation-notice-period\n',
  );
});
afterAll(async () => {
  await receiver?.stop();
  await ws?.dispose();
});

describe('deprecating a port version', () => {
  it('refuses an endOfLife that leaves consumers too little notice, and sends nothing', async () => {
    const refused = await mesh('publish');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('MW5704');
    expect(refused.stdout + refused.stderr).toMatch(
      /\[deprecation-notice\].*endOfLife \S+ of deprecated port orders v1 is 10 days after the deprecation/,
    );
    expect(receiver.received).toEqual([]);
  });

  it('publishes one with enough notice, announcing it once, and builds both majors', async () => {
    await setV1EndOfLife(ws, daysFromNow(60));
    const published = await mesh('publish');
    expect(published.code, published.stderr).toBe(0);
    expect(receiver.events('port.deprecated')).toMatchObject([
      {
        signed: true,
        data: {
          product: 'sales.orders',
          port: 'orders',
          major: 1,
          endOfLife: daysFromNow(60),
          noticeDays: 60,
          replacement: { port: 'orders', major: 2 },
        },
      },
    ]);
    expect(receiver.events('product.published').map((e) => e.data.major)).toEqual(expect.arrayContaining([1, 2]));

    const again = await mesh('publish');
    expect(again.code, again.stderr).toBe(0);
    expect(receiver.events('port.deprecated')).toHaveLength(1);
    expect(receiver.events('product.published')).toHaveLength(4);
  });

  it('warns readers of the deprecated version on stderr, and not readers of the current one', async () => {
    const v1 = await mesh('query', 'SELECT count(*) AS n FROM sales.orders_v1', '--format', 'csv');
    expect(v1.code, v1.stderr).toBe(0);
    expect(v1.stdout).toMatch(/^n\r?\n\d+/);
    expect(v1.stderr).toContain(
      `warning sales.orders_v1 (sales.orders orders v1) is deprecated and will be retired on ${daysFromNow(60)}; use sales.orders (orders v2) instead`,
    );
    expect(v1.stderr).toContain('hint: Move your queries to sales.orders (orders v2)');
    const v2 = await mesh('query', 'SELECT count(*) AS n FROM sales.orders', '--format', 'csv');
    expect(v2.code).toBe(0);
    expect(v2.stderr).not.toContain('deprecated');
  });
});

describe('a breaking change within a major version', () => {
  it('is refused by mesh publish with one contract.breaking-change naming the consumers, and only reported by mesh check', async () => {
    // Remove column `amount` from v2 without a new major.
    await ws.edit('domains/sales/orders/orders-v2.odcs.yaml', (t) =>
      t.replace('version: 2.0.0', 'version: 2.1.0').replace(/ {6}- name: amount\n(?: {8}.*\n)+?(?= {6}- name: )/, ''),
    );
    const refused = await mesh('publish');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('MW5704');
    const [event, ...more] = receiver.events('contract.breaking-change');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      signed: true,
      data: {
        product: 'sales.orders',
        port: 'orders',
        major: 2,
        publishedVersion: '2.0.0',
        contractVersion: '2.1.0',
        changes: [expect.objectContaining({ kind: 'column-removed', column: 'amount' })],
        // admin queried the product above: a consumer to tell.
        consumers: ['admin'],
        refused: true,
      },
    });

    const checked = await mesh('check');
    expect(checked.code).toBe(1);
    expect(receiver.events('contract.breaking-change')).toHaveLength(1);
  });
});
