import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../create-metadata-store.js';
import { describeMetadataStoreConformance } from '../metadata-store.conformance.js';
import { product } from '../test-support/metadata-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'meshwork-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs SQL on its own better-sqlite3 connection, as another tool on the same file would. */
function raw(path: string, statements: string): void {
  const db = new Database(path);
  try {
    db.exec(statements);
  } finally {
    db.close();
  }
}

describeMetadataStoreConformance('SQLite', {
  async createDatabase() {
    const path = join(dir, `${randomUUID()}.db`);
    return {
      open: (options) => createMetadataStore({ kind: 'sqlite', path }, options),
      execute: async (statement) => raw(path, statement),
      // Someone with the file can simply drop the triggers.
      tamper: async (statement) =>
        raw(
          path,
          `drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete; ${statement}`,
        ),
    };
  },
});

describe('SQLite metadata store', () => {
  it('creates <workspace>/.meshwork/meshwork.db in WAL mode by default', async () => {
    const workspace = join(dir, 'workspace');
    const path = defaultSqlitePath(workspace);
    expect(path).toBe(join(workspace, '.meshwork', 'meshwork.db'));
    const store = await createMetadataStore({ kind: 'sqlite', path });
    try {
      expect(store.target).toBe(path);
      expect(existsSync(path)).toBe(true);
      const db = new Database(path, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      await store.close();
    }
  });

  it('works in memory', async () => {
    const store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
    await store.appendAudit({ actor: 'a', action: 'b', resource: 'c' });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 1 });
    await store.close();
  });

  it('waits for another process’s write lock instead of failing', async () => {
    const path = join(dir, 'shared.db');
    const store = await createMetadataStore({ kind: 'sqlite', path });
    // A worker thread has its own event loop, like another process: it holds the write lock for
    // 300 ms while this thread's append waits in SQLite's busy handler.
    const holder = new Worker(
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
       const db = new Database(${JSON.stringify(path)});
       db.exec('begin immediate');
       require('node:worker_threads').parentPort.postMessage('locked');
       setTimeout(() => {
         db.exec('commit');
         require('node:worker_threads').parentPort.postMessage(Date.now());
         db.close();
       }, 300);`,
      { eval: true },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    const committedAt = new Promise<number>((resolve) => holder.once('message', resolve));
    const event = await store.appendAudit({ actor: 'a', action: 'b', resource: 'c' });
    const returnedAt = Date.now();
    expect(event.seq).toBe(1);
    // An order, not a duration: the append returned only after the holder let go of the lock.
    expect(returnedAt).toBeGreaterThanOrEqual(await committedAt);
    await new Promise((resolve) => holder.once('exit', resolve));
    await store.close();
  });

  it('reports a lock held past the busy timeout as MW6108', async () => {
    const path = join(dir, 'busy.db');
    const store = await createMetadataStore({ kind: 'sqlite', path, busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('begin immediate');
    try {
      await expect(store.upsertProduct(product('sales.orders'))).rejects.toMatchObject({
        code: 'MW6108',
        kind: 'unavailable',
      });
    } finally {
      other.exec('rollback');
      other.close();
    }
    await store.upsertProduct(product('sales.orders'));
    await store.close();
  });

  it('reports files it cannot open as MW6107, naming the path', async () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');
    await expect(
      createMetadataStore({ kind: 'sqlite', path: join(notADirectory, 'meshwork.db') }),
    ).rejects.toMatchObject({
      code: 'MW6107',
      message: expect.stringContaining(notADirectory),
    });
    const notADatabase = join(dir, 'not-a-database.db');
    writeFileSync(notADatabase, 'this is not a SQLite file, but it is long enough to have a header'.repeat(20));
    await expect(createMetadataStore({ kind: 'sqlite', path: notADatabase })).rejects.toMatchObject({ code: 'MW6107' });
    await expect(createMetadataStore({ kind: 'sqlite', path: '' })).rejects.toMatchObject({ code: 'MW6109' });
    await expect(createMetadataStore({ kind: 'mysql' } as never)).rejects.toMatchObject({ code: 'MW6109' });
  });
});
