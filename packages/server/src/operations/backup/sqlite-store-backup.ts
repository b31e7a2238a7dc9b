/**
 * The SQLite metadata store into a backup: SQLite's online backup API (through better-sqlite3)
 * copies every page in one step, which is one read transaction — a consistent snapshot even
 * while a server writes (WAL mode lets it go on). The copy is switched out of WAL mode so it is
 * one self-contained file.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { InputError } from '@meshwork/core';
import type { AuditHead, BackupStoreSection } from './backup-manifest.js';
import type { BackupWriter } from './backup-writer.js';

export const SQLITE_BACKUP_FILE = 'store/meshwork.db';

/** Pages per backup step: all of them, so the copy is taken in one read transaction. */
const ALL_PAGES = 0x7fffffff;

export async function backupSqliteStore(path: string, writer: BackupWriter): Promise<BackupStoreSection> {
  if (!existsSync(path)) {
    throw new InputError(
      'MW8319',
      `there is no metadata store at ${path} to back up; run or serve the workspace first, or check mesh.yaml metadataStore`,
    );
  }
  const target = await writer.pathFor(SQLITE_BACKUP_FILE);
  const source = new Database(path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const section = finishCopy(target);
  await writer.record(SQLITE_BACKUP_FILE);
  return section;
}

/** Takes the copy out of WAL mode (one file, no -wal/-shm) and reads what the manifest records. */
function finishCopy(path: string): BackupStoreSection {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    return {
      kind: 'sqlite',
      migrations: db.prepare('select id from meshwork_migrations order by id').pluck().all() as string[],
      auditHead: auditHead(db),
    };
  } finally {
    db.close();
  }
}

function auditHead(db: Database.Database): AuditHead | null {
  const row = db.prepare('select seq, hash from audit_events order by seq desc limit 1').get() as
    { seq: number | bigint; hash: string } | undefined;
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}
