/**
 * The cross-process write lock of a product: `<root>/.locks/<domain>.<product>.lock`.
 *
 * Creating the lock is one `link()` of a fully written temporary file, which fails with EEXIST
 * when the lock exists — `open(…, 'wx')` plus a write could leave an empty lock after a crash,
 * and an empty lock names no holder to check. A lock whose holder died (same host, pid gone) is
 * taken over: renamed away, re-read to make sure it was the dead holder's and not a lock someone
 * else just took, then removed. Stage and publish re-read the lock, so even a lost race there
 * cannot let two runs publish.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConflictError } from '@meshwork/core';
import { errnoCode, guard, isMissing, storageError } from './fs-guard.js';
import { HOST, isHolderAlive } from './process-liveness.js';

export interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly runId: string;
  readonly acquiredAt: string;
  /** Random, unique per acquisition: tells this lock from a later one of the same run. */
  readonly token: string;
}

const MAX_ATTEMPTS = 8;

export async function acquireLock(path: string, owner: { runId: string; pid: number }, now: Date): Promise<LockRecord> {
  const record: LockRecord = {
    pid: owner.pid,
    host: HOST,
    runId: owner.runId,
    acquiredAt: now.toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const temporary = `${dirname(path)}/.${record.token}.tmp-lock`;
  await guard('create', dirname(path), () => mkdir(dirname(path), { recursive: true }));
  await guard('write', temporary, () => writeFile(temporary, `${JSON.stringify(record)}\n`, { flag: 'wx' }));
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      if (await tryLink(temporary, path)) return record;
      const holder = await readLock(path);
      if (holder === undefined) continue; // released meanwhile: try again
      if (isHolderAlive(holder)) throw lockedBy(path, holder);
      await takeOver(path, holder);
    }
    throw new ConflictError('MW8105', `Product lock ${path} keeps changing hands; try again.`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Removes the lock if it is still `record` (a lock taken over meanwhile is left alone). */
export async function releaseLock(path: string, record: LockRecord): Promise<void> {
  const holder = await readLock(path).catch(() => undefined);
  if (holder?.token !== record.token) return;
  await guard('remove', path, () => unlink(path)).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}

/** The holder, alive or not; undefined when unlocked. A lock that is not a lock record is reported. */
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

/** The holder if it is alive, else undefined. */
export async function liveHolder(path: string): Promise<LockRecord | undefined> {
  const holder = await readLock(path);
  return holder && isHolderAlive(holder) ? holder : undefined;
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

export function lockedBy(path: string, holder: LockRecord): ConflictError {
  const where = holder.host === HOST ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
  return new ConflictError(
    'MW8105',
    `Product is locked by run ${holder.runId} (${where}, since ${holder.acquiredAt}); lock file ${path}.`,
  );
}

async function tryLink(temporary: string, path: string): Promise<boolean> {
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw storageError(error, 'create', path);
  }
}

async function takeOver(path: string, dead: LockRecord): Promise<void> {
  const moved = `${dirname(path)}/.${dead.token}-${randomBytes(4).toString('hex')}.tmp-stale`;
  try {
    await rename(path, moved);
  } catch (error) {
    if (isMissing(error)) return; // another writer took it over first
    throw storageError(error, 'replace', path);
  }
  const movedRecord = parseLockRecord(await readFile(moved, 'utf8').catch(() => ''));
  if (movedRecord && movedRecord.token !== dead.token) {
    // We moved a lock that was taken after we looked: put it back unless yet another one exists.
    await link(moved, path).catch(() => undefined);
  }
  await unlink(moved).catch(() => undefined);
}

/** Stage, publish and retain need the lock, held by this very run (MW8106 otherwise). */
export async function assertLockHeld(path: string, productId: string, runId: string): Promise<void> {
  const holder = await liveHolder(path);
  if (holder?.runId === runId) return;
  const other = holder ? `; run ${holder.runId} holds it` : '';
  throw new ConflictError('MW8106', `Run ${runId} does not hold the lock of product ${productId}${other}.`);
}
