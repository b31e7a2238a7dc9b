/**
 * A SQLite store out of a backup, staged under a hidden name next to its final place: copied
 * and checked against backup.json, migrated to this Meshwork, its audit chain verified against
 * the recorded head, and left as one self-contained file (no -wal/-shm) ready to be renamed.
 */
import Database from 'better-sqlite3';
import { createMetadataStore } from '../../metadata/create-metadata-store.js';
import { assertAuditMatches } from './audit-head-check.js';
import type { BackupReader } from './restore-files.js';
import { SQLITE_BACKUP_FILE } from './sqlite-store-backup.js';

export async function stageSqliteStore(backup: BackupReader, stagedPath: string): Promise<void> {
  await backup.copyOut(SQLITE_BACKUP_FILE, stagedPath);
  const store = await createMetadataStore({ kind: 'sqlite', path: stagedPath });
  try {
    assertAuditMatches(await store.verifyAudit(), backup.manifest.store.auditHead, backup.folder);
  } finally {
    await store.close();
  }
  const db = new Database(stagedPath, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
