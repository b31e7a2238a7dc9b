/** What every repository needs: the database, the dialect's write transaction and a clock. */
import type { MetadataDb, WriteLock } from './store-dialect.js';

export interface RepositoryContext {
  readonly db: MetadataDb;
  write<T>(lock: WriteLock, work: (trx: MetadataDb) => Promise<T>): Promise<T>;
  readonly now: () => Date;
}
