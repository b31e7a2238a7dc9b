/**
 * The Iceberg files a table's current metadata names, relative to the table folder — found by
 * reading the metadata and its Avro manifest lists, the way an Iceberg reader walks them.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestPaths } from '../../iceberg/format/manifest-files.js';
import type { Warehouse } from '../warehouse.js';
import type { TableRef } from '../warehouse-types.js';

export async function icebergFiles(warehouse: Warehouse, table: TableRef): Promise<string[]> {
  const iceberg = await warehouse.icebergTable(table);
  if (!iceberg) return [];
  const dir = fileURLToPath(iceberg.metadata.location);
  const local = (uri: string) => relative(dir, fileURLToPath(uri)).split(sep).join('/');
  const files = ['metadata/version-hint.text', local(iceberg.metadataLocation)];
  for (const entry of iceberg.metadata['metadata-log'] ?? []) files.push(local(entry['metadata-file']));
  for (const snapshot of iceberg.metadata.snapshots ?? []) {
    files.push(local(snapshot['manifest-list']));
    const manifests = manifestPaths(await readFile(fileURLToPath(snapshot['manifest-list'])));
    files.push(...manifests.map(local));
  }
  return files;
}
