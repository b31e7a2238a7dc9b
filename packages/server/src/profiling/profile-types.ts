/** What profiling says about the columns of a relation: rates over a sample, never values. */
import type { DetectorName } from './value-validators.js';

export interface ColumnProfile {
  readonly column: string;
  /** Non-null values looked at (at most the sample size). */
  readonly sampled: number;
  /** Per detector, the fraction (0..1) of the sampled values it accepts; 0 when nothing was sampled. */
  readonly matches: Readonly<Record<DetectorName, number>>;
  /**
   * The fraction of the sampled values that fully match the column's pattern (RE2, as the
   * contract check reads it). Absent when the column has no pattern or RE2 cannot compile it.
   */
  readonly pattern?: { readonly regex: string; readonly matched: number };
}

export interface ProfileOptions {
  /** Non-null values sampled per column: 1 to 100,000, default 1000. */
  readonly sampleSize?: number;
  /** Column → regular expression (the ODCS `logicalTypeOptions.pattern`), to measure how many values match. */
  readonly patterns?: ReadonlyMap<string, string>;
}

/** A column as `DESCRIBE` reports it; `type` is DuckDB's spelling (`VARCHAR`, `BIGINT`…). */
export interface ProfiledColumnInput {
  readonly name: string;
  readonly type: string;
}

export const DEFAULT_SAMPLE_SIZE = 1000;
