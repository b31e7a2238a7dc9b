/**
 * The intake's seam to the lineage graph: each accepted event is stored (real SQLite store) and
 * reduced to the AcceptedLineageEvent the graph merges; a graph that fails to merge never loses
 * the stored event. Authorization is decided by the workspace's real Cedar policies.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { createAccessWorkspace, type AccessWorkspace } from '../agreements/test-support/access-workspace.js';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import type { AcceptedLineageEvent } from '../lineage/lineage-event-sink.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createLineageIntake } from './lineage-intake.js';

let workspace: AccessWorkspace;
let model: MeshModel;
let store: MetadataStore;

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  model = (await loadWorkspaceFromDisk(workspace.root, {})).model;
  store = await createMetadataStore({ kind: 'sqlite', path: join(workspace.root, '.meshwork', 'intake.db') });
});

afterAll(async () => {
  await store?.close();
  await workspace?.dispose();
});

const principal = (id: string) => resolvePrincipal(model, id)!;

const schemaFacet = {
  _producer: 'https://example.com/dbt',
  _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
  fields: [{ name: 'id', type: 'INT' }],
};

const event = {
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T02:00:00.500+02:00',
  producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.30.0/integration/dbt',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b' },
  job: { namespace: 'dbt', name: 'shop.orders_model' },
  inputs: [{ namespace: 'postgres://shop:5432', name: 'shop.public.orders', inputFacets: {} }],
  outputs: [{ namespace: 'meshwork://access-test', name: 'sales.orders.orders_v1', facets: { schema: schemaFacet } }],
};

describe('lineage intake', () => {
  it('stores the event and hands the graph what it merges', async () => {
    const merged: AcceptedLineageEvent[] = [];
    const intake = createLineageIntake({
      store,
      authorizer: loadAccessPolicies(workspace.root, model).authorizer,
      sink: { mergeEvent: (accepted) => merged.push(accepted) },
    });
    const { id } = await intake.accept(principal('adam'), event);
    expect(merged).toEqual([
      {
        id,
        eventType: 'COMPLETE',
        // The same instant, as the store keeps times (UTC); the body keeps the sender's text.
        eventTime: '2026-03-01T00:00:00.500Z',
        job: { namespace: 'dbt', name: 'shop.orders_model' },
        runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
        inputs: [{ namespace: 'postgres://shop:5432', name: 'shop.public.orders' }],
        outputs: [
          { namespace: 'meshwork://access-test', name: 'sales.orders.orders_v1', facets: { schema: schemaFacet } },
        ],
      },
    ]);
    const records = (await store.listLineageEvents({ limit: 100 })).items;
    expect(records.find((r) => r.id === id)).toMatchObject({ body: event, receivedBy: 'adam' });
  });

  it('merges a DatasetEvent as its one dataset, the same way the graph is rebuilt at start', async () => {
    const merged: AcceptedLineageEvent[] = [];
    const intake = createLineageIntake({
      store,
      authorizer: loadAccessPolicies(workspace.root, model).authorizer,
      sink: { mergeEvent: (accepted) => merged.push(accepted) },
    });
    await intake.accept(principal('adam'), {
      eventTime: '2026-03-01T02:00:00Z',
      producer: 'https://example.com/catalog',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: { namespace: 'postgres://shop:5432', name: 'shop.public.customers', facets: { schema: schemaFacet } },
    });
    expect(merged).toMatchObject([
      {
        eventType: 'DATASET',
        inputs: [],
        outputs: [
          { namespace: 'postgres://shop:5432', name: 'shop.public.customers', facets: { schema: schemaFacet } },
        ],
      },
    ]);
  });

  it('a graph that fails to merge is logged; the event stays stored and accepted', async () => {
    const lines: string[] = [];
    const intake = createLineageIntake({
      store,
      authorizer: loadAccessPolicies(workspace.root, model).authorizer,
      sink: {
        mergeEvent: () => {
          throw new Error('graph bug');
        },
      },
      log: (message, fields) => lines.push(`${message} ${fields.error}`),
    });
    const { id } = await intake.accept(principal('churn-bot'), event);
    expect((await store.listLineageEvents({ limit: 100 })).items.map((r) => r.id)).toContain(id);
    expect(lines).toEqual(['lineage event stored but not merged into the graph Error: graph bug']);
  });

  it('a dataset event merges as one dataset with nothing feeding it', async () => {
    const merged: AcceptedLineageEvent[] = [];
    const intake = createLineageIntake({
      store,
      authorizer: loadAccessPolicies(workspace.root, model).authorizer,
      sink: { mergeEvent: (accepted) => merged.push(accepted) },
    });
    const { run: _run, job: _job, inputs: _inputs, outputs: _outputs, eventType: _type, ...base } = event;
    await intake.accept(principal('adam'), { ...base, dataset: { namespace: 'file', name: '/exports/orders.csv' } });
    expect(merged[0]).toMatchObject({
      eventType: 'DATASET',
      inputs: [],
      outputs: [{ namespace: 'file', name: '/exports/orders.csv' }],
    });
    expect(merged[0]).not.toHaveProperty('job');
  });
});
