/**
 * A graceful shutdown of a real server with a run in progress: a run that finishes within the
 * grace period publishes and the server waits for it; a run still busy in DuckDB when the grace
 * period ends is cancelled — recorded failed (MW8304), nothing published, the previous snapshot
 * current, no staging or lock left, the audit chain intact.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import type { RunFaultPoint } from '../../runtime/runtime-context.js';
import type { RunEvent } from '../../runtime/run-events.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import { publish, serveMesh, type ServedMesh } from '../test-support/served-mesh.js';
import { waitUntil } from '../test-support/wait-until.js';

const RETURNS = { productId: 'sales.returns', port: 'returns', major: 1 };
const NEVER_ENDING_SQL = `SELECT CAST(id AS VARCHAR) AS id, CAST(name AS VARCHAR) AS name,
  CAST(amount AS DECIMAL(12,2)) AS amount, CAST(created_at AS DATE) AS created_on
FROM raw_input, range(100000000) a(x), range(100000000) b(y)
WHERE x * y = -1`;

/** sales.orders (two rows) joined with itself twenty times: 2^20 rows. */
const CROSS_JOIN_2_POW_20 = Array.from({ length: 20 }, (_, i) => `sales.orders t${i}`).join(', ');

let mesh: ServedMesh | undefined;
afterEach(async () => {
  await mesh?.platform.close();
  await mesh?.workspace.dispose();
  mesh = undefined;
});

function events() {
  const seen: RunEvent[] = [];
  return { seen, observer: (event: RunEvent) => void seen.push(event) };
}

async function state(root: string) {
  const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(root) });
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(root) });
  try {
    const runs = (await store.listRuns({ productId: 'sales.returns' })).items;
    const staging = join(defaultWarehouseRoot(root), 'sales/returns/returns/v1/.staging');
    return {
      runs: runs.map((r) => ({ status: r.status, code: r.error?.code })),
      current: (await warehouse.current(RETURNS))?.snapshotId,
      staging: existsSync(staging) ? await readdir(staging) : [],
      locks: (await readdir(join(defaultWarehouseRoot(root), '.locks'))).filter((name) => name.endsWith('.lock')),
      audit: await store.verifyAudit(),
      lastAudit: (await store.listAudit({ limit: 1000 })).items.at(-1),
    };
  } finally {
    await store.close();
  }
}

describe('graceful shutdown', () => {
  it('waits for a run and an HTTP response that finish within the grace period', async () => {
    const { seen, observer } = events();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The run stops just before publishing until the test lets it go.
    const faultPoint = (point: RunFaultPoint) => (point === 'before-publish' ? gate : Promise.resolve());
    mesh = await serveMesh({ observer, faultPoint });
    // A large result its reader has stopped reading: the response stays in flight.
    const response = await fetch(`${mesh.platform.url}/api/v1/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mesh.tokens.adam}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sql: `SELECT t0.id FROM ${CROSS_JOIN_2_POW_20}`, format: 'ndjson' }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let bytes = (await reader.read()).value!.length;
    const run = mesh.platform.schedule.runNow('sales.returns');
    await waitUntil(
      () => seen.some((e) => e.type === 'step' && e.step.startsWith('check returns')),
      'the run to check',
    );
    let stopped = false;
    const shutdown = mesh.platform.shutdown({ graceMs: 600_000 }).then((report) => {
      stopped = true;
      return report;
    });
    await waitUntil(() => mesh!.platform.operations.readiness.phase === 'stopping', 'shutdown to begin');
    const url = mesh.platform.url;
    await waitUntil(
      () =>
        fetch(`${url}/healthz`).then(
          () => false,
          () => true,
        ),
      'new connections to be refused',
    );
    expect(stopped).toBe(false);
    release();
    await run;
    expect(stopped).toBe(false);
    // The response ends during the grace period; its keep-alive connection must not hold the close.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
    expect(bytes).toBe(2 ** 20 * '{"id":"1"}\n'.length);
    expect(await shutdown).toEqual({ cancelled: false, runsCancelled: 0 });
    await run;
    const after = await state(mesh.workspace.root);
    expect(after.runs).toEqual([{ status: 'succeeded', code: undefined }]);
    expect(after.current).toBeDefined();
    expect(after.audit.ok).toBe(true);
  });

  it('cancels a run still busy when the grace period ends, leaving the previous snapshot current', async () => {
    const { seen, observer } = events();
    mesh = await serveMesh({
      observer,
      prepare: async (workspace) => {
        await publish(workspace.root, ['sales.returns']);
        const { writeFile } = await import('node:fs/promises');
        await writeFile(join(workspace.root, 'domains/sales/returns/returns.sql'), NEVER_ENDING_SQL);
      },
    });
    const before = await state(mesh.workspace.root);
    expect(before.runs).toEqual([{ status: 'succeeded', code: undefined }]);
    const run = mesh.platform.schedule.runNow('sales.returns');
    await waitUntil(() => seen.some((e) => e.type === 'step' && e.step === 'write returns v1'), 'the run to write');
    const report = await mesh.platform.shutdown({ graceMs: 300 });
    expect(report).toEqual({ cancelled: true, runsCancelled: 1 });
    await run;
    const after = await state(mesh.workspace.root);
    expect(after.runs).toEqual([
      { status: 'failed', code: 'MW8304' },
      { status: 'succeeded', code: undefined },
    ]);
    expect(after.current).toBe(before.current);
    expect(after.staging).toEqual([]);
    expect(after.locks).toEqual([]);
    expect(after.audit).toMatchObject({ ok: true, count: before.audit.count + 1 });
    expect(after.lastAudit).toMatchObject({ action: 'run.failed', details: { error: { code: 'MW8304' } } });
    expect(seen.find((e) => e.type === 'run-finished')).toMatchObject({ status: 'failed', error: { code: 'MW8304' } });
  });
});
