/**
 * Deprecation with a notice period, on real workspaces and a real SQLite store: the built-in
 * policy blocks a deprecated port whose endOfLife comes too soon after the deprecation is first
 * published (or lacks one), honours mesh.yaml `lifecycle.deprecationNoticeDays`, and counts the
 * notice from the first registered deprecated contract; publishing the deprecation announces it
 * once to a real HTTP subscriber, with the port's consumers.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { registerProducts } from '../catalog/register-products.js';
import { checkGovernance } from '../governance/check-governance.js';
import { loadGovernance } from '../governance/load-governance.js';
import { canonicalJson, type JsonValue } from '../metadata/canonical-json.js';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { TempWorkspace } from '../test-support/temp-workspace.js';
import { createWebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { announceDeprecations } from './deprecation-announcements.js';
import { createDeprecatedWorkspace, daysFromNow } from './test-support/deprecated-workspace.js';
import { RECEIVER_SECRET, WebhookReceiver } from './test-support/webhook-receiver.js';

const POLICY = `apiVersion: meshwork/v1
kind: GovernancePolicies
policies:
  - id: deprecation-notice
    use: meshwork/deprecation-notice-period
`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workspace(
  endOfLife: string | undefined,
  meshYaml = '',
): Promise<{ ws: TempWorkspace; store: MetadataStore }> {
  const ws = await createDeprecatedWorkspace(endOfLife, meshYaml);
  await ws.write('policies/governance/lifecycle.yaml', POLICY);
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  cleanups.push(
    () => ws.dispose(),
    () => store.close(),
  );
  return { ws, store };
}

/** The notice-period findings of a governance check of the workspace, as `port vN: message`. */
async function noticeFindings(ws: TempWorkspace, store: MetadataStore): Promise<string[]> {
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const governance = loadGovernance(ws.root, model);
  expect(governance.diagnostics).toEqual([]);
  const check = await checkGovernance({ root: ws.root, model, governance, store });
  return check.blocking.filter((f) => f.policyId === 'deprecation-notice').map((f) => `${f.file}: ${f.message}`);
}

describe('the notice-period policy', () => {
  it('passes a deprecation with an endOfLife after the notice period', async () => {
    const { ws, store } = await workspace(daysFromNow(45));
    expect(await noticeFindings(ws, store)).toEqual([]);
  });

  it('blocks an endOfLife too soon after the deprecation, naming the contract, the dates and the period', async () => {
    const { ws, store } = await workspace(daysFromNow(10));
    expect(await noticeFindings(ws, store)).toEqual([
      `domains/sales/orders/orders.odcs.yaml: endOfLife ${daysFromNow(10)} of deprecated port orders v1 is 10 days after the deprecation (${daysFromNow(0)}); consumers must get at least 30 days of notice`,
    ]);
  });

  it('blocks a deprecation without an endOfLife', async () => {
    const { ws, store } = await workspace(undefined);
    expect(await noticeFindings(ws, store)).toEqual([
      'domains/sales/orders/orders.odcs.yaml: deprecated port orders v1 has no endOfLife date, so its consumers cannot know when it stops being served',
    ]);
  });

  it('applies the notice period of mesh.yaml', async () => {
    const { ws, store } = await workspace(daysFromNow(45), '\nlifecycle:\n  deprecationNoticeDays: 60\n');
    expect(await noticeFindings(ws, store)).toEqual([expect.stringContaining('is 45 days after the deprecation')]);
    expect((await noticeFindings(ws, store))[0]).toContain('at least 60 days of notice');
  });

  it('counts the notice from the first publication of the deprecated contract', async () => {
    const { ws, store } = await workspace(daysFromNow(10));
    const { model } = await loadWorkspaceFromDisk(ws.root, {});
    // The deprecated contract was registered 40 days ago: consumers have known for 50 days by the endOfLife.
    await registerProducts(store, model, [], 'olga');
    const contract = model.products.get('sales.orders')!.outputPorts.find((p) => p.major === 1)!.contract!;
    const registered = await store.getDescriptorVersion({
      productId: 'sales.orders',
      kind: 'odcs',
      documentId: contract.id,
      version: contract.version,
    });
    const fresh = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
    cleanups.push(() => fresh.close());
    await fresh.upsertProduct({ ...(await store.getProduct('sales.orders'))! });
    await fresh.recordDescriptorVersion({
      ...registered!,
      content: canonicalJson(JSON.parse(registered!.content) as JsonValue),
      publishedAt: new Date(Date.now() - 40 * 86_400_000),
    });
    expect(await noticeFindings(ws, fresh)).toEqual([]);
  });
});

describe('port.deprecated', () => {
  it('is announced once, when the deprecated contract is first published, with the consumers and the replacement', async () => {
    const { ws, store } = await workspace(daysFromNow(90));
    const receiver = await new WebhookReceiver().start();
    const events = createWebhookDispatcher({
      store,
      subscriptions: [{ id: 'ops', url: receiver.url, events: ['port.*'], secret: RECEIVER_SECRET }],
    });
    cleanups.push(
      () => receiver.stop(),
      () => events.close(),
    );
    const { model } = await loadWorkspaceFromDisk(ws.root, {});
    const lifecycle = { model, store, events };

    // Not yet published: nothing to announce.
    expect(await announceDeprecations(lifecycle, { actor: 'olga' })).toEqual([]);
    await registerProducts(store, model, [], 'olga');
    // ana has an agreement on v1; ben queried the product last week; carl's agreement is on v2.
    for (const [principalId, major] of [
      ['ana', 1],
      ['carl', 2],
    ] as const) {
      const id = randomUUID();
      await store.createAgreement({
        id,
        principalId,
        productId: 'sales.orders',
        port: 'orders',
        major,
        purpose: 'reporting',
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() + 90 * 86_400_000),
      });
      await store.updateAgreementStatus({ id, from: 'pending', to: 'approved', by: 'olga' });
    }
    await store.recordQueryUsage([
      {
        id: randomUUID(),
        queryId: randomUUID(),
        principalId: 'ben',
        authenticatedBy: 'local',
        productId: 'sales.orders',
        ports: [{ port: 'orders', major: 1 }],
        agreementIds: [],
        rows: 10,
        bytes: 100,
        durationMs: 3,
        status: 'ok',
        startedAt: new Date(Date.now() - 7 * 86_400_000),
      },
    ]);

    const announced = await announceDeprecations(lifecycle, { actor: 'olga' });
    await events.idle();
    const expected = {
      product: 'sales.orders',
      port: 'orders',
      major: 1,
      contractVersion: '1.0.0',
      deprecatedSince: daysFromNow(0),
      endOfLife: daysFromNow(90),
      noticeDays: 90,
      replacement: { port: 'orders', major: 2 },
      consumers: ['ana', 'ben'],
    };
    expect(announced).toEqual([expected]);
    expect(receiver.events('port.deprecated')).toMatchObject([{ signed: true, data: expected }]);

    // A later publish, or another process, does not announce it again: the audit log remembers.
    expect(await announceDeprecations(lifecycle, { actor: 'olga' })).toEqual([]);
    await events.idle();
    expect(receiver.events('port.deprecated')).toHaveLength(1);
    const audit = await store.listAudit({ resource: 'urn:meshwork:port:sales.orders:orders:v1', limit: 100 });
    expect(audit.items).toMatchObject([{ action: 'port.deprecated', actor: 'olga', details: expected }]);
  });
});
