/**
 * One introspection database per principal, rebuilt when the relations it may query change (an
 * agreement starts or is revoked) and dropped after it was idle for a while or when too many are
 * kept. A database in use by a running query is closed only after that query releases it.
 */
import { createHash } from 'node:crypto';
import type { VisibleRelation } from '../../gateway/gateway-types.js';
import { createCatalogDatabase, type CatalogDatabase } from './catalog-database.js';

interface Entry {
  readonly fingerprint: string;
  readonly database: Promise<CatalogDatabase>;
  lastUsed: number;
  users: number;
  retired: boolean;
}

export interface CatalogLease {
  readonly database: CatalogDatabase;
  release(): void;
}

export interface CatalogCacheOptions {
  readonly idleMs: number;
  readonly maxEntries: number;
}

export class CatalogCache {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: CatalogCacheOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.idleMs, 60_000));
    this.sweeper.unref();
  }

  async acquire(principalId: string, relations: readonly VisibleRelation[]): Promise<CatalogLease> {
    const fingerprint = createHash('sha256').update(JSON.stringify(relations)).digest('hex');
    let entry = this.entries.get(principalId);
    if (!entry || entry.fingerprint !== fingerprint) {
      if (entry) this.retire(principalId, entry);
      entry = {
        fingerprint,
        database: createCatalogDatabase(relations, principalId),
        lastUsed: Date.now(),
        users: 0,
        retired: false,
      };
      const created = entry;
      created.database.catch(() => this.entries.get(principalId) === created && this.entries.delete(principalId));
      this.entries.set(principalId, entry);
      this.evictOverflow();
    }
    const current = entry;
    current.users++;
    current.lastUsed = Date.now();
    try {
      const database = await current.database;
      let released = false;
      return {
        database,
        release: () => {
          if (released) return;
          released = true;
          current.users--;
          current.lastUsed = Date.now();
          if (current.retired && current.users === 0) database.close();
        },
      };
    } catch (error) {
      current.users--;
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const entries = [...this.entries.entries()];
    this.entries.clear();
    for (const [, entry] of entries) {
      entry.retired = true;
      if (entry.users === 0) await entry.database.then((db) => db.close()).catch(() => undefined);
    }
  }

  private retire(principalId: string, entry: Entry): void {
    if (this.entries.get(principalId) === entry) this.entries.delete(principalId);
    entry.retired = true;
    if (entry.users === 0) void entry.database.then((db) => db.close()).catch(() => undefined);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [principalId, entry] of this.entries) {
      if (entry.users === 0 && now - entry.lastUsed >= this.options.idleMs) this.retire(principalId, entry);
    }
  }

  private evictOverflow(): void {
    if (this.entries.size <= this.options.maxEntries) return;
    const idle = [...this.entries.entries()]
      .filter(([, entry]) => entry.users === 0)
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [principalId, entry] of idle) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.retire(principalId, entry);
    }
  }
}
