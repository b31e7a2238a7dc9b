/**
 * `required`, `unique` and `primaryKey`: no NULLs, no duplicate non-null values, and key
 * columns (ordered by `primaryKeyPosition`) that are together non-null and unique. Observed
 * values are numbers of offending rows; all are blocking.
 */
import {
  missingColumnCheck,
  settled,
  stagedColumn,
  errored,
  type CheckBase,
  type PlanContext,
  type PlannedCheck,
} from './check-plan.js';
import { readCount } from './column-stats.js';
import { primaryKeyColumns } from './contract-table-spec.js';
import { findColumn, type StagedColumn } from './staged-columns.js';

export function planKeyChecks(context: PlanContext): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  for (const column of context.spec.columns) {
    const staged = stagedColumn(context, column);
    if (column.required) {
      const base = blocking(`required:${column.column}`, 'required', column.column);
      checks.push(staged ? requiredCheck(context, base, staged) : missingColumnCheck(base, column));
    }
    if (column.unique) {
      const base = blocking(`unique:${column.column}`, 'unique', column.column);
      checks.push(staged ? uniqueCheck(context, base, staged) : missingColumnCheck(base, column));
    }
  }
  const key = primaryKeyColumns(context.spec);
  if (key.length > 0)
    checks.push(
      primaryKeyCheck(
        context,
        key.map((c) => c.column),
      ),
    );
  return checks;
}

function blocking(id: string, kind: 'required' | 'unique' | 'primaryKey', column?: string): CheckBase {
  const dimension = kind === 'required' ? 'completeness' : 'uniqueness';
  return { id, kind, ...(column !== undefined ? { column } : {}), blocking: true, threshold: 'mustBe 0', dimension };
}

function requiredCheck(context: PlanContext, base: CheckBase, staged: StagedColumn): PlannedCheck {
  const rows = context.facts.rowCount();
  const present = context.facts.nonNullCount(staged);
  return {
    base,
    units: [rows.unit, present.unit],
    finish: (scan) => {
      const nulls = readCount(scan, rows)! - readCount(scan, present)!;
      return {
        ...base,
        observed: nulls,
        status: nulls === 0 ? 'passed' : 'failed',
        message:
          nulls === 0
            ? `"${staged.name}" has no NULLs.`
            : `"${staged.name}" is required but ${nulls} row(s) are NULL: fill them in the step's SQL or filter them out.`,
      };
    },
  };
}

function uniqueCheck(context: PlanContext, base: CheckBase, staged: StagedColumn): PlannedCheck {
  const present = context.facts.nonNullCount(staged);
  const distinct = context.facts.distinctCount([staged]);
  return {
    base,
    units: [present.unit, distinct.unit],
    finish: (scan) => {
      const duplicates = readCount(scan, present)! - readCount(scan, distinct)!;
      return {
        ...base,
        observed: duplicates,
        status: duplicates === 0 ? 'passed' : 'failed',
        message:
          duplicates === 0
            ? `"${staged.name}" has no duplicate values.`
            : `"${staged.name}" is unique but ${duplicates} row(s) repeat a value already present.`,
      };
    },
  };
}

function primaryKeyCheck(context: PlanContext, names: readonly string[]): PlannedCheck {
  const label = names.join(', ');
  const base: CheckBase = {
    ...blocking(`primaryKey:${names.join(',')}`, 'primaryKey', names.length === 1 ? names[0] : undefined),
    rule: `primaryKey (${label})`,
  };
  const staged = names.map((name) => findColumn(context.staged, name));
  const missing = names.filter((_, index) => !staged[index]);
  if (missing.length > 0) {
    return settled(errored(base, `not evaluated: key column(s) ${missing.join(', ')} missing from the data`));
  }
  const columns = staged as StagedColumn[];
  const rows = context.facts.rowCount();
  const complete = context.facts.completeRows(columns);
  const distinct = context.facts.distinctCount(columns);
  return {
    base,
    units: [rows.unit, complete.unit, distinct.unit],
    finish: (scan) => {
      const total = readCount(scan, rows)!;
      const full = readCount(scan, complete)!;
      const nullKeys = total - full;
      const duplicates = full - readCount(scan, distinct)!;
      const observed = nullKeys + duplicates;
      return {
        ...base,
        observed,
        status: observed === 0 ? 'passed' : 'failed',
        message:
          observed === 0
            ? `Primary key (${label}) is non-null and unique.`
            : `Primary key (${label}) is violated: ${nullKeys} row(s) with a NULL key column, ${duplicates} row(s) repeating a key.`,
      };
    },
  };
}
