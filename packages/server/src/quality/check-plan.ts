/**
 * A check between planning and result: the scan units it reads, and how it turns their values
 * into a result. Planning registers aggregates; nothing runs until the scan does.
 */
import type { ScanOutcome } from './aggregate-scan.js';
import type { CheckResult } from './check-types.js';
import type { ColumnSpec, TableSpec } from './contract-table-spec.js';
import type { ScanFacts } from './scan-facts.js';
import { findColumn, type StagedColumn } from './staged-columns.js';

/** What a result says about the check itself, whatever its outcome. */
export type CheckBase = Omit<CheckResult, 'status' | 'message' | 'observed'>;

export interface PlannedCheck {
  readonly base: CheckBase;
  /** Units whose values `finish` reads; if one failed, the check is in error. */
  readonly units: readonly string[];
  finish(scan: ScanOutcome): CheckResult;
}

export interface PlanContext {
  readonly spec: TableSpec;
  readonly staged: readonly StagedColumn[];
  readonly facts: ScanFacts;
}

/** A check whose result is known without scanning. */
export function settled(result: CheckResult): PlannedCheck {
  return { base: result, units: [], finish: () => result };
}

/** The result of a check that could not be evaluated. */
export function errored(base: CheckBase, message: string): CheckResult {
  return { ...base, status: 'error', message };
}

/** The settled error of a check on a contract column the data does not have. */
export function missingColumnCheck(base: CheckBase, column: ColumnSpec): PlannedCheck {
  return settled(errored(base, `not evaluated: column "${column.column}" is missing from the data`));
}

/** The data column a contract column refers to, if the data has it. */
export function stagedColumn(context: PlanContext, column: ColumnSpec): StagedColumn | undefined {
  return findColumn(context.staged, column.column);
}

/** Settles a planned check against the scan outcome. */
export function settle(check: PlannedCheck, scan: ScanOutcome): CheckResult {
  for (const unit of check.units) {
    const error = scan.error(unit);
    if (error) return errored(check.base, `could not be evaluated: ${error}`);
  }
  try {
    return check.finish(scan);
  } catch (error) {
    return errored(check.base, `could not be evaluated: ${error instanceof Error ? error.message : String(error)}`);
  }
}
