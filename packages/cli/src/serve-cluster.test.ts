/**
 * Two real `mesh serve` processes on one PostgreSQL metadata store and one workspace (so one
 * warehouse): both start (no MW9003 with PostgreSQL), a product scheduled every three seconds
 * runs once per slot — claimed by one server, logged as taken by the other — and both servers
 * answer for the same mesh: tokens, access decided on either, and the newest snapshot.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, type MetadataStore, type RunRecord } from '@meshwork/server';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import {
  createAccessWorkspace,
  type AccessWorkspace,
} from '../../server/src/agreements/test-support/access-workspace.js';
import { spawnMesh, type MeshProcess } from './test-support/mesh-process.js';
import { runCli } from './test-support/run-cli.js';

const pgUrl = postgresServerUrl();
const PIPELINE = 'domains/sales/orders/pipeline.yaml';
const JOB = 'schedule:sales.orders';

interface Server {
  readonly mesh: MeshProcess;
  readonly url: string;
  /** The JSON log lines it printed so far. */
  logs(): { msg?: string; slot?: string; productId?: string }[];
}

let database: TestDatabase;
let workspace: AccessWorkspace;
let env: Record<string, string>;
let store: MetadataStore;
let servers: Server[] = [];
/** When both servers listened: slots after it were seen by both. */
let bothUp: number;

async function startServer(): Promise<Server> {
  const mesh = spawnMesh(['serve', '--port', '0', '--log'], workspace.root, env);
  let stdout = '';
  let stderr = '';
  mesh.process.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // With --log, the JSON log is on stdout and the human lines on stderr.
  mesh.process.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await eventually(
    'mesh serve to print its URL',
    async () => {
      const exit = await Promise.race([mesh.exited, Promise.resolve(undefined)]);
      if (exit) throw new Error(`mesh serve exited (${exit.code ?? exit.signal}):\n${exit.stdout}\n${exit.stderr}`);
      return /API\s+(http:\/\/[^/\s]+)/.exec(stdout + stderr)?.[1];
    },
    30_000,
  );
  return {
    mesh,
    url,
    // Whole lines only: the last one may still be arriving.
    logs: () =>
      stdout
        .split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; slot?: string }),
  };
}

beforeAll(async () => {
  if (!pgUrl) return;
  database = await createTestDatabase(pgUrl);
  // As servers on several machines must share it (one machine would share .meshwork/masking.key).
  env = { MESHWORK_DATABASE_URL: database.url, MESHWORK_MASKING_KEY: randomBytes(32).toString('hex') };
  workspace = await createAccessWorkspace();
  const pipeline = join(workspace.root, PIPELINE);
  // Every three seconds (croner's seconds field), and each build's rows carry when it ran.
  await writeFile(pipeline, (await readFile(pipeline, 'utf8')).replace(/schedule: .*/, 'schedule: "*/3 * * * * *"'));
  const sql = join(workspace.root, 'domains/sales/orders/orders.sql');
  await writeFile(
    sql,
    (await readFile(sql, 'utf8')).replace(
      'CAST(name AS VARCHAR)         AS name',
      "CAST(name || ' @' || CAST(epoch_us(now()) AS VARCHAR) AS VARCHAR) AS name",
    ),
  );
  servers = await Promise.all([startServer(), startServer()]);
  bothUp = Date.now();
  store = await createMetadataStore({ kind: 'postgres', url: database.url });
});

afterAll(async () => {
  for (const server of servers) server.mesh.process.kill('SIGINT');
  await Promise.all(servers.map((server) => server.mesh.exited));
  await store?.close();
  await workspace?.dispose();
  await database?.drop();
});

async function call(server: Server, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function query(server: Server, token: string, sql: string) {
  const { status, body } = await call(server, token, 'POST', '/api/v1/query', { sql, format: 'json' });
  return { status, rows: (body.rows ?? []) as unknown[][], error: body.error as { code: string } | undefined };
}

async function token(principal: string): Promise<{ token: string; id: string }> {
  const created = await runCli(['token', 'create', principal, '--json'], workspace.root, env);
  expect(created.code, created.stderr).toBe(0);
  return JSON.parse(created.stdout) as { token: string; id: string };
}

/** Polls `probe` until it returns a value, or fails after `ms`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 40_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!pgUrl)('several `mesh serve` processes on one PostgreSQL store', () => {
  it('accept the same tokens, and a revocation stops them on every server', async () => {
    const mia = await token('mia');
    for (const server of servers) {
      expect((await call(server, mia.token, 'GET', '/api/v1/me')).body).toMatchObject({ id: 'mia' });
    }
    const revoked = await runCli(['token', 'revoke', mia.id], workspace.root, env);
    expect(revoked.code, revoked.stderr).toBe(0);
    for (const server of servers) {
      expect(await call(server, mia.token, 'GET', '/api/v1/me')).toMatchObject({
        status: 401,
        body: { error: { code: 'MW5205' } },
      });
    }
  });

  it('grant access on every server once one of them approved it', async () => {
    const [a, b] = servers as [Server, Server];
    const mia = (await token('mia')).token;
    const olga = (await token('olga')).token;
    // Published by a scheduled run by now or soon; mia may not read it without an agreement.
    const refused = await eventually('a published sales.orders', async () => {
      const result = await query(b, mia, 'SELECT count(*) FROM sales.orders');
      return result.error?.code === 'MW5005' ? undefined : result;
    });
    expect(refused).toMatchObject({ status: 403, error: { code: 'MW5016' } });
    const endsAt = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const request = await call(a, mia, 'POST', '/api/v1/access-requests', {
      product: 'sales.orders',
      purpose: 'Churn analysis',
      endsAt,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const approved = await call(a, olga, 'POST', `/api/v1/access-requests/${String(request.body.id)}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'approved', active: true });
    // Agreements are looked up per query: B grants at once.
    expect(await query(b, mia, 'SELECT count(*) FROM sales.orders')).toMatchObject({ status: 200, rows: [['2']] });
  });

  it('run each scheduled slot once, on the server that claimed it, and serve its snapshot from both', async () => {
    const adam = (await token('adam')).token;
    // Three slots seen by both servers, each with its run noted on its claim.
    const claims = await eventually('three claimed slots with their runs', async () => {
      const page = await store.listScheduleClaims({ job: JOB, limit: 100 });
      const seenByBoth = page.items.filter((c) => Date.parse(c.slot) > bothUp + 1000 && c.runId !== null);
      return seenByBoth.length >= 3 ? page.items : undefined;
    });
    // Every finished scheduled run is the run of exactly one claimed slot.
    const runs = (await store.listRuns({ productId: 'sales.orders', limit: 1000 })).items.filter(
      (r) => r.trigger === 'schedule' && r.status !== 'running',
    );
    const noted = await eventually('every finished run noted on its claim', async () => {
      const now = (await store.listScheduleClaims({ job: JOB, limit: 1000 })).items;
      const ids = new Set(now.flatMap((c) => (c.runId ? [c.runId] : [])));
      return runs.every((run: RunRecord) => ids.has(run.id)) ? now : undefined;
    });
    const runIds = noted.flatMap((c) => (c.runId ? [c.runId] : []));
    expect(new Set(runIds).size).toBe(runIds.length);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((run) => run.status === 'succeeded')).toBe(true);

    // For each slot both servers saw: one claimed and ran it, the other logged it as taken.
    for (const claim of claims.filter((c) => Date.parse(c.slot) > bothUp + 1000 && c.runId !== null)) {
      const said = servers.map(
        (server) =>
          server
            .logs()
            .filter((line) => line.slot === claim.slot)
            .map((line) => line.msg)
            .sort() as string[],
      );
      expect(said.flat().sort(), claim.slot).toEqual([
        'scheduled run claimed',
        'scheduled run taken by another server',
      ]);
    }

    // Both servers read the same newest snapshot (read twice on A around B, to step over a publish).
    const [a, b] = servers as [Server, Server];
    const newest = 'SELECT max(name) FROM sales.orders';
    const agreed = await eventually('both servers on one snapshot', async () => {
      const before = await query(a, adam, newest);
      const other = await query(b, adam, newest);
      const after = await query(a, adam, newest);
      const value = JSON.stringify(before.rows);
      return value === JSON.stringify(other.rows) && value === JSON.stringify(after.rows) ? other.rows : undefined;
    });
    expect(String(agreed[0]![0])).toMatch(/^Beta @\d+$/);
  });
});
