/**
 * Lineage of one pipeline step: its SQL (inline `query`, or the `sql` file in the product's
 * folder) parsed by DuckDB and analysed over the relations it may read, named as its bound view
 * names its columns. A step that cannot be analysed still lists its columns, each unresolved
 * with the reason, so that composing the pipeline carries the reason to every output it feeds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { extractStatementLineage, type PipelineStep, type StatementLineage } from '@meshwork/core';
import { firstLines } from '../../runtime/pipeline-execution.js';
import { parseStepSql } from './parse-step-sql.js';

export interface StepLineageResult {
  readonly lineage: StatementLineage;
  /** Why the step could not be analysed at all. */
  readonly failure?: string;
}

export async function stepLineage(options: {
  readonly connection: DuckDBConnection;
  readonly step: PipelineStep;
  readonly productDir: string;
  /** Inputs and earlier steps with their columns. */
  readonly relations: ReadonlyMap<string, readonly string[]>;
  /** The columns of the step's bound view, when it is bound. */
  readonly columns: readonly string[] | undefined;
}): Promise<StepLineageResult> {
  const { connection, step, productDir, relations, columns } = options;
  let sql: string;
  if (step.query !== undefined) sql = step.query;
  else if (step.sql !== undefined) {
    try {
      sql = await readFile(join(productDir, step.sql), 'utf8');
    } catch (error) {
      return failed(`cannot read ${step.sql}: ${firstLines(error, 1)}`, columns);
    }
  } else return failed('it has neither `sql` nor `query`', columns);
  const parsed = await parseStepSql(connection, sql.replace(/;\s*$/, ''));
  if ('reason' in parsed) return failed(parsed.reason, columns);
  const lineage = extractStatementLineage(parsed.statement, relations, columns ? { outputColumns: columns } : {});
  return { lineage };
}

function failed(reason: string, columns: readonly string[] | undefined): StepLineageResult {
  return {
    failure: reason,
    lineage: {
      columns: (columns ?? []).map((column) => ({ column, sources: [], unresolved: reason })),
      rows: [],
      reads: [],
      unresolved: [{ reason }],
    },
  };
}
