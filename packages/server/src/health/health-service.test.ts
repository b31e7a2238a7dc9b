import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataProduct, MeshModel } from '@meshwork/core';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { product as record, runInput, uuidFrom } from '../metadata/test-support/metadata-fixtures.js';
import { createHealthService } from './health-service.js';
import { product } from './test-support/health-fixtures.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const sla = { description: { usage: 'Terms' }, slaProperties: [{ property: 'frequency', value: 1, unit: 'd' }] };

let store: MetadataStore;
beforeEach(async () => {
  store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
});
afterEach(() => store.close());

function model(products: DataProduct[]): MeshModel {
  return {
    name: 'm',
    config: {} as MeshModel['config'],
    teams: new Map(),
    users: new Map(),
    serviceAccounts: new Map(),
    domains: new Map(),
    products: new Map(products.map((p) => [p.id, p])),
    glossary: {} as MeshModel['glossary'],
  };
}

async function build(productId: string, at: string, statuses: string[]) {
  const id = uuidFrom(`${productId}:${at}`);
  await store.createRun(runInput(productId, { id, startedAt: at }));
  await store.finishRun(id, {
    status: 'succeeded',
    finishedAt: at,
    rowsIn: 1,
    rowsOut: 1,
    steps: [],
    checks: statuses.map((status, i) => ({ id: `quality:${i}`, status, blocking: true })),
    outputs: [{ port: 't', major: 1, snapshotId: 's', rowCount: 1 }],
  });
}

describe('health service', () => {
  it('scores every product in one batch, caches it and refreshes on demand', async () => {
    const good = product({ id: 'a.good', contract: sla });
    const poor = product({ id: 'b.poor', contract: sla, descriptor: {}, columnDescriptions: [false] });
    for (const id of [good.id, poor.id]) await store.upsertProduct(record(id));
    await build(good.id, '2026-02-28T00:00:00Z', ['passed', 'passed']);
    await build(poor.id, '2026-02-28T00:00:00Z', ['passed', 'failed']);
    await store.recordProductStatus({ productId: good.id, status: 'fresh', reason: 'r', at: '2026-01-01T00:00:00Z' });
    await store.recordProductStatus({ productId: poor.id, status: 'fresh', reason: 'r', at: '2026-01-01T00:00:00Z' });
    await store.recordProductStatus({ productId: poor.id, status: 'stale', reason: 'r', at: '2026-02-14T12:00:00Z' });
    const health = createHealthService({ model: model([good, poor]), store, now: () => NOW });
    expect(health.scores().size).toBe(0);

    const card = await health.scorecard(good.id);
    expect(card?.components.map((c) => [c.name, c.value])).toEqual([
      ['documentation', 1],
      ['slo', 1],
      ['quality', 1],
      ['compliance', null],
      ['usage', 0],
    ]);
    const poorCard = (await health.scorecard(poor.id))!;
    expect(poorCard.components.find((c) => c.name === 'slo')!.value).toBeCloseTo(0.5, 2);
    expect(poorCard.components.find((c) => c.name === 'quality')!.value).toBe(0.5);
    expect(health.scores().get(good.id)).toBeGreaterThan(health.scores().get(poor.id)!);
    expect((await health.scorecards()).map((c) => c.productId)).toEqual([good.id, poor.id]);
    expect(health.quality(good.id)).toBeCloseTo(card!.score / 100);
    expect(await health.scorecard('x.unknown')).toBeUndefined();

    // A new failing run changes nothing until the next refresh.
    await build(good.id, '2026-03-01T00:00:00Z', ['failed', 'failed']);
    expect((await health.scorecard(good.id))!.score).toBe(card!.score);
    await health.refresh();
    expect((await health.scorecard(good.id))!.score).toBeLessThan(card!.score);
    health.close();
  });

  it('counts approved agreements in force and governance outcomes', async () => {
    const p = product({ id: 'a.used', contract: sla });
    await store.upsertProduct(record(p.id));
    const agreement = await store.createAgreement({
      id: uuidFrom('agreement'),
      productId: p.id,
      port: 't',
      major: 1,
      principalId: 'ana',
      purpose: 'x',
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2027-01-01T00:00:00Z',
    });
    await store.updateAgreementStatus({ id: agreement.id, from: 'pending', to: 'approved', by: 'owner' });
    const report = {
      findings: [],
      outcomes: [{ policyId: 'owner', productId: p.id, domain: 'a', outcome: 'fail' as const }],
      counts: [],
      productCount: 1,
      policyCount: 1,
    };
    const health = createHealthService({
      model: model([p]),
      store,
      now: () => NOW,
      governance: () => ({ report, policies: [{ id: 'owner', severity: 'blocking' } as never] }),
    });
    const card = (await health.scorecard(p.id))!;
    expect(card.components.find((c) => c.name === 'usage')!.evidence.activeAgreements).toBe(1);
    expect(card.components.find((c) => c.name === 'compliance')).toMatchObject({
      value: 0,
      evidence: { blockingFailed: ['owner'] },
    });
  });
});
