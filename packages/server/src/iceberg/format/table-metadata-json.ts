/**
 * Table metadata files (`metadata/v<N>.metadata.json`) as text: written with 64-bit ids as bare
 * JSON numbers, read back with every snapshot id as a `bigint` and checked against the spec
 * before anything trusts it.
 */
import { InputError, UnavailableError } from '@meshwork/core';
import { parseIcebergJson, stringifyIcebergJson, toLong } from '../iceberg-json.js';
import type { IcebergTableMetadata } from '../table-metadata.js';
import { tableMetadataProblems } from './table-metadata-validation.js';

export function encodeTableMetadata(metadata: IcebergTableMetadata): string {
  assertTableMetadata(metadata, 'the metadata being written');
  return `${stringifyIcebergJson(metadata, 2)}\n`;
}

/** `source` (a path or URI) names the file in the error when the text is not valid metadata. */
export function decodeTableMetadata(text: string, source: string): IcebergTableMetadata {
  let value: unknown;
  try {
    value = parseIcebergJson(text);
  } catch (error) {
    throw damaged(source, error instanceof Error ? error.message : String(error));
  }
  const problems = tableMetadataProblems(value);
  if (problems.length > 0) throw damaged(source, problems.slice(0, 5).join('; '));
  return withLongIds(value as Record<string, unknown>);
}

/** Throws InputError MW8204 listing what the spec's required fields lack. */
export function assertTableMetadata(value: unknown, what: string): void {
  const problems = tableMetadataProblems(value);
  if (problems.length > 0) {
    throw new InputError('MW8204', `Invalid Iceberg table metadata (${what}): ${problems.join('; ')}.`);
  }
}

/** Snapshot ids as bigints wherever the spec has them, whatever size they had in the text. */
function withLongIds(m: Record<string, unknown>): IcebergTableMetadata {
  const long = (value: unknown) => toLong(value)!;
  const records = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined);
  const snapshots = records(m.snapshots)?.map((s) => ({
    ...s,
    'snapshot-id': long(s['snapshot-id']),
    ...(s['parent-snapshot-id'] === undefined || s['parent-snapshot-id'] === null
      ? {}
      : { 'parent-snapshot-id': long(s['parent-snapshot-id']) }),
    'sequence-number': Number(s['sequence-number']),
    'timestamp-ms': Number(s['timestamp-ms']),
  }));
  const refs =
    m.refs === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(m.refs as Record<string, Record<string, unknown>>).map(([name, ref]) => [
            name,
            { ...ref, 'snapshot-id': long(ref['snapshot-id']) },
          ]),
        );
  const log = records(m['snapshot-log'])?.map((e) => ({
    'timestamp-ms': Number(e['timestamp-ms']),
    'snapshot-id': long(e['snapshot-id']),
  }));
  const current = m['current-snapshot-id'];
  return {
    ...m,
    'last-sequence-number': Number(m['last-sequence-number']),
    'last-updated-ms': Number(m['last-updated-ms']),
    ...(current === undefined || current === null ? {} : { 'current-snapshot-id': long(current) }),
    ...(snapshots === undefined ? {} : { snapshots }),
    ...(refs === undefined ? {} : { refs }),
    ...(log === undefined ? {} : { 'snapshot-log': log }),
  } as unknown as IcebergTableMetadata;
}

function damaged(source: string, problem: string): UnavailableError {
  return new UnavailableError('MW8203', `Iceberg table metadata damaged: ${source}: ${problem}.`);
}
