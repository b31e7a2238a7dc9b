/**
 * Properties of the extractor: a generated chain of steps that rename, cast, wrap in CTEs and
 * subqueries, aggregate or hash one column always resolves to the original input column, with
 * the transform the chain's operations compose to; and no tree, however malformed, makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineTransforms,
  composePipelineLineage,
  extractStatementLineage,
  type LineageTransform,
  type StepLineage,
} from '@meshwork/core';
import { lineageOf } from './test-support/lineage-test-support.js';

interface Operation {
  readonly transform: LineageTransform;
  /** The step's SQL reading column `from` of relation `relation`, writing column `to`. */
  sql(relation: string, from: string, to: string): string;
}

const OPERATIONS: Readonly<Record<string, Operation>> = {
  rename: { transform: 'direct', sql: (r, f, t) => `SELECT ${f} AS ${t} FROM ${r}` },
  qualified: { transform: 'direct', sql: (r, f, t) => `SELECT x.${f} AS ${t} FROM ${r} AS x` },
  cast: { transform: 'expression', sql: (r, f, t) => `SELECT CAST(${f} AS VARCHAR) AS ${t} FROM ${r}` },
  arithmetic: {
    transform: 'expression',
    sql: (r, f, t) => `SELECT length(CAST(${f} AS VARCHAR)) + 1 AS ${t} FROM ${r}`,
  },
  cte: { transform: 'direct', sql: (r, f, t) => `WITH w AS (SELECT ${f} AS ${t} FROM ${r}) SELECT * FROM w` },
  subquery: { transform: 'direct', sql: (r, f, t) => `SELECT s.${t} FROM (SELECT ${f} AS ${t} FROM ${r}) AS s` },
  aggregate: { transform: 'aggregate', sql: (r, f, t) => `SELECT max(${f}) AS ${t} FROM ${r}` },
  mask: { transform: 'masked', sql: (r, f, t) => `SELECT md5(CAST(${f} AS VARCHAR)) AS ${t} FROM ${r}` },
  union: { transform: 'direct', sql: (r, f, t) => `SELECT ${f} AS ${t} FROM ${r} UNION ALL SELECT ${f} FROM ${r}` },
};

/** A name as the SQL may spell it: DuckDB identifiers are case-insensitive. */
const spelled = (name: string, upper: boolean) => (upper ? name.toUpperCase() : name);

describe('lineage properties', () => {
  it('a chain of steps resolves to the original column with the composed transform', async () => {
    const chain = fc.record({
      column: fc.integer({ min: 0, max: 3 }),
      steps: fc.array(fc.record({ op: fc.constantFrom(...Object.keys(OPERATIONS)), upper: fc.boolean() }), {
        minLength: 1,
        maxLength: 8,
      }),
    });
    await fc.assert(
      fc.asyncProperty(chain, async ({ column, steps }) => {
        const inputColumns = ['c0', 'c1', 'c2', 'c3'];
        const relations = new Map<string, readonly string[]>([['raw', inputColumns]]);
        const lineages: StepLineage[] = [];
        let relation = 'raw';
        let from = `c${column}`;
        let expected: LineageTransform = 'direct';
        for (const [i, { op, upper }] of steps.entries()) {
          const operation = OPERATIONS[op]!;
          const name = `s${i}`;
          const to = `v${i}`;
          const sql = operation.sql(spelled(relation, upper), spelled(from, upper), to);
          const lineage = await lineageOf(sql, relations, [to]);
          lineages.push({ name, lineage });
          relations.set(name, [to]);
          expected = combineTransforms(expected, operation.transform);
          relation = name;
          from = to;
        }
        const [port] = composePipelineLineage({
          steps: lineages,
          inputs: [{ name: 'raw', kind: 'file', location: 'raw.csv' }],
          outputs: [{ port: 'out', major: 1, from: relation }],
        });
        expect(port!.columns).toEqual([
          { column: from, sources: [{ relation: 'raw', column: `c${column}`, transform: expected }] },
        ]);
        expect(port!.rows).toEqual([]);
        expect(port!.unresolved).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on malformed trees, and always answers in the documented shape', () => {
    const word = fc.constantFrom(
      'SELECT_NODE',
      'SET_OPERATION_NODE',
      'RECURSIVE_CTE_NODE',
      'BASE_TABLE',
      'JOIN',
      'SUBQUERY',
      'TABLE_FUNCTION',
      'COLUMN_REF',
      'FUNCTION',
      'WINDOW',
      'CASE',
      'STAR',
      'LAMBDA',
      'CONSTANT',
      'raw',
      'id',
      'sum',
      'md5',
      'unnest',
      'read_csv',
      'FORCE_AGGREGATES',
      'NATURAL',
      'FULL',
      'UNION_BY_NAME',
    );
    const key = fc.constantFrom(
      'node',
      'type',
      'class',
      'select_list',
      'from_table',
      'where_clause',
      'group_expressions',
      'modifiers',
      'cte_map',
      'map',
      'key',
      'value',
      'query',
      'left',
      'right',
      'children',
      'column_names',
      'table_name',
      'function',
      'function_name',
      'subquery',
      'subquery_type',
      'case_checks',
      'partitions',
      'orders',
      'expression',
      'using_columns',
      'ref_type',
      'join_type',
      'setop_type',
      'aggregate_handling',
      'alias',
      'lhs',
      'expr',
      'index',
      'relation_name',
      'exclude_list',
      'replace_list',
      'columns',
      'values',
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc.integer({ min: -2, max: 5 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 6 }),
      ),
    }));
    fc.assert(
      fc.property(tree, fc.option(fc.array(fc.constantFrom('a', 'b', 'id'), { maxLength: 3 })), (statement, names) => {
        const lineage = extractStatementLineage(statement, { raw: ['id', 'a'] }, names ? { outputColumns: names } : {});
        expect(Array.isArray(lineage.columns)).toBe(true);
        expect(Array.isArray(lineage.rows)).toBe(true);
        expect(Array.isArray(lineage.reads)).toBe(true);
        expect(lineage.unresolved.every((gap) => typeof gap.reason === 'string')).toBe(true);
        // Malformed parts are gaps of their own, not failures caught by the last-resort handler.
        expect(lineage.unresolved.filter((gap) => /could not analyse/.test(gap.reason))).toEqual([]);
        if (names) expect(lineage.columns.map((c) => c.column)).toEqual(names);
      }),
      { numRuns: 2_000 },
    );
  });
});
