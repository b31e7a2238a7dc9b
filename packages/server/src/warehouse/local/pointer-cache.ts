/**
 * The current pointers last read, each kept with the identity of the file it came from, so that
 * `currentPointer` — asked by the SQL gateway for every relation of every query — costs one stat
 * instead of reading and decoding the file (five round trips through libuv's thread pool, which
 * DuckDB's asynchronous calls share).
 *
 * Why a stat is enough (on a local file system: network ones are read every time,
 * network-file-system.ts): a pointer is only ever replaced by renaming a new file over it
 * (durable-write.ts), which gives it another inode and change time; an in-place write would change
 * its modification time and usually its size. A publish by any process — `mesh run` beside
 * `mesh serve`, another server — is therefore seen by the very next read, as before. The stat is
 * synchronous on purpose: it is a few microseconds on a local file system, far less than queueing
 * it behind DuckDB's work in the thread pool.
 */
import { statSync, type BigIntStats } from 'node:fs';
import type { CurrentPointer } from '../snapshot-manifest.js';
import { storageError } from './fs-guard.js';

interface CachedPointer {
  readonly identity: string;
  readonly pointer: CurrentPointer;
}

/** Pointers of at most this many tables are kept; beyond, the oldest is forgotten. */
const MAX_ENTRIES = 10_000;

export class PointerCache {
  readonly #entries = new Map<string, CachedPointer>();
  #trusted: boolean | undefined;

  /**
   * @param trustStat whether `stat` sees another process's rename at once: true on a local file
   *   system; on NFS and other shared ones it may answer from a cache for seconds, so every
   *   read goes to the file, as before this cache (asked once, on the first read).
   */
  constructor(private readonly trustStat: () => boolean = () => true) {}

  /** The pointer at `file`, read with `read` only when the file changed since it was last read. */
  async get(file: string, read: () => Promise<CurrentPointer | undefined>): Promise<CurrentPointer | undefined> {
    this.#trusted ??= this.trustStat();
    if (!this.#trusted) return read();
    const before = identityOf(file);
    if (before === undefined) {
      this.#entries.delete(file);
      return read();
    }
    const cached = this.#entries.get(file);
    if (cached?.identity === before) return cached.pointer;
    const pointer = await read();
    // Kept only when the file did not change while it was read: otherwise the text read may be
    // the newer one under the older identity, and the next read must look again.
    if (pointer !== undefined && identityOf(file) === before) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(file, { identity: before, pointer });
    }
    return pointer;
  }
}

/** Inode, size and modification and change times in nanoseconds; undefined when the file is missing. */
function identityOf(file: string): string | undefined {
  let stats: BigIntStats | undefined;
  try {
    stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    throw storageError(error, 'read', file);
  }
  return stats && `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}
