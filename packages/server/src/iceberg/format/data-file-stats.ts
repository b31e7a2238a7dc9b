/**
 * A data file's column statistics for its manifest entry, from its Parquet footer: per top-level
 * primitive column (by Iceberg field id) the compressed bytes, the values (nulls included), the
 * nulls, and the bounds over all row groups — min of the minimums, max of the maximums.
 *
 * A bound is written only when it is certain: every row group holding a non-null value must
 * carry an exact statistic for it (DuckDB writes none for a float row group holding NaN, nor for
 * the side an infinity is on, and flags strings it truncated as inexact), else the file gets no
 * bound on that side.
 * A column of nulls only has counts and no bounds. Nested columns get nothing: their Parquet
 * leaves count list elements, not rows. NaN counts are not written — the footer does not hold
 * them, and a wrong NaN count would make engines skip files that match `isnan(x)`.
 */
import type { IcebergSchema, IcebergType } from '../table-metadata.js';
import {
  boundKind,
  compareBounds,
  encodeLowerBound,
  encodeUpperBound,
  parseBound,
  type BoundKind,
  type BoundValue,
} from './single-value-bounds.js';

/** The statistics of one data file, by Iceberg field id (maps of a manifest's `data_file`). */
export interface DataFileStats {
  readonly columnSizes: ReadonlyMap<number, bigint>;
  readonly valueCounts: ReadonlyMap<number, bigint>;
  readonly nullValueCounts: ReadonlyMap<number, bigint>;
  readonly lowerBounds: ReadonlyMap<number, Buffer>;
  readonly upperBounds: ReadonlyMap<number, Buffer>;
}

/** A top-level primitive column: its Parquet leaf (`column_id` in `parquet_metadata`) and type. */
export interface StatsColumn {
  readonly fieldId: number;
  readonly name: string;
  /** Position among the file's leaf columns, depth first. */
  readonly leaf: number;
  readonly icebergType: string;
  /** Undefined: counts only (uuid, fixed). */
  readonly bounds: BoundKind | undefined;
}

/** One column chunk (column × row group) of a footer, bounds as `parquet-stats-query.ts` gives them. */
export interface ColumnChunkStats {
  readonly leaf: number;
  readonly path: string;
  readonly numValues: bigint;
  readonly nullCount: bigint | null;
  readonly compressedBytes: bigint;
  readonly min: string | null;
  readonly max: string | null;
  readonly minExact: boolean | null;
  readonly maxExact: boolean | null;
}

/** The columns that get statistics, with their leaf positions in a file written with `schema`. */
export function statsColumns(schema: IcebergSchema): StatsColumn[] {
  const columns: StatsColumn[] = [];
  let leaf = 0;
  for (const field of schema.fields) {
    if (typeof field.type === 'string') {
      columns.push({
        fieldId: field.id,
        name: field.name,
        leaf,
        icebergType: field.type,
        bounds: boundKind(field.type),
      });
    }
    leaf += leafCount(field.type);
  }
  return columns;
}

/** The statistics of one file from its column chunks (any order; other columns ignored). */
export function dataFileStats(columns: readonly StatsColumn[], chunks: readonly ColumnChunkStats[]): DataFileStats {
  const stats = {
    columnSizes: new Map<number, bigint>(),
    valueCounts: new Map<number, bigint>(),
    nullValueCounts: new Map<number, bigint>(),
    lowerBounds: new Map<number, Buffer>(),
    upperBounds: new Map<number, Buffer>(),
  };
  for (const column of columns) {
    const own = chunks.filter((chunk) => chunk.leaf === column.leaf);
    // A file whose leaf holds another column (written with another schema) gets nothing for it.
    if (own.length === 0 || own.some((chunk) => chunk.path !== column.name)) continue;
    stats.columnSizes.set(column.fieldId, sum(own.map((chunk) => chunk.compressedBytes)));
    stats.valueCounts.set(column.fieldId, sum(own.map((chunk) => chunk.numValues)));
    const nulls = own.map((chunk) => chunk.nullCount);
    if (nulls.every((count) => count !== null)) stats.nullValueCounts.set(column.fieldId, sum(nulls));
    if (column.bounds === undefined) continue;
    const lower = extreme(column.bounds, own, 'min');
    const upper = extreme(column.bounds, own, 'max');
    const lowerBytes = lower === undefined ? undefined : encodeLowerBound(column.bounds, lower);
    const upperBytes = upper === undefined ? undefined : encodeUpperBound(column.bounds, upper);
    if (lowerBytes) stats.lowerBounds.set(column.fieldId, lowerBytes);
    if (upperBytes) stats.upperBounds.set(column.fieldId, upperBytes);
  }
  return stats;
}

/** Min of the minimums (or max of the maximums) over the row groups that hold a value. */
function extreme(kind: BoundKind, chunks: readonly ColumnChunkStats[], side: 'min' | 'max'): BoundValue | undefined {
  let found: BoundValue | undefined;
  for (const chunk of chunks) {
    if (chunk.nullCount !== null && chunk.nullCount === chunk.numValues) continue; // nulls only
    const text = side === 'min' ? chunk.min : chunk.max;
    const exact = side === 'min' ? chunk.minExact : chunk.maxExact;
    if (text === null || exact !== true) return undefined;
    const value = parseBound(kind, text);
    if (value === undefined) return undefined;
    const order = found === undefined ? 0 : compareBounds(value, found);
    if (found === undefined || (side === 'min' ? order < 0 : order > 0)) found = value;
  }
  return found;
}

function leafCount(type: IcebergType): number {
  if (typeof type === 'string') return 1;
  switch (type.type) {
    case 'struct':
      return type.fields.reduce((count, field) => count + leafCount(field.type), 0);
    case 'list':
      return leafCount(type.element);
    case 'map':
      return leafCount(type.key) + leafCount(type.value);
  }
}

function sum(values: readonly (bigint | null)[]): bigint {
  return values.reduce<bigint>((total, value) => total + (value ?? 0n), 0n);
}
