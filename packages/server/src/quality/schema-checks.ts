/**
 * Schema conformance, from the staged data's column types alone (no scan): every contract
 * column is present under its exact name, no column is extra, logical types are honoured and
 * declared physical types match. All blocking: the schema is the core of the promise.
 *
 * Extra columns fail. A consumer cannot rely on a column the contract does not describe (no
 * meaning, no classification, no quality), and publishing one would leak data no policy has
 * classified — so the producer adds it to the contract (a non-breaking change) or drops it.
 */
import { settled, type PlanContext, type PlannedCheck } from './check-plan.js';
import type { CheckResult } from './check-types.js';
import type { ColumnSpec } from './contract-table-spec.js';
import { formatDuckType, parseDuckType } from './duckdb-type-parser.js';
import { LOGICAL_TYPE_EXPECTATIONS, logicalTypeAccepts } from './logical-type-compatibility.js';
import { findColumn, type StagedColumn } from './staged-columns.js';

export function planSchemaChecks(context: PlanContext): PlannedCheck[] {
  const results: CheckResult[] = [];
  for (const column of context.spec.columns) {
    const staged = findColumn(context.staged, column.column);
    results.push(presence(column, staged));
    if (!staged) continue;
    if (column.logicalType !== undefined) results.push(logicalType(column, staged));
    if (column.physicalType !== undefined) results.push(physicalType(column, staged, column.physicalType));
  }
  for (const staged of context.staged) {
    const described = context.spec.columns.some((column) => findColumn([staged], column.column));
    if (!described) results.push(extra(staged));
  }
  // ODCS's dimension for "the data has the declared shape".
  return results.map((result) => settled({ ...result, dimension: 'conformity' }));
}

function presence(column: ColumnSpec, staged: StagedColumn | undefined): CheckResult {
  const base = { id: `schema:column:${column.column}`, kind: 'schema', column: column.column, blocking: true } as const;
  if (!staged) {
    return {
      ...base,
      status: 'failed',
      observed: 'missing',
      message: `Column "${column.column}" is in the contract but not in the data: produce it, or remove it from the contract (a breaking change).`,
    };
  }
  if (staged.name !== column.column) {
    return {
      ...base,
      status: 'failed',
      observed: staged.name,
      message: `Column "${column.column}" is named "${staged.name}" in the data: names are case-sensitive for consumers, rename it.`,
    };
  }
  return { ...base, status: 'passed', observed: staged.typeText, message: `Column "${column.column}" is present.` };
}

function logicalType(column: ColumnSpec, staged: StagedColumn): CheckResult {
  const declared = column.logicalType!;
  const expected = LOGICAL_TYPE_EXPECTATIONS[declared];
  const base = {
    id: `schema:logicalType:${column.column}`,
    kind: 'schema',
    column: column.column,
    blocking: true,
    observed: staged.typeText,
    threshold: `logicalType ${declared}`,
  } as const;
  const format = typeof column.options.format === 'string' ? column.options.format : undefined;
  const accepts = staged.type ? logicalTypeAccepts(declared, staged.type, format) : undefined;
  if (accepts === undefined) {
    return {
      ...base,
      status: 'error',
      message: staged.type
        ? `logicalType "${declared}" is not an ODCS logical type (${Object.keys(LOGICAL_TYPE_EXPECTATIONS).join(', ')}).`
        : `The data type ${staged.typeText} of "${column.column}" is not one Meshwork knows how to compare.`,
    };
  }
  return accepts
    ? { ...base, status: 'passed', message: `"${column.column}" is ${staged.typeText}, a valid ${declared}.` }
    : {
        ...base,
        status: 'failed',
        message: `"${column.column}" is ${staged.typeText}, but logicalType ${declared} needs ${expected}: cast it in the step's SQL or correct the contract.`,
      };
}

function physicalType(column: ColumnSpec, staged: StagedColumn, declared: string): CheckResult {
  const base = {
    id: `schema:physicalType:${column.column}`,
    kind: 'schema',
    column: column.column,
    observed: staged.typeText,
    threshold: `physicalType ${declared}`,
  } as const;
  const wanted = parseDuckType(declared);
  if (!wanted) {
    // Written for another database (`float(3,2)`, `NUMBER(10)`): not comparable with DuckDB's
    // types, so it is kept as information and the logical type carries the check.
    return {
      ...base,
      blocking: false,
      status: 'recorded',
      message: `physicalType "${declared}" is not a DuckDB type, so it was not compared; the logicalType check applies.`,
    };
  }
  const actual = staged.type ? formatDuckType(staged.type) : staged.typeText;
  const same = actual === formatDuckType(wanted);
  return {
    ...base,
    blocking: true,
    status: same ? 'passed' : 'failed',
    message: same
      ? `"${column.column}" is ${staged.typeText}, as declared.`
      : `"${column.column}" is ${staged.typeText} but the contract declares physicalType ${declared} (${formatDuckType(wanted)}): cast it in the step's SQL or correct the contract.`,
  };
}

function extra(staged: StagedColumn): CheckResult {
  return {
    id: `schema:extra:${staged.name}`,
    kind: 'schema',
    column: staged.name,
    status: 'failed',
    blocking: true,
    observed: staged.typeText,
    message: `Column "${staged.name}" is in the data but not in the contract: describe it in the contract or drop it from the output.`,
  };
}
