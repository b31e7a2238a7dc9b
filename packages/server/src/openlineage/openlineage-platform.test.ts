/**
 * `mesh serve` (startPlatform) with mesh.yaml `openlineage`: a scheduled run is told to a real
 * local receiver (with its nominal time), and settings that do not validate stop the start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform } from '../platform/start-platform.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { startLineageReceiver } from './test-support/lineage-receiver.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workspace(openlineage: string): Promise<TempWorkspace> {
  const ws = await createTempWorkspace([['sales', 'orders']]);
  cleanups.push(() => ws.dispose());
  await ws.edit('mesh.yaml', (yaml) => `${yaml}\nopenlineage:\n${openlineage}`);
  return ws;
}

describe('the platform with mesh.yaml openlineage', () => {
  it('tells the receiver about scheduled runs, with their slot as nominal time', async () => {
    const ol = await startLineageReceiver();
    cleanups.push(() => ol.close());
    const ws = await workspace(`  url: ${ol.url}\n  endpoint: /lineage/events\n`);
    const platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
    try {
      await platform.schedule.runNow('sales.orders');
    } finally {
      // Closing flushes what is queued before the store closes.
      await platform.close();
    }
    expect(ol.requests.map((r) => [r.path, r.body.eventType])).toEqual([
      ['/lineage/events', 'START'],
      ['/lineage/events', 'COMPLETE'],
    ]);
    const start = ol.requests[0]!.body as { job: { namespace: string }; run: { facets: Record<string, unknown> } };
    expect(start.job.namespace).toBe('test-mesh');
    expect(start.run.facets.nominalTime).toMatchObject({ nominalStartTime: expect.stringMatching(/:00\.000Z$/) });
    expect(ol.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('does not start with a URL that carries credentials (MW8850), and does not echo them', async () => {
    const ws = await workspace('  url: https://bob:hunter2@lineage.example.com\n');
    const error = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'MW8850',
      message: expect.stringContaining('url must not contain a user or password'),
    });
    expect((error as Error).message).not.toContain('hunter2');
  });
});
