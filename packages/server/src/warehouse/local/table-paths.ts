/**
 * Where a table's files live under the warehouse root — an Apache Iceberg v2 table folder:
 *
 *   <root>/<domain>/<product>/<port>/v<major>/
 *       data/<snapshotId>/part-00000.parquet …    immutable once published
 *       metadata/snap-<snapshotId>.json           one manifest per snapshot (Meshwork's own)
 *       metadata/snap-<snapshotId>.avro           the snapshot's Iceberg manifest list
 *       metadata/<snapshotId>-m0.avro             its Iceberg manifest
 *       metadata/v<N>.metadata.json               Iceberg table metadata, one per version
 *       metadata/version-hint.text                N of the current version (a hint for Hadoop-style readers)
 *       metadata/current.json                     the pointer: snapshot and metadata file
 *       .staging/<snapshotId>-<runTag>/data/      work in progress
 *   <root>/.locks/<domain>.<product>.lock
 */
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseProductId } from '../table-ref.js';
import type { TableRef } from '../warehouse-types.js';

export interface TablePaths {
  readonly dir: string;
  readonly dataRoot: string;
  readonly metadata: string;
  readonly staging: string;
  readonly current: string;
  manifest(snapshotId: string): string;
  data(snapshotId: string): string;
  /** `metadata/v<version>.metadata.json`. */
  metadataFile(version: number): string;
  readonly versionHint: string;
  /** The Iceberg manifest list and manifest of a snapshot. */
  manifestList(snapshotId: string): string;
  manifestFile(snapshotId: string): string;
}

export const LOCKS_FOLDER = '.locks';
const MANIFEST_NAME = /^snap-([0-9]+)\.json$/;
const METADATA_NAME = /^v([1-9][0-9]*)\.metadata\.json$/;
const ICEBERG_SNAPSHOT_FILE = /^(?:snap-([0-9]+)\.avro|([0-9]+)-m[0-9]+\.avro)$/;

export function tablePaths(root: string, table: TableRef): TablePaths {
  const { domain, product } = parseProductId(table.productId);
  const dir = join(root, domain, product, table.port, `v${table.major}`);
  const metadata = join(dir, 'metadata');
  const dataRoot = join(dir, 'data');
  return {
    dir,
    dataRoot,
    metadata,
    staging: join(dir, '.staging'),
    current: join(metadata, 'current.json'),
    manifest: (snapshotId) => join(metadata, `snap-${snapshotId}.json`),
    data: (snapshotId) => join(dataRoot, snapshotId),
    metadataFile: (version) => join(metadata, `v${version}.metadata.json`),
    versionHint: join(metadata, 'version-hint.text'),
    manifestList: (snapshotId) => join(metadata, `snap-${snapshotId}.avro`),
    manifestFile: (snapshotId) => join(metadata, `${snapshotId}-m0.avro`),
  };
}

export function lockPath(root: string, productId: string): string {
  const { domain, product } = parseProductId(productId);
  return join(root, LOCKS_FOLDER, `${domain}.${product}.lock`);
}

/** The snapshot id in a manifest file name, or undefined for any other file. */
export function manifestSnapshotId(fileName: string): string | undefined {
  return MANIFEST_NAME.exec(fileName)?.[1];
}

/** The version of a table metadata file name (`v<N>.metadata.json`), or undefined for any other file. */
export function metadataVersion(fileName: string): number | undefined {
  const match = METADATA_NAME.exec(fileName);
  return match ? Number(match[1]) : undefined;
}

/** The snapshot whose Iceberg manifest list or manifest a file name is, or undefined. */
export function icebergSnapshotFileId(fileName: string): string | undefined {
  const match = ICEBERG_SNAPSHOT_FILE.exec(fileName);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** `file://` URI of a local path, as Iceberg metadata names every file. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * A staging folder is named `<snapshotId>-<runTag>`: the id it claims in `data/`, and a short
 * hash of the run that owns it, so recovery can tell a live run's staging from a dead one's
 * without any extra file (a file could be missing after a crash; a name cannot).
 */
export function stagingName(snapshotId: string, runId: string): string {
  return `${snapshotId}-${runTag(runId)}`;
}

export function parseStagingName(name: string): { snapshotId: string; runTag: string } | undefined {
  const match = /^([0-9]+)-([0-9a-f]{16})$/.exec(name);
  return match ? { snapshotId: match[1]!, runTag: match[2]! } : undefined;
}

export function runTag(runId: string): string {
  return createHash('sha256').update(runId).digest('hex').slice(0, 16);
}

/** Temporary files are hidden and carry `.tmp-`; recovery removes those no live run owns. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') && name.includes('.tmp-');
}

/** The run tag in a temporary file's name (`.<file>.tmp-<runTag>-<random>`), if it has one. */
export function temporaryOwner(name: string): string | undefined {
  return /\.tmp-([0-9a-f]{16})-[0-9a-f]+$/.exec(name)?.[1];
}

/** `/`-separated path relative to the root, for reports and manifests. */
export function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
