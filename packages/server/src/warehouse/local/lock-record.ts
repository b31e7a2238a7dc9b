/**
 * What a lock file holds, and the two file operations locks are made of: reading a record, and
 * creating a file with its whole content at once (`link()` of a written temporary file, which
 * fails with EEXIST when the target exists).
 */
import { link, readFile } from 'node:fs/promises';
import { ConflictError } from '@meshwork/core';
import { errnoCode, isMissing, storageError } from './fs-guard.js';

export interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly runId: string;
  readonly acquiredAt: string;
  /** Random, unique per acquisition: tells this lock from a later one of the same run. */
  readonly token: string;
}

/** The holder, alive or not; undefined when unlocked. A file that is not a lock record is reported. */
export async function readLock(path: string): Promise<LockRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw storageError(error, 'read', path);
  }
  const record = parseLockRecord(text);
  if (!record) {
    throw new ConflictError('MW8105', `Product lock ${path} is unreadable; remove it if no run is active.`);
  }
  return record;
}

export function parseLockRecord(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    const valid =
      Number.isInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.runId === 'string' &&
      typeof value.acquiredAt === 'string' &&
      typeof value.token === 'string';
    return valid ? (value as LockRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `path` as a hard link to the written file `source`; false when `path` exists. */
export async function createExclusive(source: string, path: string): Promise<boolean> {
  try {
    await link(source, path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw storageError(error, 'create', path);
  }
}
