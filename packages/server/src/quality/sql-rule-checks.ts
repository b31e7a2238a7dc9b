/**
 * ODCS `sql` rules: a query that returns one number (or boolean) compared with the rule's
 * operator. The staged data is offered to the query as a CTE named after the schema object
 * (its `physicalName`, else `name`), so a query naming the table literally works as well as
 * one using the placeholders. Placeholders, with or without `$` as the ODCS schema and docs
 * write them: `{table}`/`{object}`/`{model}` → the table, `{column}`/`{property}`/`{field}` →
 * the rule's column, both as quoted identifiers.
 *
 * The query must be one SELECT: it is prepared first, and anything else (several statements,
 * DDL, writes) is refused without running. A failing query is an `error` with DuckDB's message.
 */
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { messageOf } from './aggregate-scan.js';
import { errored, type CheckBase } from './check-plan.js';
import type { CheckResult } from './check-types.js';
import type { QualityRule } from './quality-rule-reader.js';
import { meetsThreshold, toNumber } from './quality-threshold.js';
import { quoteIdentifier } from './sql-quoting.js';

type SqlRule = Extract<QualityRule, { kind: 'sql' }>;

/** A check run by its own query, after the shared scan. */
export interface DeferredCheck {
  readonly base: CheckBase;
  run(connection: DuckDBConnection): Promise<CheckResult>;
}

const TABLE_PLACEHOLDER = /"?\$?\{(?:table|object|model)\}"?/g;
const COLUMN_PLACEHOLDER = /"?\$?\{(?:column|property|field)\}"?/g;

export function planSqlRule(rule: SqlRule, base: CheckBase, table: string, relation: string): DeferredCheck {
  return {
    base,
    run: async (connection) => {
      let sql: string;
      try {
        sql = stagedQuery(rule.query, table, relation, rule.column);
      } catch (error) {
        return errored(base, `could not be prepared: ${messageOf(error)}`);
      }
      try {
        const statements = await connection.extractStatements(sql);
        if (statements.count !== 1)
          return errored(base, `a sql rule must be one SELECT; this has ${statements.count} statements`);
        const prepared = await statements.prepare(0);
        try {
          if (prepared.statementType !== StatementType.SELECT) {
            return errored(base, 'a sql rule must be a SELECT (it only reads); this statement was not run');
          }
          return compare(rule, base, (await prepared.runAndReadAll()).getRowsJson());
        } finally {
          prepared.destroySync();
        }
      } catch (error) {
        return errored(base, `the query failed: ${messageOf(error)}`);
      }
    },
  };
}

/** The rule's query with placeholders filled and the staged data in scope under the table's name. */
export function stagedQuery(query: string, table: string, relation: string, column: string | undefined): string {
  const tableName = quoteIdentifier(table);
  let sql = query.replace(TABLE_PLACEHOLDER, tableName);
  if (column !== undefined) sql = sql.replace(COLUMN_PLACEHOLDER, quoteIdentifier(column));
  const cte = `${tableName} AS (SELECT * FROM ${relation})`;
  // Splice into the query's own WITH clause, if it has one: two WITH keywords do not parse.
  const leading = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/.exec(sql)![0];
  const body = sql.slice(leading.length);
  const own = /^with(\s+recursive)?\s/i.exec(body);
  return own ? `${leading}WITH${own[1] ?? ''} ${cte}, ${body.slice(own[0].length)}` : `WITH ${cte}\n${sql}`;
}

function compare(rule: SqlRule, base: CheckBase, rows: readonly (readonly unknown[])[]): CheckResult {
  const only = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : undefined;
  const observed = toNumber(only);
  if (observed === undefined) {
    const shape = rows.length === 1 && rows[0]!.length === 1 ? JSON.stringify(only) : `${rows.length} row(s)`;
    return errored(base, `the query must return a single number or boolean; it returned ${shape}`);
  }
  const passed = meetsThreshold(rule.threshold, observed);
  return {
    ...base,
    observed,
    status: passed ? 'passed' : 'failed',
    message: passed
      ? `The query returned ${observed}: meets ${rule.threshold.text}.`
      : `The query returned ${observed}, but the contract requires ${rule.threshold.text}.`,
  };
}
