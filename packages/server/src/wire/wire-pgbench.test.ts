/**
 * pgbench against the wire server in the simple, extended and prepared protocols, with the trivial
 * script of bench/pgbench/ and a point lookup shaped like bench/pgbench/point-lookup.sql (that one
 * reads the TPC-H workspace's `sales.orders`; this one reads the double's): a smoke test that every
 * transaction succeeds, not a timed test. MESHWORK_WIRE_PGBENCH_SECONDS=30 runs it longer with 10 clients and prints the figures;
 * MESHWORK_WIRE_PGBENCH_GATEWAY=constant swaps the DuckDB double for one that runs nothing, to
 * measure the protocol alone.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentAvailable } from '../../../../test-support/components.js';
import { createConstantTestGateway } from './test-support/constant-test-gateway.js';
import { TEST_ORDER_ROWS } from './test-support/duckdb-test-gateway.js';
import { startTestWireServer, type TestWireServer } from './test-support/wire-test-server.js';

const run = promisify(execFile);
const PGBENCH = ['/usr/bin/pgbench', '/usr/local/bin/pgbench'].find((path) => existsSync(path));
const hasPgbench = componentAvailable(
  'pgbench',
  PGBENCH !== undefined,
  'install postgresql-contrib or postgresql-client',
);
const benchScripts = join(import.meta.dirname, '../../../../bench/pgbench');
const seconds = Number(process.env.MESHWORK_WIRE_PGBENCH_SECONDS ?? 0);
const POINT_LOOKUP = `\\set id random(1, ${TEST_ORDER_ROWS})
SELECT id, customer_id, amount, status FROM sales.orders WHERE id = :id;
`;

let server: TestWireServer;
let scratch: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'meshwork-pgbench-'));
  scripts['trivial.sql'] = join(benchScripts, 'trivial.sql');
  scripts['point-lookup.sql'] = join(scratch, 'point-lookup.sql');
  await writeFile(scripts['point-lookup.sql'], POINT_LOOKUP);
  const constant = process.env.MESHWORK_WIRE_PGBENCH_GATEWAY === 'constant';
  if (hasPgbench) {
    server = await startTestWireServer({
      log: () => undefined,
      ...(constant ? { gateway: createConstantTestGateway() } : {}),
    });
  }
});

afterAll(async () => {
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function pgbench(script: string, mode: string): Promise<string> {
  const load = seconds > 0 ? ['-c', '10', '-j', '4', '-T', String(seconds)] : ['-c', '4', '-j', '2', '-t', '50'];
  const { stdout } = await run(
    PGBENCH!,
    [
      '-n',
      '-h',
      '127.0.0.1',
      '-p',
      String(server.port),
      '-U',
      'alice',
      '-M',
      mode,
      '-f',
      scripts[script]!,
      ...load,
      'meshwork',
    ],
    { env: { ...process.env, PGPASSWORD: 'mw_test_alice_token' }, timeout: (seconds + 60) * 1000 },
  );
  return stdout;
}

describe.runIf(hasPgbench)('pgbench', () => {
  for (const script of ['trivial.sql', 'point-lookup.sql']) {
    for (const mode of ['simple', 'extended', 'prepared']) {
      it(
        `runs ${script} with -M ${mode}`,
        async () => {
          const out = await pgbench(script, mode);
          expect(out).toMatch(/number of failed transactions: 0/);
          if (seconds > 0) console.log(`${script} -M ${mode}: ${/tps = [\d.]+/.exec(out)?.[0]}`);
        },
        (seconds + 60) * 1000,
      );
    }
  }
});
