/**
 * What checking staged data against its ODCS contract reports: one result per check, whether
 * the snapshot may be published, and the column statistics gathered on the way.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Which part of the contract a check comes from. */
export type CheckKind = 'schema' | 'required' | 'unique' | 'primaryKey' | 'logicalTypeOptions' | 'quality';

/**
 * `recorded`: the rule is kept in the report but not executed (`text` and `custom` rules, and
 * contract details Meshwork cannot evaluate, such as a physical type written for another
 * database). `error`: the check could not be evaluated (bad SQL, missing column…).
 */
export type CheckStatus = 'passed' | 'failed' | 'error' | 'recorded';

export interface CheckResult {
  /** Stable across runs of the same contract, e.g. `schema:column:email`, `quality:email:0`. */
  readonly id: string;
  readonly kind: CheckKind;
  /** The data column the check is about (the ODCS `physicalName`, else `name`). */
  readonly column?: string;
  /** The library metric, the SQL query or the text of the rule. */
  readonly rule?: string;
  readonly status: CheckStatus;
  /** Whether a `failed` or `error` status stops the publish. */
  readonly blocking: boolean;
  /** What was measured: usually a number of rows (or a percentage), a type for schema checks. */
  readonly observed?: number | string;
  /** What the contract asks for, e.g. `mustBe 0`, `mustBeBetween [1, 10]`. */
  readonly threshold?: string;
  /** What the result means, for humans. */
  readonly message: string;
  readonly dimension?: string;
  readonly severity?: string;
}

/** Statistics of one data column, from the same scan as the checks (for the manifest). */
export interface ColumnStats {
  readonly column: string;
  readonly nullCount: number;
  /** Exact, and only for columns whose distinct values a check counted anyway. */
  readonly distinctCount?: number;
  /** Lower and upper bounds for orderable scalar columns (numbers, text, dates, times…). */
  readonly min?: number | string | boolean;
  readonly max?: number | string | boolean;
}

export interface CheckReport {
  readonly checks: readonly CheckResult[];
  /** True when no blocking check failed or errored. */
  readonly passed: boolean;
  readonly rowCount: number;
  readonly columnStats: readonly ColumnStats[];
}

export interface CheckContractOptions {
  /** The connection the staged data is readable from. */
  readonly connection: DuckDBConnection;
  /** A SQL relation for the staged data, e.g. `read_parquet(['/abs/a.parquet'])`. */
  readonly relation: string;
  /** The raw ODCS `schema[i]` object describing this table (v3.1.0 or v3.0.x). */
  readonly schemaObject: object;
  /**
   * The whole raw ODCS document. Not read yet: both v3.0.x and v3.1.0 readings are decided by
   * the values themselves (a boolean `exclusiveMinimum`, a `rule` instead of a `metric`); kept
   * for document-level checks (servers, SLA) to come.
   */
  readonly contract: object;
}
