/**
 * `mesh serve` as a real child process, stopped by signals while work is in flight: SIGTERM
 * lets an HTTP query that is still streaming finish (new connections are refused meanwhile)
 * and exits 0; a wire query still running when the grace period ends is cancelled (FATAL
 * 57P01) and the process exits 0 with the store intact; a second Ctrl-C exits at once. Its
 * stdout, not a terminal, carries JSON log lines only — without the token that was used.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessWorkspace,
  type AccessWorkspace,
} from '../../server/src/agreements/test-support/access-workspace.js';
import { waitUntil } from '../../server/src/operations/test-support/wait-until.js';
import { spawnMesh, type MeshProcess } from './test-support/mesh-process.js';
import { runCli } from './test-support/run-cli.js';

const ROWS = 1000;
let workspace: AccessWorkspace;
let token: string;

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  const csv = [
    'id,name,amount,created_at',
    ...Array.from({ length: ROWS }, (_, i) => `${i + 1},n${i},1.00,2026-01-01`),
  ];
  await writeFile(join(workspace.root, 'domains/sales/orders/data/sample.csv'), `${csv.join('\n')}\n`);
  const run = await runCli(['run', 'sales/orders'], workspace.root);
  expect(run.code, run.stderr).toBe(0);
  const created = await runCli(['token', 'create', 'adam', '--json'], workspace.root);
  expect(created.code, created.stderr).toBe(0);
  token = (JSON.parse(created.stdout) as { token: string }).token;
});
afterAll(() => workspace?.dispose());
// A server left by a failed test would hold the workspace's lock for the next one.
const started: MeshProcess[] = [];
afterEach(async () => {
  for (const mesh of started.splice(0)) if (mesh.process.exitCode === null) await mesh.killHard();
});

/** Starting from the TypeScript sources compiles them first: allow for a cold cache. */
const SLOW = 120_000;

interface Served {
  readonly mesh: MeshProcess;
  readonly url: string;
  readonly wirePort: number;
}

async function serve(...flags: string[]): Promise<Served> {
  const mesh = spawnMesh(['serve', '--port', '0', '--wire-port', '0', ...flags], workspace.root);
  started.push(mesh);
  let banner = '';
  let exited = false;
  mesh.process.stderr!.on('data', (chunk: Buffer) => (banner += chunk.toString()));
  void mesh.exited.then(() => (exited = true));
  await waitUntil(() => banner.includes('Press Ctrl-C to stop.') || exited, 'the server banner', 4000);
  if (exited) throw new Error(`mesh serve exited before serving:\n${banner}`);
  return {
    mesh,
    url: /API\s+(http:\/\/[^/\s]+)/.exec(banner)![1]!,
    wirePort: Number(/port=(\d+)/.exec(banner)![1]),
  };
}

const refusesConnections = (url: string) => () =>
  fetch(`${url}/healthz`).then(
    () => false,
    () => true,
  );

describe('mesh serve stopped by a signal', () => {
  it(
    'lets an HTTP query in flight finish on SIGTERM, refusing new connections, then exits 0',
    async () => {
      const { mesh, url } = await serve('--shutdown-grace', '600');
      const response = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          sql: 'SELECT a.id, b.id AS other FROM sales.orders a, sales.orders b',
          format: 'ndjson',
        }),
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value, { stream: true });
      // The reader stops reading: the server's response is stuck in flight while it is told to stop.
      mesh.process.kill('SIGTERM');
      await waitUntil(refusesConnections(url), 'new connections to be refused');
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += decoder.decode(chunk.value, { stream: true });
      }
      expect(text.split('\n').filter((line) => line !== '')).toHaveLength(ROWS * ROWS);
      const exit = await mesh.exited;
      expect(exit.code).toBe(0);
      expect(exit.stderr).toContain('stopped');
      const lines = exit.stdout.split('\n').filter((line) => line !== '');
      const entries = lines.map((line) => JSON.parse(line) as { msg: string; reqId?: string });
      expect(entries.map((e) => e.msg)).toContain('shutting down');
      expect(entries.find((e) => e.msg === 'request completed' && e.reqId)).toBeDefined();
      const secret = token.split('_').slice(2).join('_');
      expect(exit.stdout.includes(secret) || exit.stderr.includes(secret)).toBe(false);
    },
    SLOW,
  );

  it(
    'cancels a wire query still running when the grace period ends, exits 0, and leaves the store intact',
    async () => {
      const { mesh, url, wirePort } = await serve('--shutdown-grace', '1', '--metrics', 'public');
      const client = new pg.Client({
        host: '127.0.0.1',
        port: wirePort,
        user: 'adam',
        password: token,
        database: 'mesh',
      });
      client.on('error', () => undefined);
      await client.connect();
      const endless = client
        .query('SELECT count(*) FROM sales.orders a, sales.orders b, sales.orders c, sales.orders d')
        .then(
          () => 'finished',
          (error: { code?: string }) => error.code,
        );
      await waitUntil(
        async () =>
          /meshwork_gateway_queries_in_flight\{channel="wire"\} 1/.test(await (await fetch(`${url}/metrics`)).text()),
        'the wire query to run',
      );
      mesh.process.kill('SIGTERM');
      expect(await endless).toBe('57P01');
      const exit = await mesh.exited;
      expect(exit.code).toBe(0);
      expect(exit.stderr).toContain('cancelled what still ran');
      await client.end().catch(() => undefined);
      const verify = await runCli(['audit', 'verify'], workspace.root);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    },
    SLOW,
  );

  it(
    'exits at once on a second Ctrl-C',
    async () => {
      const { mesh, url, wirePort } = await serve('--shutdown-grace', '600');
      const client = new pg.Client({
        host: '127.0.0.1',
        port: wirePort,
        user: 'adam',
        password: token,
        database: 'mesh',
      });
      client.on('error', () => undefined);
      await client.connect();
      void client
        .query('SELECT count(*) FROM sales.orders a, sales.orders b, sales.orders c, sales.orders d')
        .catch(() => undefined);
      mesh.process.kill('SIGINT');
      await waitUntil(refusesConnections(url), 'the first Ctrl-C to be handled');
      mesh.process.kill('SIGINT');
      // Ended by the signal itself (a shell reports 130), not after an orderly stop.
      expect(await mesh.exited).toMatchObject({ code: null, signal: 'SIGINT' });
    },
    SLOW,
  );
});
