/**
 * The cross-process write lock of a product: `<root>/.locks/<domain>.<product>.lock`, holding
 * pid, host, run id, time and a token. Created in one step with its content (lock-record.ts) —
 * `open(…, 'wx')` plus a write could leave an empty lock after a crash, and an empty lock names
 * no holder to check. A lock whose holder died is taken over (lock-takeover.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConflictError } from '@meshwork/core';
import { guard, isMissing } from './fs-guard.js';
import { createExclusive, readLock, type LockRecord } from './lock-record.js';
import { takeOver } from './lock-takeover.js';
import { HOST, isHolderAlive } from './process-liveness.js';

export type { LockRecord } from './lock-record.js';

/** Each attempt either wins, meets a live holder, or removes a dead one; a few dozen is plenty. */
const MAX_ATTEMPTS = 50;

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
      if (await createExclusive(temporary, path)) return record;
      const holder = await readLock(path);
      if (holder === undefined) continue; // released meanwhile: try again
      if (isHolderAlive(holder)) throw lockedBy(path, holder);
      await takeOver(path, holder, temporary);
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

/** The holder if it is alive, else undefined. */
export async function liveHolder(path: string): Promise<LockRecord | undefined> {
  const holder = await readLock(path);
  return holder && isHolderAlive(holder) ? holder : undefined;
}

/** Stage, publish and retain need the lock, held by this very run (MW8106 otherwise). */
export async function assertLockHeld(path: string, productId: string, runId: string): Promise<void> {
  const holder = await liveHolder(path);
  if (holder?.runId === runId) return;
  const other = holder ? `; run ${holder.runId} holds it` : '';
  throw new ConflictError('MW8106', `Run ${runId} does not hold the lock of product ${productId}${other}.`);
}

function lockedBy(path: string, holder: LockRecord): ConflictError {
  const where = holder.host === HOST ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
  return new ConflictError(
    'MW8105',
    `Product is locked by run ${holder.runId} (${where}, since ${holder.acquiredAt}); lock file ${path}.`,
  );
}
