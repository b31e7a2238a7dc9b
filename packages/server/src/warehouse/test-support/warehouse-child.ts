/**
 * A second process for the multi-process tests, running the real warehouse sources (started with
 * `node --import ./register-typescript.mjs warehouse-child.ts '<json>'`, see child-process.ts).
 *
 * - `lock`: tries the product lock and prints `ACQUIRED` or `CONFLICT <code>`; a winner holds the
 *   lock until its stdin closes, then releases it.
 * - `publish`: takes the lock, stages, writes Parquet with DuckDB and publishes, printing `READY`
 *   and then hanging at `hangAt` — waiting to be killed with SIGKILL.
 */
import { join } from 'node:path';
import { isMeshworkError } from '@meshwork/core';
import { createLocalWarehouse } from '../local/create-local-warehouse.js';
import type { PublishStep, TableRef } from '../warehouse-types.js';
import { openParquetTool } from './parquet-tool.js';
import { describeRows } from './warehouse-harness.js';

export interface ChildOrder {
  readonly mode: 'lock' | 'publish';
  readonly root: string;
  readonly table: TableRef;
  readonly runId: string;
  readonly marker?: number;
  readonly hangAt?: PublishStep | 'staged';
}

const order = JSON.parse(process.argv[2] ?? '{}') as ChildOrder;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Never returns; the timer keeps the process alive until the test kills it. */
function hang(): Promise<never> {
  say('READY');
  setInterval(() => undefined, 60_000);
  return new Promise<never>(() => undefined);
}

async function main(): Promise<void> {
  const warehouse = createLocalWarehouse({
    root: order.root,
    faults: {
      afterStep: async (step) => {
        if (step === order.hangAt) await hang();
      },
    },
  });
  let lock;
  try {
    lock = await warehouse.acquireProductLock(order.table.productId, { runId: order.runId });
  } catch (error) {
    say(`CONFLICT ${isMeshworkError(error) ? error.code : String(error)}`);
    return;
  }
  if (order.mode === 'lock') {
    say('ACQUIRED');
    process.stdin.resume();
    await new Promise((resolve) => process.stdin.once('end', resolve));
    await lock.release();
    return;
  }
  const staged = await warehouse.stage({ ...order.table, runId: order.runId });
  const parquet = await openParquetTool();
  await parquet.write(join(staged.dataDir, 'part-00000.parquet'), order.marker ?? 0);
  parquet.close();
  if (order.hangAt === 'staged') await hang();
  await warehouse.publish(staged, describeRows(10));
  say('PUBLISHED');
  await lock.release();
}

await main();
