/**
 * Lineage: the newest pipeline lineage of each product (an older run arriving late never
 * replaces a newer one), and OpenLineage events appended once and listed oldest first in pages.
 * Records are pinned literally, so every adapter returns the same bytes for the same inputs.
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../canonical-json.js';
import type { LineageEventInput, LineageEventRecord } from '../lineage-event-types.js';
import type { PipelineLineageInput } from '../pipeline-lineage-types.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, uuidFrom } from './metadata-fixtures.js';

function pipeline(productId: string, column: string): JsonValue {
  return {
    productId,
    inputs: [{ name: 'raw', kind: 'file', location: 'data/raw.csv' }],
    outputs: [
      {
        port: 'orders',
        major: 1,
        from: 'orders',
        columns: [{ column, sources: [{ relation: 'raw', column: 'amount', transform: 'aggregate' }] }],
        rows: [],
        unresolved: [],
      },
    ],
    unresolved: [],
  };
}

function lineage(productId: string, seed: string, overrides: Partial<PipelineLineageInput> = {}): PipelineLineageInput {
  return {
    productId,
    runId: uuidFrom(`run:${seed}`),
    lineage: pipeline(productId, `total_${seed}`),
    recordedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

function event(seed: string | number, overrides: Partial<LineageEventInput> = {}): LineageEventInput {
  return {
    id: uuidFrom(`event:${seed}`),
    eventType: 'COMPLETE',
    eventTime: '2024-05-01T11:59:00.000Z',
    producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/airflow',
    jobNamespace: 'airflow',
    jobName: 'load_orders',
    runId: uuidFrom(`ol-run:${seed}`),
    body: { eventType: 'COMPLETE', inputs: [], outputs: [{ namespace: 'postgres://db:5432', name: 'shop.orders' }] },
    receivedBy: 'etl-bot',
    receivedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

function oldestFirst(a: LineageEventRecord, b: LineageEventRecord): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function describeLineageCases(harness: MetadataStoreHarness): void {
  describe('pipeline lineage', () => {
    const stores = useStores(harness);

    it('keeps the newest lineage of each product, identically in every adapter', async () => {
      const { store } = await stores.fresh({ now: manualClock('2024-05-02T00:00:00.000Z').now });
      expect(await store.listLatestPipelineLineage()).toEqual([]);
      await store.recordPipelineLineage(
        lineage('sales.orders', 'a', { runId: uuidFrom('run:a').toUpperCase(), recordedAt: undefined }),
      );
      await store.recordPipelineLineage(
        lineage('crm.customers', 'b', { recordedAt: new Date('2024-05-01T08:00:00Z') }),
      );
      const listed = await store.listLatestPipelineLineage();
      expect(JSON.stringify(listed)).toBe(
        `[{"productId":"crm.customers","runId":"${uuidFrom('run:b')}","recordedAt":"2024-05-01T08:00:00.000Z",` +
          '"lineage":{"inputs":[{"kind":"file","location":"data/raw.csv","name":"raw"}],"outputs":[{"columns":' +
          '[{"column":"total_b","sources":[{"column":"amount","relation":"raw","transform":"aggregate"}]}],' +
          '"from":"orders","major":1,"port":"orders","rows":[],"unresolved":[]}],"productId":"crm.customers",' +
          '"unresolved":[]}},' +
          `{"productId":"sales.orders","runId":"${uuidFrom('run:a')}","recordedAt":"2024-05-02T00:00:00.000Z",` +
          '"lineage":{"inputs":[{"kind":"file","location":"data/raw.csv","name":"raw"}],"outputs":[{"columns":' +
          '[{"column":"total_a","sources":[{"column":"amount","relation":"raw","transform":"aggregate"}]}],' +
          '"from":"orders","major":1,"port":"orders","rows":[],"unresolved":[]}],"productId":"sales.orders",' +
          '"unresolved":[]}}]',
      );
    });

    it('replaces a product’s lineage only with a newer run’s: a late, older run changes nothing', async () => {
      const { store } = await stores.fresh();
      const newer = lineage('sales.orders', 'newer', { recordedAt: '2024-05-01T12:00:00.000Z' });
      await store.recordPipelineLineage(newer);
      await store.recordPipelineLineage(lineage('sales.orders', 'older', { recordedAt: '2024-05-01T11:00:00.000Z' }));
      expect((await store.listLatestPipelineLineage()).map((l) => l.runId)).toEqual([newer.runId]);
      // The same run recorded again (a retry) is a no-op.
      await store.recordPipelineLineage(newer);
      const latest = lineage('sales.orders', 'latest', { recordedAt: '2024-05-01T13:00:00.000Z' });
      await store.recordPipelineLineage(latest);
      const [kept] = await store.listLatestPipelineLineage();
      expect(kept).toEqual({
        productId: 'sales.orders',
        runId: latest.runId,
        recordedAt: '2024-05-01T13:00:00.000Z',
        lineage: pipeline('sales.orders', 'total_latest'),
      });
      // Two runs recorded in the same millisecond: the greater run id wins, in both orders.
      const [x, y] = [uuidFrom('run:x'), uuidFrom('run:y')].sort();
      const at = '2024-05-01T14:00:00.000Z';
      await store.recordPipelineLineage(lineage('sales.orders', 'y', { runId: y!, recordedAt: at }));
      await store.recordPipelineLineage(lineage('sales.orders', 'x', { runId: x!, recordedAt: at }));
      expect((await store.listLatestPipelineLineage()).map((l) => l.runId)).toEqual([y]);
    });

    it('refuses invalid lineage with MW6101 naming the field, and records nothing', async () => {
      const { store } = await stores.fresh();
      const cases: [PipelineLineageInput, RegExp][] = [
        [lineage('', 'a'), /pipelineLineage\.productId/],
        [lineage('sales.orders', 'a', { runId: 'run-1' }), /pipelineLineage\.runId must be a UUID/],
        [lineage('sales.orders', 'a', { lineage: [] }), /pipelineLineage\.lineage must be a PipelineLineage/],
        [lineage('sales.orders', 'a', { lineage: { inputs: [], outputs: {} } }), /lineage\.outputs must be an array/],
        [lineage('sales.orders', 'a', { recordedAt: 'yesterday' }), /recordedAt is not a valid timestamp/],
        [
          lineage('sales.orders', 'a', { lineage: { inputs: [], outputs: [], unresolved: [Number.NaN] } }),
          /not plain JSON/,
        ],
      ];
      for (const [input, message] of cases) {
        await expect(store.recordPipelineLineage(input)).rejects.toMatchObject({
          code: 'MW6101',
          kind: 'input',
          message: expect.stringMatching(message),
        });
      }
      expect(await store.listLatestPipelineLineage()).toEqual([]);
    });
  });

  describe('lineage events', () => {
    const stores = useStores(harness);

    it('appends an event once and returns it as listed, identically in every adapter', async () => {
      const { store } = await stores.fresh({ now: manualClock('2024-05-03T00:00:00.000Z').now });
      const input = event(1, {
        id: uuidFrom('event:1').toUpperCase(),
        eventTime: '2024-05-01T13:59:00.123456+02:00',
        body: { z: 1, a: { ü: 'ü', list: [true, null, 2.5] } },
        receivedAt: undefined,
      });
      const appended = await store.appendLineageEvent(input);
      expect(JSON.stringify(appended)).toBe(
        `{"id":"${uuidFrom('event:1')}","eventType":"COMPLETE","eventTime":"2024-05-01T11:59:00.123Z",` +
          '"producer":"https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/airflow",' +
          `"jobNamespace":"airflow","jobName":"load_orders","runId":"${uuidFrom('ol-run:1')}",` +
          '"body":{"a":{"list":[true,null,2.5],"ü":"ü"},"z":1},"receivedBy":"etl-bot",' +
          '"receivedAt":"2024-05-03T00:00:00.000Z"}',
      );
      expect(JSON.stringify(await store.listLineageEvents())).toBe(JSON.stringify({ items: [appended] }));

      // A dataset event has no job or run.
      const dataset = await store.appendLineageEvent(
        event(2, { eventType: 'DATASET', jobNamespace: null, jobName: undefined, runId: null }),
      );
      expect(dataset).toMatchObject({ eventType: 'DATASET', jobNamespace: null, jobName: null, runId: null });

      await expect(store.appendLineageEvent(event(1, { eventType: 'FAIL' }))).rejects.toMatchObject({
        code: 'MW6110',
        kind: 'conflict',
        message: expect.stringContaining(uuidFrom('event:1')),
      });
      expect((await store.listLineageEvents()).items).toEqual([dataset, appended]);
    });

    it('pages events oldest first, ties broken by id', async () => {
      const { store } = await stores.fresh();
      const base = Date.parse('2024-05-01T00:00:00.000Z');
      // Three events per millisecond, appended newest first: the list orders by time, not insertion.
      const inputs = Array.from({ length: 230 }, (_, i) =>
        event(i, { receivedAt: new Date(base + Math.floor(i / 3)) }),
      ).reverse();
      for (const input of inputs) await store.appendLineageEvent(input);
      const all = await allPages((after: string | undefined) => store.listLineageEvents({ after, limit: 50 }));
      expect(all.pages).toBe(5);
      expect(all.items).toHaveLength(230);
      expect(all.items).toEqual([...all.items].sort(oldestFirst));
      expect(new Set(all.items.map((e) => e.id)).size).toBe(230);

      const usageCursor = (await store.listLineageEvents({ limit: 1 })).next!;
      await expect(store.listLineageEvents({ after: usageCursor.slice(0, -4) })).rejects.toMatchObject({
        code: 'MW6103',
      });
      await expect(store.listLineageEvents({ limit: 0 })).rejects.toMatchObject({ code: 'MW6103' });
    });

    it('refuses invalid events with MW6101 naming the field, and records nothing', async () => {
      const { store } = await stores.fresh();
      const cases: [LineageEventInput, RegExp][] = [
        [event(1, { id: 'not-a-uuid' }), /lineageEvent\.id must be a UUID/],
        [event(1, { eventType: '' }), /lineageEvent\.eventType is required/],
        [event(1, { eventTime: 'soon' }), /lineageEvent\.eventTime is not a valid timestamp/],
        [event(1, { producer: undefined as unknown as string }), /lineageEvent\.producer is required/],
        [event(1, { body: ['an', 'array'] }), /lineageEvent\.body must be the event as a JSON object/],
        [event(1, { receivedBy: ' ' }), /lineageEvent\.receivedBy is required/],
        [event(1, { jobName: 42 as unknown as string }), /lineageEvent\.jobName/],
      ];
      for (const [input, message] of cases) {
        await expect(store.appendLineageEvent(input)).rejects.toMatchObject({
          code: 'MW6101',
          kind: 'input',
          message: expect.stringMatching(message),
        });
      }
      expect(await store.listLineageEvents()).toEqual({ items: [] });
    });
  });
}
