/**
 * How a restore becomes visible at once, or is finished after a crash: everything is staged
 * under hidden names first, then `.meshwork/restore-journal.json` lists what remains to do —
 * files to remove (an empty store file being replaced) and renames of the staged parts into
 * place — and is deleted when done. A restore killed before the journal exists left only
 * hidden staging; one killed after it is completed by running `mesh restore` again.
 *
 * With PostgreSQL the journal is written just before the store's transaction commits: on a
 * rerun, a store holding the restored data means the commit happened (finish the renames), an
 * empty one means it did not (discard the staging and restore afresh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConflictError } from '@meshwork/core';
import { readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFile } from './file-checksums.js';
import { notEmpty } from './restore-target.js';

export interface RestoreJournal {
  /** The backup folder being restored. */
  readonly backup: string;
  /**
   * Made way for first (missing ones are fine): files, and folders that must hold nothing but an
   * empty lock folder (an empty warehouse) — anything else there stops the restore (MW8314).
   */
  readonly removes: readonly { readonly path: string; readonly kind: 'file' | 'empty-folder' }[];
  /** Staged path → final path, in order. */
  readonly moves: readonly { readonly from: string; readonly to: string }[];
  /** Whether a PostgreSQL store load was committing when the journal was written. */
  readonly postgres: boolean;
}

export function journalPath(root: string): string {
  return join(root, '.meshwork', 'restore-journal.json');
}

/**
 * Refuses to open a workspace whose restore stopped half-way (MW8320): its store and warehouse may
 * be partly the restored state and partly the old one, and a server or a run on top would mix
 * them for good. Checked by `mesh serve` and every CLI command that opens the metadata store.
 */
export function assertNoUnfinishedRestore(root: string): void {
  const path = journalPath(root);
  if (!existsSync(path)) return;
  let backup = '<backup>';
  try {
    backup = (JSON.parse(readFileSync(path, 'utf8')) as Partial<RestoreJournal>).backup ?? backup;
  } catch {
    // An unreadable journal is still a restore that did not finish; the next restore reports it.
  }
  // Quoted for a shell when it must be, so that the command can be pasted as printed.
  const argument = /^[\w./:@%+=,-]+$/.test(backup) ? backup : `'${backup.replaceAll("'", "'\\''")}'`;
  throw new ConflictError(
    'MW8320',
    `a restore of ${backup} did not finish (${path} exists): run \`mesh restore ${argument}\` again to complete it first`,
  );
}

export async function readJournal(root: string): Promise<RestoreJournal | undefined> {
  try {
    return JSON.parse(await readFile(journalPath(root), 'utf8')) as RestoreJournal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // A journal cut short while written was never acted on: nothing was renamed yet.
    if (error instanceof SyntaxError) return { backup: '', removes: [], moves: [], postgres: false };
    throw error;
  }
}

/** Written durably (temp file, fsync, rename, fsync of the folder) before the first change it lists. */
export async function writeJournal(root: string, journal: RestoreJournal): Promise<void> {
  const path = journalPath(root);
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(journal, null, 2)}\n`);
  await syncFile(temporary);
  await rename(temporary, path);
  await syncFile(dirname(path));
}

/** Carries out what the journal lists (each step is idempotent), then deletes it. */
export async function completeJournal(root: string, journal: RestoreJournal): Promise<void> {
  for (const { path, kind } of journal.removes) {
    if (kind === 'file') await rm(path, { force: true });
    else await removeEmptyFolder(path);
  }
  for (const { from, to } of journal.moves) {
    if (!existsSync(from)) continue; // moved before the crash
    await rename(from, to);
    await syncFile(dirname(to));
  }
  await discardJournal(root);
}

/** Removes the staging a journal names and the journal itself (the commit did not happen). */
export async function abandonJournal(root: string, journal: RestoreJournal): Promise<void> {
  for (const { from } of journal.moves) await rm(from, { recursive: true, force: true });
  await discardJournal(root);
}

/** Removes a folder holding at most a lock folder without locks; refuses anything else. */
async function removeEmptyFolder(path: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (names.some((name) => name !== '.locks')) throw notEmpty(`${path} was written to during the restore`);
  if (names.includes('.locks')) {
    const locks = await readdir(join(path, '.locks'));
    if (locks.some((name) => name.endsWith('.lock'))) throw notEmpty(`a run took a lock in ${path} during the restore`);
    await rm(join(path, '.locks'), { recursive: true, force: true });
  }
  await rmdir(path);
}

async function discardJournal(root: string): Promise<void> {
  await rm(journalPath(root), { force: true });
  await rm(`${journalPath(root)}.tmp`, { force: true });
}
