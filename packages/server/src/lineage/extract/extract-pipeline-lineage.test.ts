/**
 * extractPipelineLineage when things go wrong: whatever it cannot read or parse is a gap naming
 * the step or input, the other steps are still analysed, and it never throws.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataProduct } from '@meshwork/core';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import { extractPipelineLineage } from '../extract-pipeline-lineage.js';
import { compact } from './test-support/lineage-test-support.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

/**
 * sales.orders with a second step `big` reading the first, both bound on a fresh connection the
 * way a run binds them (the input as a view over its CSV file).
 */
async function boundOrders(bind: { input?: boolean } = {}): Promise<{
  ws: TempWorkspace;
  product: DataProduct;
  connection: DuckDBConnection;
}> {
  const ws = await createTempWorkspace([['sales', 'orders']]);
  cleanup.push(() => ws.dispose());
  await ws.edit('domains/sales/orders/pipeline.yaml', (yaml) =>
    yaml.replace(
      '    sql: orders.sql\n',
      '    sql: orders.sql\n  - name: big\n    query: SELECT id, amount * 2 AS doubled FROM orders WHERE amount > 10\n',
    ),
  );
  const { model } = await loadWorkspaceFromDisk(ws.root, {});
  const product = model.products.get('sales.orders')!;
  const instance = await DuckDBInstance.create(':memory:');
  cleanup.push(() => instance.closeSync());
  const connection = await instance.connect();
  const dir = join(ws.root, product.directory);
  await connection.run(`CREATE TEMP VIEW raw_input AS SELECT * FROM read_csv('${join(dir, 'data/sample.csv')}')`);
  await connection.run(`CREATE TEMP VIEW orders AS ${await ws.read('domains/sales/orders/orders.sql')}`);
  await connection.run('CREATE TEMP VIEW big AS SELECT id, amount * 2 AS doubled FROM orders WHERE amount > 10');
  if (bind.input === false) await connection.run('DROP VIEW raw_input');
  return { ws, product, connection };
}

describe('extractPipelineLineage', () => {
  it('analyses every step of a bound pipeline', async () => {
    const { ws, product, connection } = await boundOrders();
    const lineage = await extractPipelineLineage({ connection, product, root: ws.root });
    expect(lineage.unresolved).toEqual([]);
    expect(lineage.outputs[0]!.columns.map((c) => c.column)).toEqual(['id', 'name', 'amount', 'created_on']);
  });

  it('a step SQL file that cannot be read is a gap of that step; its columns are unresolved with the reason', async () => {
    const { ws, product, connection } = await boundOrders();
    await rm(join(ws.root, product.directory, 'orders.sql'));
    const lineage = await extractPipelineLineage({ connection, product, root: ws.root });
    expect(lineage.unresolved).toEqual([
      { reason: expect.stringMatching(/^step "orders": cannot read orders\.sql: /) },
    ]);
    const port = lineage.outputs[0]!;
    expect(port.columns.map((c) => [c.column, c.sources.length])).toEqual([
      ['id', 0],
      ['name', 0],
      ['amount', 0],
      ['created_on', 0],
    ]);
    expect(port.columns[0]!.unresolved).toMatch(/^step "orders": cannot read orders\.sql/);
  });

  it('SQL that DuckDB cannot parse is a gap with DuckDB’s message', async () => {
    const { ws, product, connection } = await boundOrders();
    await ws.write(`${product.directory}/orders.sql`, 'SELEC id FROM raw_input');
    const lineage = await extractPipelineLineage({ connection, product, root: ws.root });
    expect(lineage.unresolved).toEqual([
      { reason: 'step "orders": DuckDB cannot parse it: syntax error at or near "SELEC"' },
    ]);
    expect(lineage.outputs[0]!.columns[0]).toEqual({
      column: 'id',
      sources: [],
      unresolved: 'step "orders": DuckDB cannot parse it: syntax error at or near "SELEC"',
    });
  });

  it('an input that is not bound is a gap; the steps reading it have unresolved columns', async () => {
    const { ws, product, connection } = await boundOrders({ input: false });
    const lineage = await extractPipelineLineage({ connection, product, root: ws.root });
    expect(lineage.unresolved).toEqual([{ reason: 'input "raw_input": its columns are unknown (it is not bound)' }]);
    const port = lineage.outputs[0]!;
    expect(port.columns.every((c) => c.sources.length === 0 && c.unresolved !== undefined)).toBe(true);
    expect(port.unresolved).toContainEqual({
      reason: 'step "orders": "raw_input" is not an input or an earlier step of the pipeline',
    });
  });

  it('composes a second step through the first', async () => {
    const { ws, product, connection } = await boundOrders();
    const lineage = await extractPipelineLineage({
      connection,
      product: {
        ...product,
        pipeline: {
          ...product.pipeline!,
          definition: { ...product.pipeline!.definition, outputs: [{ port: 'orders', from: 'big' }] },
        },
      },
      root: ws.root,
    });
    const port = lineage.outputs[0]!;
    expect(port.from).toBe('big');
    expect(port.columns.map((c) => [c.column, compact(c.sources)])).toEqual([
      ['id', ['raw_input.id:expression']],
      ['doubled', ['raw_input.amount:expression']],
    ]);
    expect(compact(port.rows)).toEqual(['raw_input.amount:filter', 'raw_input.id:filter']);
  });

  it('never throws, even on a connection that is closed', async () => {
    const { ws, product, connection } = await boundOrders();
    connection.closeSync();
    const lineage = await extractPipelineLineage({ connection, product, root: ws.root });
    expect(lineage.outputs).toEqual([]);
    expect(lineage.unresolved).toEqual([{ reason: expect.stringMatching(/^lineage extraction failed: /) }]);
  });
});
