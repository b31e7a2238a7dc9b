/**
 * The change watch over a real store shared by two "servers" (two stores on one SQLite file):
 * what the other changed is reloaded, what this one changed itself is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createChangeWatch } from './change-watch.js';

const dir = mkdtempSync(join(tmpdir(), 'meshwork-watch-'));
const opened: MetadataStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let databases = 0;
async function twoStores(): Promise<[MetadataStore, MetadataStore]> {
  const path = join(dir, `${++databases}.db`);
  const first = await createMetadataStore({ kind: 'sqlite', path });
  const second = await createMetadataStore({ kind: 'sqlite', path });
  opened.push(first, second);
  return [first, second];
}

const quiet = () => undefined;

it("reloads a topic when another server changed it, and not for this server's own changes", async () => {
  const [mine, theirs] = await twoStores();
  await theirs.bumpChangeMarker('lineage'); // before the watch: already in what this server loads
  const watch = await createChangeWatch({ store: mine, log: quiet });
  const reloads: string[] = [];
  watch.follow('lineage', async () => void reloads.push('lineage'));
  watch.follow('governance', async () => void reloads.push('governance'));

  await watch.poll();
  expect(reloads).toEqual([]);
  await watch.changed('lineage');
  await watch.changed('lineage');
  await watch.poll();
  expect(reloads).toEqual([]);

  const other = await createChangeWatch({ store: theirs, log: quiet });
  await other.changed('governance');
  await watch.poll();
  expect(reloads).toEqual(['governance']);
  await watch.poll();
  expect(reloads).toEqual(['governance']);

  // Their change between two of ours: our second bump skips a version, so the poll reloads.
  await watch.changed('lineage');
  await other.changed('lineage');
  await watch.changed('lineage');
  await watch.poll();
  expect(reloads).toEqual(['governance', 'lineage']);
});

it('tries a failed reload again at the next poll, and logs what failed', async () => {
  const [mine, theirs] = await twoStores();
  const logged: string[] = [];
  const watch = await createChangeWatch({ store: mine, log: (message) => void logged.push(message) });
  let attempts = 0;
  watch.follow('lineage', async () => {
    attempts++;
    if (attempts === 1) throw new Error('store busy');
  });
  await theirs.bumpChangeMarker('lineage');
  await watch.poll();
  await watch.poll();
  await watch.poll();
  expect(attempts).toBe(2);
  expect(logged).toEqual(['reloading shared state failed']);
});

it('makes one bump of changes made while a bump waits to start', async () => {
  const [mine] = await twoStores();
  const watch = await createChangeWatch({ store: mine, log: quiet });
  await Promise.all(Array.from({ length: 50 }, () => watch.changed('lineage')));
  expect(await mine.listChangeMarkers()).toEqual([expect.objectContaining({ topic: 'lineage', version: 1 })]);
  await Promise.all([watch.changed('lineage'), watch.changed('lineage')]);
  expect((await mine.listChangeMarkers())[0]?.version).toBe(2);
});
