/**
 * What an adapter's test file provides to the conformance suite: fresh databases it can open
 * stores on and reach raw — raw access is how the suite plays the attacker who edits rows.
 */
import { afterEach } from 'vitest';
import type { CreateMetadataStoreOptions } from '../create-metadata-store.js';
import type { MetadataStore } from '../metadata-store.js';

export interface ConformanceDatabase {
  /** Opens (and migrates, unless told not to) another store on this database: its own connection or pool. */
  open(options?: CreateMetadataStoreOptions): Promise<MetadataStore>;
  /** Runs SQL directly, bypassing the store but not the database's triggers. */
  execute(statement: string): Promise<void>;
  /** Runs SQL with the append-only triggers out of the way, as someone with raw database access could. */
  tamper(statement: string): Promise<void>;
}

export interface MetadataStoreHarness {
  /** A new, empty database (or schema) for one test. */
  createDatabase(): Promise<ConformanceDatabase>;
}

export interface OpenedStore {
  readonly store: MetadataStore;
  readonly database: ConformanceDatabase;
}

/** Opens stores for a test and closes every one of them after it. */
export function useStores(harness: MetadataStoreHarness): {
  fresh(options?: CreateMetadataStoreOptions): Promise<OpenedStore>;
  open(database: ConformanceDatabase, options?: CreateMetadataStoreOptions): Promise<MetadataStore>;
} {
  const opened: MetadataStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const open = async (database: ConformanceDatabase, options?: CreateMetadataStoreOptions) => {
    const store = await database.open(options);
    opened.push(store);
    return store;
  };
  return {
    open,
    async fresh(options) {
      const database = await harness.createDatabase();
      return { database, store: await open(database, options) };
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2024-05-01T12:00:00.000Z'): { now: () => Date; set(iso: string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
  };
}
