/**
 * Column statistics for the warehouse manifest, from the same scan as the checks: null counts
 * always, bounds for orderable scalar columns, and exact distinct counts where a check
 * counted them anyway (counting distinct values of every column would double a scan's cost).
 */
import type { ScanOutcome } from './aggregate-scan.js';
import type { ColumnStats } from './check-types.js';
import { isIntegerType, isOrderableScalar } from './logical-type-compatibility.js';
import type { ScanFacts, Fact } from './scan-facts.js';
import type { StagedColumn } from './staged-columns.js';

export type StatsReader = (scan: ScanOutcome) => ColumnStats[];

export function planColumnStats(facts: ScanFacts, columns: readonly StagedColumn[]): StatsReader {
  const rows = facts.rowCount();
  const planned = columns.map((column) => {
    const orderable = column.type !== undefined && isOrderableScalar(column.type);
    const unit = `stats:${JSON.stringify(column.name)}`;
    return {
      column,
      nonNull: facts.nonNullCount(column),
      min: orderable ? facts.scan.aggregate(unit, `min(${column.sql})`) : undefined,
      max: orderable ? facts.scan.aggregate(unit, `max(${column.sql})`) : undefined,
      unit,
    };
  });
  return (scan) =>
    planned.flatMap(({ column, nonNull, min, max, unit }) => {
      const total = readCount(scan, rows);
      const present = readCount(scan, nonNull);
      if (total === undefined || present === undefined) return [];
      const distinct = facts.countedDistinct().get(column.name);
      const bounded = min !== undefined && max !== undefined && !scan.error(unit);
      return [
        {
          column: column.name,
          nullCount: total - present,
          ...(distinct && readCount(scan, distinct) !== undefined ? { distinctCount: readCount(scan, distinct) } : {}),
          ...(bounded ? bounds(column, scan.value(min), scan.value(max)) : {}),
        },
      ];
    });
}

/** A count from the scan, or undefined when its unit failed. */
export function readCount(scan: ScanOutcome, fact: Fact): number | undefined {
  if (scan.error(fact.unit)) return undefined;
  const value = scan.value(fact.alias);
  if (value === undefined || value === null) return undefined;
  return Number(value);
}

function bounds(column: StagedColumn, min: unknown, max: unknown): Pick<ColumnStats, 'min' | 'max'> {
  const read = (value: unknown): ColumnStats['min'] => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    const text = String(value);
    // Integers come as text (they may exceed 2^53); keep them numbers when that is exact.
    if (column.type && isIntegerType(column.type) && Number.isSafeInteger(Number(text))) return Number(text);
    return text;
  };
  const low = read(min);
  const high = read(max);
  return { ...(low !== undefined ? { min: low } : {}), ...(high !== undefined ? { max: high } : {}) };
}
