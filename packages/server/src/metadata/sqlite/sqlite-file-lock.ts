/**
 * One write lock per SQLite file per process.
 *
 * Across processes, `BEGIN IMMEDIATE` plus the busy timeout serialise writers. Inside one process
 * that is not enough: better-sqlite3 is synchronous, so a second connection waiting on the busy
 * handler blocks the event loop — and with it the first connection's transaction, which can then
 * never commit. Every store on the same file in this process therefore queues on this lock first.
 */
import { AsyncMutex } from '../async-mutex.js';

const locks = new Map<string, { readonly mutex: AsyncMutex; users: number }>();

export interface SqliteFileLock {
  readonly mutex: AsyncMutex;
  release(): void;
}

/** `key` is the file's real path (or a unique token for in-memory databases). */
export function acquireSqliteFileLock(key: string): SqliteFileLock {
  const entry = locks.get(key) ?? { mutex: new AsyncMutex(), users: 0 };
  entry.users += 1;
  locks.set(key, entry);
  let released = false;
  return {
    mutex: entry.mutex,
    release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0) locks.delete(key);
    },
  };
}
