/**
 * OpenLineage events from `mesh run` as a real child process (sources): the events of the run
 * reach a real local receiver before the process ends; a receiver that is down neither fails the
 * run nor keeps the process from exiting (the wait at exit is bounded); settings that do not
 * validate do not stop a build.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLineageReceiver,
  unusedUrl,
  type LineageReceiver,
} from '../../server/src/openlineage/test-support/lineage-receiver.js';
import { spawnMesh } from './test-support/mesh-process.js';
import { createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const KEY = 'cli-openlineage-key-never-printed';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workspace(openlineage: string): Promise<RuntimeWorkspace> {
  const ws = await createRuntimeWorkspace([['sales', 'orders']]);
  cleanups.push(() => ws.dispose());
  await ws.edit('mesh.yaml', (yaml) => `${yaml}\nopenlineage:\n${openlineage}`);
  return ws;
}

async function receiver(): Promise<LineageReceiver> {
  const started = await startLineageReceiver();
  cleanups.push(() => started.close());
  return started;
}

describe('mesh run with mesh.yaml openlineage', () => {
  it('sends START and COMPLETE before the process ends', async () => {
    const ol = await receiver();
    const ws = await workspace(`  url: ${ol.url}\n  apiKey: \${OL_KEY}\n  namespace: acme\n`);
    const exit = await spawnMesh(['run', 'sales/orders', '--json'], ws.root, { OL_KEY: KEY }).exited;
    expect(exit.code, exit.stderr).toBe(0);
    expect(ol.requests.map((r) => [r.body.eventType, (r.body.job as { name: string }).name])).toEqual([
      ['START', 'sales.orders'],
      ['COMPLETE', 'sales.orders'],
    ]);
    expect(ol.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a receiver that is down fails nothing, and the process still exits, saying what was not sent', async () => {
    const url = await unusedUrl();
    const ws = await workspace(`  url: ${url}\n  apiKey: \${OL_KEY}\n`);
    const exit = await spawnMesh(['run', 'sales/orders', '--json'], ws.root, { OL_KEY: KEY }).exited;
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.stderr).toMatch(/OpenLineage event(s abandoned at shutdown| not delivered)/);
    expect(exit.stderr).not.toContain(KEY);
    expect(exit.stderr).not.toContain(url);
  });

  it('settings that do not validate do not stop the build', async () => {
    const ws = await workspace('  url: http://127.0.0.1:9/\n  apiKey: ${OL_KEY:-}\n');
    const exit = await spawnMesh(['run', 'sales/orders', '--json'], ws.root).exited;
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.stderr).toContain('OpenLineage events not sent: MW8850 mesh.yaml openlineage: apiKey is empty');
  });
});
