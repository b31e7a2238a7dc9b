/**
 * Durable, atomic file replacement: write a hidden temporary file, fsync it, rename it over the
 * target, fsync the folder. Readers see the old file or the new one, never a torn one, and after
 * a power cut the rename is not lost while the bytes are.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { guard } from './fs-guard.js';

/**
 * Writes `content` to a new temporary file beside `target`, synced; returns its path. `owner`
 * (a run tag) goes into the name, so recovery can tell a live run's temporary file from a dead one's.
 */
export async function prepareFile(
  target: string,
  content: string | Uint8Array,
  owner?: string,
  options: { readonly sync?: boolean } = {},
): Promise<string> {
  const folder = dirname(target);
  const random = randomBytes(6).toString('hex');
  const temporary = join(folder, `.${basename(target)}.tmp-${owner === undefined ? '' : `${owner}-`}${random}`);
  await guard('create', folder, () => mkdir(folder, { recursive: true }));
  await guard('write', temporary, async () => {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      if (options.sync !== false) await handle.sync();
    } finally {
      await handle.close();
    }
  }).catch(async (error: unknown) => {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  });
  return temporary;
}

/** Renames a prepared file over `target` (atomic on POSIX) and makes the rename durable. */
export async function commitFile(temporary: string, target: string): Promise<void> {
  await guard('write', target, () => rename(temporary, target));
  await syncFolder(dirname(target));
}

export async function writeFileDurably(target: string, content: string | Uint8Array, owner?: string): Promise<void> {
  await commitFile(await prepareFile(target, content, owner), target);
}

/**
 * Several files, each written and synced, renamed into place in the given order, then each
 * folder synced once — one folder fsync instead of one per file.
 */
export async function writeFilesDurably(
  files: readonly { readonly target: string; readonly content: string | Uint8Array }[],
  owner?: string,
): Promise<void> {
  // Written and synced side by side: the fsyncs overlap instead of queueing.
  const prepared = await Promise.all(files.map((file) => prepareFile(file.target, file.content, owner)));
  for (const [index, file] of files.entries())
    await guard('write', file.target, () => rename(prepared[index]!, file.target));
  const folders = new Set(files.map((file) => dirname(file.target)));
  for (const folder of folders) await syncFolder(folder);
}

/** Atomic (temp + rename) but not synced: for files that are hints, rebuilt when lost. */
export async function writeFileAtomically(target: string, content: string, owner?: string): Promise<void> {
  const temporary = await prepareFile(target, content, owner, { sync: false });
  await guard('write', target, () => rename(temporary, target));
}

/** fsync of a folder, so that renames and unlinks in it survive a power cut. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for syncing; its renames are journaled by NTFS anyway.
  if (process.platform === 'win32') return;
  await guard('sync', folder, async () => {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** fsync of a file someone else wrote (DuckDB does not sync what COPY writes). */
export async function syncFile(path: string): Promise<void> {
  await guard('sync', path, async () => {
    // Windows flushes only handles opened for writing.
    const handle = await open(path, process.platform === 'win32' ? 'r+' : 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}
