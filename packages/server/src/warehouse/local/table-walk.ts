/**
 * Finding tables by walking the folders `<domain>/<product>/<port>/v<major>` under the root.
 * Names that could not have been written by the warehouse (hidden folders, `.locks`, anything
 * that is not a valid id) are skipped, so stray files never become tables.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMeshworkError } from '@meshwork/core';
import { assertTableRef } from '../table-ref.js';
import type { TableRef } from '../warehouse-types.js';
import { isMissing, storageError } from './fs-guard.js';

/** Every table folder, whether or not anything was published in it yet. */
export async function walkTableFolders(root: string): Promise<TableRef[]> {
  const tables: TableRef[] = [];
  for (const domain of await subfolders(root)) {
    for (const product of await subfolders(join(root, domain))) {
      for (const port of await subfolders(join(root, domain, product))) {
        for (const version of await subfolders(join(root, domain, product, port))) {
          const table = asTable(domain, product, port, version);
          if (table) tables.push(table);
        }
      }
    }
  }
  return tables;
}

function asTable(domain: string, product: string, port: string, version: string): TableRef | undefined {
  const major = /^v(0|[1-9][0-9]*)$/.exec(version)?.[1];
  if (major === undefined) return undefined;
  try {
    return assertTableRef({ productId: `${domain}.${product}`, port, major: Number(major) });
  } catch (error) {
    if (isMeshworkError(error)) return undefined;
    throw error;
  }
}

async function subfolders(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw storageError(error, 'read', folder);
  }
}
