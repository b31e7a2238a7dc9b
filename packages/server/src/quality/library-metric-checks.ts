/**
 * ODCS library metrics inside the shared scan. Each metric counts offending rows:
 * - nullValues: NULLs;
 * - missingValues: NULLs (always missing) plus values in `arguments.missingValues`;
 * - invalidValues: non-null values not in `arguments.validValues` or not fully matching
 *   `arguments.pattern` (NULLs are missing, not invalid);
 * - duplicateValues: non-null values that repeat an earlier one (count − distinct); at table
 *   level over `arguments.properties` together (all columns when absent), rows with a NULL in
 *   one of them excepted, as for a primary key;
 * - rowCount: the rows.
 * `unit: percent` divides by the row count (0 rows → 0 %).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { readCount } from './column-stats.js';
import { errored, settled, type CheckBase, type PlanContext, type PlannedCheck } from './check-plan.js';
import type { Fact } from './scan-facts.js';
import type { QualityRule } from './quality-rule-reader.js';
import { meetsThreshold } from './quality-threshold.js';
import { findColumn, type StagedColumn } from './staged-columns.js';
import { inListSql } from './value-matching.js';

type LibraryRule = Extract<QualityRule, { kind: 'library' }>;

export function planLibraryRule(context: PlanContext, rule: LibraryRule, base: CheckBase): PlannedCheck {
  const column = rule.column === undefined ? undefined : findColumn(context.staged, rule.column);
  if (rule.column !== undefined && !column) {
    return settled(errored(base, `not evaluated: column "${rule.column}" is missing from the data`));
  }
  const counted = violations(context, rule, base.id, column);
  if (typeof counted === 'string') return settled(errored(base, counted));
  const rows = context.facts.rowCount();
  return {
    base,
    units: [rows.unit, ...counted.map((fact) => fact.unit)],
    finish: (scan) => {
      const total = readCount(scan, rows)!;
      const [first, second] = counted.map((fact) => readCount(scan, fact)!);
      const count = rule.metric === 'rowCount' ? total : second === undefined ? first! : first! - second;
      const observed = rule.percent ? percentage(count, total) : count;
      const passed = meetsThreshold(rule.threshold, observed);
      const what = `${rule.metric}${column && rule.metric !== 'rowCount' ? ` of "${column.name}"` : ''}`;
      const amount = rule.percent
        ? `${observed}% (${count} of ${total} rows)`
        : `${count}${rule.metric === 'rowCount' ? '' : ' row(s)'}`;
      return {
        ...base,
        observed,
        status: passed ? 'passed' : 'failed',
        message: passed
          ? `${what} is ${amount}: meets ${rule.threshold.text}.`
          : `${what} is ${amount}, but the contract requires ${rule.threshold.text}.`,
      };
    },
  };
}

/**
 * The facts a metric needs: one count of offending rows, or two whose difference is (total
 * and distinct for duplicates). A string explains why the rule cannot be run.
 */
function violations(
  context: PlanContext,
  rule: LibraryRule,
  unit: string,
  column: StagedColumn | undefined,
): Fact[] | string {
  const { facts } = context;
  const scan = facts.scan;
  const bind = (value: DuckDBValue) => scan.param(unit, value);
  switch (rule.metric) {
    case 'rowCount':
      return [];
    case 'nullValues':
      return [facts.rowCount(), facts.nonNullCount(column!)];
    case 'missingValues': {
      const listed = rule.arguments.missingValues ?? [];
      if (!Array.isArray(listed)) return 'arguments.missingValues must be a list of values';
      const sql = `count(*) FILTER (WHERE ${column!.sql} IS NULL OR ${inListSql(column!, listed, bind)})`;
      return [{ unit, alias: scan.aggregate(unit, sql) }];
    }
    case 'invalidValues': {
      const invalid = invalidPredicate(column!, rule, bind);
      if ('problem' in invalid) return invalid.problem;
      const sql = `count(*) FILTER (WHERE ${column!.sql} IS NOT NULL AND (${invalid.sql}))`;
      return [{ unit, alias: scan.aggregate(unit, sql) }];
    }
    case 'duplicateValues': {
      const columns = column ? [column] : tableDuplicateColumns(context, rule);
      if (typeof columns === 'string') return columns;
      return [facts.completeRows(columns), facts.distinctCount(columns)];
    }
  }
}

/** SQL true for an invalid value, or why the rule is unusable. */
function invalidPredicate(
  column: StagedColumn,
  rule: LibraryRule,
  bind: (value: DuckDBValue) => string,
): { sql: string } | { problem: string } {
  const { validValues, pattern } = rule.arguments;
  const parts: string[] = [];
  if (validValues !== undefined) {
    if (!Array.isArray(validValues)) return { problem: 'arguments.validValues must be a list of values' };
    parts.push(`NOT ${inListSql(column, validValues, bind)}`);
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') return { problem: 'arguments.pattern must be a regular expression' };
    const text =
      column.type?.kind === 'scalar' && column.type.name === 'VARCHAR' ? column.sql : `CAST(${column.sql} AS VARCHAR)`;
    parts.push(`NOT regexp_full_match(${text}, ${bind(pattern)})`);
  }
  if (parts.length === 0) return { problem: 'invalidValues needs arguments.validValues or arguments.pattern' };
  return { sql: parts.join(' OR ') };
}

function tableDuplicateColumns(context: PlanContext, rule: LibraryRule): StagedColumn[] | string {
  const listed = rule.arguments.properties;
  if (listed !== undefined && (!Array.isArray(listed) || !listed.every((p) => typeof p === 'string'))) {
    return 'arguments.properties must be a list of property names';
  }
  const names =
    (listed as string[] | undefined)?.map(
      (name) => context.spec.columns.find((c) => c.property === name || c.column === name)?.column ?? name,
    ) ?? context.spec.columns.map((c) => c.column);
  const columns = names.map((name) => findColumn(context.staged, name));
  const missing = names.filter((_, index) => !columns[index]);
  if (missing.length > 0) return `not evaluated: column(s) ${missing.join(', ')} missing from the data`;
  if (columns.length === 0) return 'duplicateValues at table level needs columns to compare';
  return columns as StagedColumn[];
}

/** A percentage, rounded to 6 decimals so float noise does not decide a threshold. */
function percentage(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100 * 1e6) / 1e6;
}
