/**
 * What the writer left in a staged data folder: Parquet files only (nested folders allowed, as
 * DuckDB's partitioned COPY makes them), each synced to disk before it can be published, with its
 * size and row count. The row counts come from the caller, who wrote the files.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@meshwork/core';
import { syncFile } from './durable-write.js';
import { guard } from './fs-guard.js';
import { relativePath } from './table-paths.js';

export interface StagedFile {
  /** Relative to the staged data folder, `/`-separated. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly rowCount: number;
}

export async function collectStagedFiles(
  dataDir: string,
  rowCount: number,
  fileRowCounts: Readonly<Record<string, number>> | undefined,
): Promise<StagedFile[]> {
  const found = await listFiles(dataDir, dataDir);
  const invalid = found.filter((file) => !file.regular || !file.path.endsWith('.parquet'));
  if (invalid.length > 0) {
    throw stagedError(`not Parquet files: ${invalid.map((file) => file.path).join(', ')}`);
  }
  if (found.length === 0) throw stagedError(`no Parquet file in ${dataDir}`);
  const counts = rowCounts(
    found.map((file) => file.path),
    rowCount,
    fileRowCounts,
  );
  for (const file of found) await syncFile(join(dataDir, file.path));
  return found
    .map((file) => ({ path: file.path, sizeBytes: file.sizeBytes, rowCount: counts.get(file.path)! }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function rowCounts(
  paths: readonly string[],
  rowCount: number,
  fileRowCounts: Readonly<Record<string, number>> | undefined,
): Map<string, number> {
  if (fileRowCounts === undefined) {
    if (paths.length === 1) return new Map([[paths[0]!, rowCount]]);
    throw stagedError(`${paths.length} files were written; give fileRowCounts for each`);
  }
  const given = Object.keys(fileRowCounts).sort();
  if (given.join('\n') !== [...paths].sort().join('\n')) {
    throw stagedError(`fileRowCounts names ${given.join(', ') || 'no file'} but the files are ${paths.join(', ')}`);
  }
  const total = Object.values(fileRowCounts).reduce((sum, count) => sum + count, 0);
  if (total !== rowCount) throw stagedError(`fileRowCounts add up to ${total}, rowCount is ${rowCount}`);
  return new Map(Object.entries(fileRowCounts));
}

interface FoundFile {
  readonly path: string;
  readonly sizeBytes: number;
  /** Symlinks and the like are refused: a published snapshot must own its bytes. */
  readonly regular: boolean;
}

async function listFiles(base: string, folder: string): Promise<FoundFile[]> {
  const entries = await guard('read', folder, () => readdir(folder, { withFileTypes: true }));
  const files: FoundFile[] = [];
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listFiles(base, full)));
      continue;
    }
    const info = await guard('read', full, () => lstat(full));
    files.push({ path: relativePath(base, full), sizeBytes: info.size, regular: info.isFile() });
  }
  return files;
}

function stagedError(problem: string): InputError {
  return new InputError('MW8109', `Invalid staged data: ${problem}.`);
}
