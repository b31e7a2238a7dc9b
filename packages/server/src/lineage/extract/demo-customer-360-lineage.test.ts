/**
 * The extractor on a real product: the demo's customers.customer-360 (four SQL steps over three
 * upstream products). Its inputs are bound as empty views typed like the upstream contracts, its
 * steps as a run binds them; then extractPipelineLineage reads it all back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProduct, MeshModel, PipelineLineage, PortLineage } from '@meshwork/core';
import { quoteIdentifier } from '../../runtime/sql-text.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import { extractPipelineLineage } from '../extract-pipeline-lineage.js';
import { compact } from './test-support/lineage-test-support.js';

const DEMO = join(import.meta.dirname, '../../../../../examples/demo-mesh');

let instance: DuckDBInstance;
let model: MeshModel;
let lineage: PipelineLineage;
let output: PortLineage;

beforeAll(async () => {
  ({ model } = await loadWorkspaceFromDisk(DEMO, {}));
  const product = model.products.get('customers.customer-360')!;
  instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await bindLikeARun(connection, model, product);
  lineage = await extractPipelineLineage({ connection, product, root: DEMO });
  output = lineage.outputs[0]!;
});

afterAll(() => instance?.closeSync());

/** Inputs as empty views with the upstream contracts' columns and types; steps as views. */
async function bindLikeARun(connection: DuckDBConnection, model: MeshModel, product: DataProduct): Promise<void> {
  const pipeline = product.pipeline!.definition;
  for (const input of pipeline.inputs ?? []) {
    if (input.kind !== 'product') throw new Error('the demo product reads products only');
    const upstream = model.products.get(input.product)!;
    const port = upstream.outputPorts.find((p) => p.name === input.port && p.major === input.majorVersion)!;
    const columns = port.contract!.tables[0]!.columns.map(
      (c) => `CAST(NULL AS ${c.physicalType ?? 'VARCHAR'}) AS ${quoteIdentifier(c.name)}`,
    );
    await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(input.name)} AS SELECT ${columns.join(', ')} WHERE false`);
  }
  for (const step of pipeline.steps) {
    const sql = await readFile(join(DEMO, product.directory, step.sql!), 'utf8');
    await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(step.name)} AS\n${sql}\n`);
  }
}

const column = (name: string) => output.columns.find((c) => c.column === name);

describe('lineage of customers.customer-360', () => {
  it('names the three upstream product ports as inputs and the one output', () => {
    expect(lineage.productId).toBe('customers.customer-360');
    expect(lineage.inputs).toEqual([
      { name: 'customers', kind: 'product', product: 'customers.customer-profile', port: 'customer_profile', major: 1 },
      { name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', major: 2 },
      { name: 'tickets', kind: 'product', product: 'support.tickets', port: 'tickets', major: 1 },
    ]);
    expect(lineage.outputs.map((o) => [o.port, o.major, o.from])).toEqual([['customer_360', 1, 'customer_360']]);
    expect(lineage.unresolved).toEqual([]);
    expect(output.unresolved).toEqual([]);
  });

  it('resolves every output column of the contract, in order', () => {
    const contract = model.products.get('customers.customer-360')!.outputPorts[0]!.contract!;
    expect(output.columns.map((c) => c.column)).toEqual(contract.tables[0]!.columns.map((c) => c.name));
  });

  it('traces values through the steps to the inputs, with the composed transform', () => {
    expect(compact(column('lifetime_value')!.sources)).toEqual(['orders.gross_amount:aggregate']);
    expect(compact(column('email')!.sources)).toEqual(['customers.email:direct']);
    expect(compact(column('full_name')!.sources)).toEqual([
      'customers.first_name:expression',
      'customers.last_name:expression',
    ]);
    // count(*) reads no column's values: only which rows there are.
    expect(compact(column('order_count')!.sources)).toEqual([]);
    // max(ordered_at) in two steps, then date arithmetic: still an aggregate of ordered_at.
    expect(compact(column('days_since_last_order')!.sources)).toEqual(['orders.ordered_at:aggregate']);
    expect(compact(column('open_ticket_count')!.sources)).toEqual(['tickets.status:filter']);
    expect(compact(column('tickets_last_90d')!.sources)).toEqual([
      'orders.ordered_at:filter',
      'tickets.opened_at:filter',
    ]);
  });

  it('carries the steps’ row dependencies: the order filter, the grouping and the join keys', () => {
    const rows = compact(output.rows);
    expect(rows).toContain('orders.status:filter');
    expect(rows).toContain('orders.customer_id:join');
    expect(rows).toContain('customers.customer_id:join');
    expect(rows).toContain('tickets.customer_id:join');
    expect(rows).toContain('orders.customer_id:group');
    expect(rows).toContain('tickets.customer_id:filter');
    expect(rows).toEqual([
      'customers.customer_id:join',
      'orders.customer_id:join',
      'orders.customer_id:group',
      'orders.status:filter',
      'tickets.customer_id:filter',
      'tickets.customer_id:join',
      'tickets.customer_id:group',
    ]);
  });
});
