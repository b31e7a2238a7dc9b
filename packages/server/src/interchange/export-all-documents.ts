/**
 * `mesh export all --out <dir>`: every product's ODPS descriptor and ODCS contracts, copied byte
 * for byte as written in the workspace (comments and key order kept), under
 * `<domain>/<product>/`, plus an `index.json` listing them. The folder appears whole or not at
 * all: files go to a hidden sibling first, which is renamed into place at the end and removed on
 * any failure.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConflictError, type MeshModel } from '@meshwork/core';

export interface BulkExportOptions {
  /** Workspace root the model was loaded from. */
  readonly root: string;
  readonly model: MeshModel;
  /** Folder to create; it must not exist yet. */
  readonly out: string;
}

export interface BulkExportIndexEntry {
  readonly id: string;
  readonly urn: string;
  readonly title: string;
  readonly version: string | null;
  readonly status: string;
  /** Paths relative to the export folder. */
  readonly odps: string;
  readonly odcs: readonly {
    readonly id: string;
    readonly version: string;
    readonly status: string;
    readonly file: string;
  }[];
}

export interface BulkExportIndex {
  readonly format: 'meshwork-bulk-export/v1';
  readonly mesh: string;
  readonly products: readonly BulkExportIndexEntry[];
}

export interface BulkExportResult {
  readonly out: string;
  readonly products: number;
  readonly documents: number;
}

export const BULK_EXPORT_INDEX = 'index.json';

export async function exportAllDocuments(options: BulkExportOptions): Promise<BulkExportResult> {
  const target = resolve(options.out);
  if (existsSync(target)) {
    throw new ConflictError('MW7016', `${options.out} already exists; export into a folder that does not exist yet`);
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
  const entries: BulkExportIndexEntry[] = [];
  let documents = 0;
  try {
    for (const product of options.model.products.values()) {
      const folder = `${product.domain}/${product.name}`;
      await mkdir(join(staging, folder), { recursive: true });
      const copy = async (file: string): Promise<string> => {
        const relative = `${folder}/${basename(file)}`;
        await copyFile(join(options.root, file), join(staging, relative));
        documents += 1;
        return relative;
      };
      const odps = await copy(product.descriptorFile);
      const odcs = [];
      for (const contract of [...product.contracts].sort((a, b) => (a.file < b.file ? -1 : 1))) {
        odcs.push({
          id: contract.id,
          version: contract.version,
          status: contract.status,
          file: await copy(contract.file),
        });
      }
      entries.push({
        id: product.id,
        urn: product.urn,
        title: product.title,
        version: product.version ?? null,
        status: product.status,
        odps,
        odcs,
      });
    }
    const index: BulkExportIndex = { format: 'meshwork-bulk-export/v1', mesh: options.model.name, products: entries };
    await writeFile(join(staging, BULK_EXPORT_INDEX), `${JSON.stringify(index, null, 2)}\n`);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { out: target, products: entries.length, documents };
}
