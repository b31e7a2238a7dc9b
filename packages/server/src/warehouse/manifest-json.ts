/**
 * Manifests and pointers as JSON text. Ids are written as bare JSON numbers (what Iceberg and
 * other engines expect of a `long`) and read back as exact decimal strings. Whatever is read is
 * checked field by field: a damaged file is reported as such (MW8104), never half-trusted.
 */
import { UnavailableError } from '@meshwork/core';
import { parseJsonWithIntegerKeys, stringifyWithIntegerKeys } from './integer-json.js';
import { isSnapshotId } from './snapshot-id.js';
import type { CurrentPointer, SnapshotManifest } from './snapshot-manifest.js';

const ID_KEYS: ReadonlySet<string> = new Set(['snapshotId', 'parentSnapshotId']);
const METADATA_FILE = /^metadata\/v[1-9][0-9]*\.metadata\.json$/;

export function encodeManifest(manifest: SnapshotManifest): string {
  // Fixed key order, so that equal manifests are equal files.
  const ordered = {
    formatVersion: manifest.formatVersion,
    snapshotId: manifest.snapshotId,
    parentSnapshotId: manifest.parentSnapshotId,
    sequenceNumber: manifest.sequenceNumber,
    productId: manifest.productId,
    port: manifest.port,
    major: manifest.major,
    runId: manifest.runId,
    createdAt: manifest.createdAt,
    contract: manifest.contract,
    schema: manifest.schema,
    rowCount: manifest.rowCount,
    files: manifest.files,
    columnStats: manifest.columnStats,
    checks: manifest.checks,
    ...(manifest.profile === undefined ? {} : { profile: manifest.profile }),
    ...(manifest.audit === undefined ? {} : { audit: manifest.audit }),
  };
  return `${stringifyWithIntegerKeys(ordered, ID_KEYS)}\n`;
}

export function encodePointer(pointer: CurrentPointer): string {
  const ordered = {
    snapshotId: pointer.snapshotId,
    sequenceNumber: pointer.sequenceNumber,
    updatedAt: pointer.updatedAt,
    ...(pointer.metadata === undefined ? {} : { metadata: pointer.metadata }),
  };
  return `${stringifyWithIntegerKeys(ordered, ID_KEYS)}\n`;
}

/** `source` names the file in the error when the text is not a manifest. */
export function decodeManifest(text: string, source: string): SnapshotManifest {
  const value = parse(text, source);
  const problem = manifestProblem(value);
  if (problem) throw damaged(source, problem);
  return value as unknown as SnapshotManifest;
}

export function decodePointer(text: string, source: string): CurrentPointer {
  const value = parse(text, source);
  if (!isSnapshotId(value.snapshotId)) throw damaged(source, 'snapshotId is not a snapshot id');
  if (!isCount(value.sequenceNumber) || value.sequenceNumber < 1) throw damaged(source, 'bad sequenceNumber');
  if (!isTimestamp(value.updatedAt)) throw damaged(source, 'updatedAt is not an ISO timestamp');
  const pointer = { snapshotId: value.snapshotId, sequenceNumber: value.sequenceNumber, updatedAt: value.updatedAt };
  if (value.metadata === undefined) return pointer;
  if (typeof value.metadata !== 'string' || !METADATA_FILE.test(value.metadata)) {
    throw damaged(source, 'metadata is not a metadata/v<N>.metadata.json file');
  }
  return { ...pointer, metadata: value.metadata };
}

type Json = Record<string, unknown>;

function parse(text: string, source: string): Json {
  let value: unknown;
  try {
    value = parseJsonWithIntegerKeys(text, ID_KEYS);
  } catch (error) {
    throw damaged(source, error instanceof Error ? error.message : String(error));
  }
  if (!isObject(value)) throw damaged(source, 'not a JSON object');
  return value;
}

function manifestProblem(m: Json): string | undefined {
  if (m.formatVersion !== 1) return `unsupported formatVersion ${JSON.stringify(m.formatVersion)}`;
  if (!isSnapshotId(m.snapshotId)) return 'snapshotId is not a snapshot id';
  if (m.parentSnapshotId !== null && !isSnapshotId(m.parentSnapshotId)) return 'bad parentSnapshotId';
  if (!isCount(m.sequenceNumber) || m.sequenceNumber < 1) return 'bad sequenceNumber';
  for (const key of ['productId', 'port', 'runId'] as const) if (!isText(m[key])) return `bad ${key}`;
  if (!isCount(m.major)) return 'bad major';
  if (!isTimestamp(m.createdAt)) return 'createdAt is not an ISO timestamp';
  if (!isObject(m.contract) || !isText(m.contract.id) || !isText(m.contract.version)) return 'bad contract';
  if (!isCount(m.rowCount)) return 'bad rowCount';
  if (!isArrayOf(m.schema, (c) => isText(c.name) && isText(c.type) && typeof c.nullable === 'boolean')) {
    return 'bad schema';
  }
  if (!isArrayOf(m.files, (f) => isText(f.path) && isCount(f.sizeBytes) && isCount(f.rowCount))) return 'bad files';
  if (!isArrayOf(m.columnStats, (s) => isText(s.column) && isCount(s.nullCount))) return 'bad columnStats';
  const checks = m.checks;
  if (!isObject(checks) || !isCount(checks.passed) || !isCount(checks.failed) || !isCount(checks.warnings)) {
    return 'bad checks';
  }
  if (m.profile !== undefined) {
    const problem = profileProblem(m.profile);
    if (problem) return `bad profile: ${problem}`;
  }
  return undefined;
}

/**
 * What is wrong with a snapshot profile (see SnapshotColumnProfile), if anything. Checked when
 * publishing too, so that a published manifest always reads back.
 */
export function profileProblem(profile: unknown): string | undefined {
  if (!Array.isArray(profile)) return 'not a list';
  for (const entry of profile) {
    if (!isObject(entry) || !isText(entry.column)) return 'an entry without a column name';
    const label = JSON.stringify(entry.column);
    if (!isCount(entry.sampled)) return `sampled of ${label} is not a count`;
    if (!isObject(entry.matches) || !Object.values(entry.matches).every(isFraction)) {
      return `matches of ${label} must map detector names to fractions between 0 and 1`;
    }
    const pattern = entry.pattern;
    if (pattern !== undefined && (!isObject(pattern) || !isText(pattern.regex) || !isFraction(pattern.matched))) {
      return `pattern of ${label} needs a regex and a fraction matched`;
    }
  }
  return undefined;
}

function damaged(source: string, problem: string): UnavailableError {
  return new UnavailableError('MW8104', `Warehouse metadata damaged: ${source}: ${problem}.`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isFraction(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isArrayOf(value: unknown, check: (item: Json) => boolean): boolean {
  return Array.isArray(value) && value.every((item) => isObject(item) && check(item));
}
