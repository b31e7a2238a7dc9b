/**
 * A restore only fills an empty target, never merges into or overwrites a live one: the SQLite
 * file is missing or holds no row outside `meshwork_migrations`, the warehouse folder is
 * missing or empty (a lock folder without locks aside).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '@meshwork/core';

/** Entries of a warehouse folder that hold no data. */
const IGNORED_IN_WAREHOUSE = new Set(['.locks']);

export async function assertWarehouseEmpty(root: string): Promise<void> {
  const entries = await namesIn(root);
  const data = entries.filter((name) => !IGNORED_IN_WAREHOUSE.has(name));
  const locks = (await namesIn(join(root, '.locks'))).filter((name) => name.endsWith('.lock'));
  if (data.length > 0 || locks.length > 0) {
    throw notEmpty(`the warehouse ${root} is not empty (${[...data, ...locks].slice(0, 3).join(', ')}…)`);
  }
}

export function assertSqliteEmpty(path: string): void {
  if (!existsSync(path)) return;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .all() as string[];
    const filled = tables.filter(
      (table) =>
        table !== 'meshwork_migrations' &&
        db
          .prepare(`select exists (select 1 from "${table.replace(/"/g, '""')}")`)
          .pluck()
          .get() === 1,
    );
    if (filled.length > 0) {
      throw notEmpty(`the metadata store ${path} holds data (${filled.slice(0, 3).join(', ')}…)`);
    }
  } finally {
    db.close();
  }
}

export function notEmpty(what: string): InputError {
  return new InputError(
    'MW8314',
    `cannot restore here: ${what}; restore into an empty workspace state (move .meshwork/ away, or use a new PostgreSQL database or schema)`,
  );
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
