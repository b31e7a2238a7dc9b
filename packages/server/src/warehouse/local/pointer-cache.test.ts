import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CurrentPointer } from '../snapshot-manifest.js';
import { ORDERS, publishRun, useParquet } from '../test-support/warehouse-harness.js';
import { createLocalWarehouse } from './create-local-warehouse.js';
import { isSharedFileSystemType, onSharedFileSystem } from './network-file-system.js';
import { PointerCache } from './pointer-cache.js';

const base = mkdtempSync(join(tmpdir(), 'meshwork-pointer-cache-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const parquet = useParquet();

/** A reader of `file` that counts how often it really reads. */
function countingReader(file: string) {
  const counter = { reads: 0 };
  const read = async (): Promise<CurrentPointer | undefined> => {
    counter.reads += 1;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as CurrentPointer);
  };
  return { counter, read };
}

describe('PointerCache', () => {
  it('reads every time where stat cannot be trusted (a network file system)', async () => {
    const file = join(base, 'shared.json');
    await writeFile(file, JSON.stringify({ snapshotId: '1', sequence: 1 }));
    const cache = new PointerCache(() => false);
    const { counter, read } = countingReader(file);
    for (let i = 0; i < 3; i++) expect(await cache.get(file, read)).toMatchObject({ snapshotId: '1' });
    expect(counter.reads).toBe(3);
  });

  it('tells network and FUSE file systems from local ones', () => {
    expect([0x6969, 0xff534d42, 0xfe534d42, 0x65735546].map(isSharedFileSystemType)).toEqual([true, true, true, true]);
    expect([0xef53, 0x58465342, 0x01021994, 0x9123683e].map(isSharedFileSystemType)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // The temp directory of CI is local; a path that does not exist yet is judged by its parent.
    expect(onSharedFileSystem(join(base, 'not', 'yet'))).toBe(false);
  });

  it('reads a pointer once while its file is unchanged, and again once it is replaced', async () => {
    const file = join(base, 'current.json');
    await writeFile(file, JSON.stringify({ snapshotId: '1', sequence: 1 }));
    const cache = new PointerCache();
    const { counter, read } = countingReader(file);
    expect(await cache.get(file, read)).toMatchObject({ snapshotId: '1' });
    expect(await cache.get(file, read)).toMatchObject({ snapshotId: '1' });
    expect(counter.reads).toBe(1);
    // Replaced the way publish does it: a new file renamed over the pointer (same length).
    await writeFile(`${file}.tmp`, JSON.stringify({ snapshotId: '2', sequence: 2 }));
    await rename(`${file}.tmp`, file);
    expect(await cache.get(file, read)).toMatchObject({ snapshotId: '2' });
    expect(counter.reads).toBe(2);
    // Rewritten in place, longer.
    await writeFile(file, JSON.stringify({ snapshotId: '30', sequence: 3 }));
    expect(await cache.get(file, read)).toMatchObject({ snapshotId: '30' });
    expect(counter.reads).toBe(3);
  });

  it('keeps nothing for a missing pointer: a first publish is seen at once', async () => {
    const file = join(base, 'later.json');
    const cache = new PointerCache();
    const { counter, read } = countingReader(file);
    expect(await cache.get(file, read)).toBeUndefined();
    await writeFile(file, JSON.stringify({ snapshotId: '7', sequence: 1 }));
    expect(await cache.get(file, read)).toMatchObject({ snapshotId: '7' });
    await rm(file);
    expect(await cache.get(file, read)).toBeUndefined();
    expect(counter.reads).toBe(3);
  });
});

describe('LocalWarehouse.currentPointer with the cache', () => {
  it("sees another process's publish at the next read", async () => {
    const root = join(base, 'warehouse');
    // Two instances on one root stand for `mesh serve` and a `mesh run` beside it.
    const server = createLocalWarehouse({ root });
    const runner = createLocalWarehouse({ root });
    const first = await publishRun(runner, parquet.tool, { runId: 'run-1', marker: 1 });
    expect((await server.currentPointer(ORDERS))?.snapshotId).toBe(first.snapshotId);
    expect((await server.currentPointer(ORDERS))?.snapshotId).toBe(first.snapshotId);
    const second = await publishRun(runner, parquet.tool, { runId: 'run-2', marker: 2 });
    expect(second.snapshotId).not.toBe(first.snapshotId);
    expect((await server.currentPointer(ORDERS))?.snapshotId).toBe(second.snapshotId);
    expect((await server.current(ORDERS))?.snapshotId).toBe(second.snapshotId);
  });
});
