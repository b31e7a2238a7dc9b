/**
 * One blocking check per `logicalTypeOptions` entry of each column. Value checks count the
 * non-null rows that violate the option, all inside the shared scan; type-level ones
 * (`timezone`, struct fields of `required`) are settled from the column type.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import {
  errored,
  missingColumnCheck,
  settled,
  stagedColumn,
  type CheckBase,
  type PlanContext,
  type PlannedCheck,
} from './check-plan.js';
import { readCount } from './column-stats.js';
import type { ColumnSpec } from './contract-table-spec.js';
import { optionCheck } from './option-predicates.js';
import type { StagedColumn } from './staged-columns.js';

export function planTypeOptionChecks(context: PlanContext): PlannedCheck[] {
  return context.spec.columns.flatMap((column) =>
    Object.entries(column.options).flatMap(([option, value]) => {
      const base: CheckBase = {
        id: `logicalTypeOptions:${column.column}:${option}`,
        kind: 'logicalTypeOptions',
        column: column.column,
        rule: option,
        blocking: true,
        threshold: `${option} ${JSON.stringify(value)}`,
        dimension: 'conformity',
      };
      const staged = stagedColumn(context, column);
      if (!staged) return [missingColumnCheck(base, column)];
      try {
        const check = planOption(context, base, column, staged, option, value);
        return check ? [check] : [];
      } catch (error) {
        return [
          settled(errored(base, `could not be planned: ${error instanceof Error ? error.message : String(error)}`)),
        ];
      }
    }),
  );
}

function planOption(
  context: PlanContext,
  base: CheckBase,
  column: ColumnSpec,
  staged: StagedColumn,
  option: string,
  value: unknown,
): PlannedCheck | undefined {
  const scan = context.facts.scan;
  const unit = base.id;
  const check = optionCheck({
    option,
    value,
    options: column.options,
    logicalType: column.logicalType,
    column: staged,
    bind: (bound: DuckDBValue) => scan.param(unit, bound),
  });
  if (!check) return undefined;
  switch (check.kind) {
    case 'recorded':
      return settled({ ...base, blocking: false, status: 'recorded', message: `${check.reason}.` });
    case 'invalid':
      return settled(errored(base, `logicalTypeOptions.${option} ${check.reason}.`));
    case 'settled':
      return settled({
        ...base,
        status: check.passed ? 'passed' : 'failed',
        observed: check.observed,
        message: `"${staged.name}": ${check.message}.`,
      });
    case 'predicate': {
      const violations = {
        unit,
        alias: scan.aggregate(unit, `count(*) FILTER (WHERE ${staged.sql} IS NOT NULL AND (${check.sql}))`),
      };
      return {
        base,
        units: [unit],
        finish: (outcome) => {
          const observed = readCount(outcome, violations)!;
          return {
            ...base,
            observed,
            status: observed === 0 ? 'passed' : 'failed',
            message:
              observed === 0
                ? `Every value of "${staged.name}" satisfies ${base.threshold}.`
                : `${observed} row(s) of "${staged.name}" violate ${base.threshold}.`,
          };
        },
      };
    }
  }
}
