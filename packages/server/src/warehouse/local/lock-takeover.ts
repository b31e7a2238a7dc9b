/**
 * Taking over the lock of a dead holder. Removing it is the dangerous part: between reading
 * "dead holder" and removing the file, another process may already have replaced it with a live
 * lock. So removal happens only under a second, short-lived lock (`<lock>.takeover`, created the
 * same exclusive way), and only after re-reading, under it, that the file is still the dead
 * holder's. Nobody but a takeover holder removes another run's lock, so the re-read stays true
 * until the unlink.
 *
 * A takeover lock whose own holder died mid-takeover is renamed away and checked; that leaves a
 * far narrower window, which matters only after a crash inside a takeover. Stage and publish
 * re-read the lock too, so even then a run that lost its lock can never publish.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { guard, isMissing } from './fs-guard.js';
import { createExclusive, parseLockRecord, readLock, type LockRecord } from './lock-record.js';
import { isHolderAlive } from './process-liveness.js';

/** Removes `dead`'s lock at `path` if it is still there; `ours` is a written file with our record. */
export async function takeOver(path: string, dead: LockRecord, ours: string): Promise<void> {
  const takeoverPath = `${path}.takeover`;
  if (!(await createExclusive(ours, takeoverPath))) {
    const other = parseLockRecord(await readFile(takeoverPath, 'utf8').catch(() => ''));
    if (other && !isHolderAlive(other)) await removeAbandoned(takeoverPath, other);
    await pause(); // someone is taking over right now; the caller looks again shortly
    return;
  }
  try {
    const still = await readLock(path).catch(() => undefined);
    if (still?.token !== dead.token) return;
    await guard('remove', path, () => unlink(path)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  } finally {
    await unlink(takeoverPath).catch(() => undefined);
  }
}

async function removeAbandoned(takeoverPath: string, dead: LockRecord): Promise<void> {
  const moved = `${dirname(takeoverPath)}/.${dead.token}-${randomBytes(4).toString('hex')}.tmp-stale`;
  const renamed = await rename(takeoverPath, moved).then(
    () => true,
    () => false,
  );
  if (!renamed) return;
  const movedRecord = parseLockRecord(await readFile(moved, 'utf8').catch(() => ''));
  // We moved a takeover lock taken after we looked: put it back (unless yet another one exists).
  if (movedRecord && movedRecord.token !== dead.token) await link(moved, takeoverPath).catch(() => undefined);
  await unlink(moved).catch(() => undefined);
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(Math.random() * 8)));
}
