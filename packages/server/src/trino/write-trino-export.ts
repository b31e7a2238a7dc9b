/**
 * Writes an export into a folder laid out like Trino's `etc/`: `catalog/<name>.properties`,
 * `access-control.properties` and `rules.json`. A folder that holds anything is only written into
 * with `force`, and then only these three files are replaced (each atomically, so Trino's periodic
 * re-read never sees half a file). rules.json is created with mode 0600: it may hold the masking key.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConflictError, InputError } from '@meshwork/core';

export interface TrinoExportFile {
  /** Relative to the export folder, `/`-separated. */
  readonly path: string;
  readonly content: string;
  /** Readable by the owner only. */
  readonly secret?: boolean;
}

export async function writeTrinoExport(
  dir: string,
  files: readonly TrinoExportFile[],
  options: { readonly force?: boolean } = {},
): Promise<void> {
  await checkExportFolder(dir, options.force ?? false);
  for (const file of files)
    await writeAtomically(join(dir, ...file.path.split('/')), file.content, file.secret ?? false);
}

/** MW8381 unless `dir` is missing, empty, or `force` is set (and it is a folder). */
export async function checkExportFolder(dir: string, force: boolean): Promise<void> {
  const existing = await entriesOf(dir);
  if (existing.length > 0 && !force) {
    throw new ConflictError(
      'MW8381',
      `${dir} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); choose an empty folder, or add --force to replace the Trino files in it`,
    );
  }
}

/** The names in `dir`; none when it does not exist. */
async function entriesOf(dir: string): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new InputError('MW8381', `${dir} exists and is not a folder; name a folder for the Trino files`);
    }
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function writeAtomically(target: string, content: string, secret: boolean): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await writeFile(temporary, content, { mode: secret ? 0o600 : 0o644, flag: 'wx' });
    // The mode given to writeFile is narrowed by the umask; set it exactly.
    await chmod(temporary, secret ? 0o600 : 0o644);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
