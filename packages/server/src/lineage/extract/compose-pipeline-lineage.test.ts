/**
 * composePipelineLineage over multi-step pipelines: each step's lineage extracted from real
 * DuckDB parse trees over the inputs and the steps before it, then composed to the inputs.
 */
import { describe, expect, it } from 'vitest';
import {
  composePipelineLineage,
  type LineageInput,
  type PipelineOutputTarget,
  type PortLineage,
  type StepLineage,
} from '@meshwork/core';
import { compact, lineageOf } from './test-support/lineage-test-support.js';

async function compose(
  inputs: Readonly<Record<string, readonly string[]>>,
  /** Each step, with its view's real columns when they differ from what the SQL shows. */
  steps: readonly (readonly [name: string, sql: string, columns?: readonly string[]])[],
  outputs: readonly PipelineOutputTarget[] = [{ port: 'out', major: 1, from: steps.at(-1)![0] }],
): Promise<PortLineage[]> {
  const relations = new Map<string, readonly string[]>(Object.entries(inputs));
  const lineages: StepLineage[] = [];
  for (const [name, sql, columns] of steps) {
    const lineage = await lineageOf(sql, relations, columns);
    lineages.push({ name, lineage });
    relations.set(
      name,
      lineage.columns.map((c) => c.column),
    );
  }
  const declared: LineageInput[] = Object.keys(inputs).map((name) => ({ name, kind: 'file', location: `${name}.csv` }));
  return composePipelineLineage({ steps: lineages, inputs: declared, outputs, inputColumns: inputs });
}

const sourcesOf = (port: PortLineage) => Object.fromEntries(port.columns.map((c) => [c.column, compact(c.sources)]));

describe('composePipelineLineage', () => {
  it('traces a clean → aggregate → join chain to the inputs, with every step’s row dependencies', async () => {
    const [port] = await compose({ raw: ['id', 'customer', 'amount', 'state'], people: ['id', 'name'] }, [
      ['clean', "SELECT CAST(id AS INTEGER) AS order_id, customer, amount FROM raw WHERE state <> 'void'"],
      ['totals', 'SELECT customer, sum(amount) AS total FROM clean GROUP BY customer'],
      ['report', 'SELECT p.name, t.total FROM totals t JOIN people p ON p.id = t.customer ORDER BY t.total DESC'],
    ]);
    expect(port!.from).toBe('report');
    expect(sourcesOf(port!)).toEqual({ name: ['people.name:direct'], total: ['raw.amount:aggregate'] });
    expect(compact(port!.rows)).toEqual([
      'people.id:join',
      'raw.amount:sort',
      'raw.customer:join',
      'raw.customer:group',
      'raw.state:filter',
    ]);
    expect(port!.unresolved).toEqual([]);
  });

  it('keeps the stronger value transform through steps', async () => {
    const [port] = await compose({ raw: ['x', 'y', 'email'] }, [
      ['s1', 'SELECT sum(x) AS total, y AS y1, md5(email) AS hashed FROM raw GROUP BY y'],
      ['s2', 'SELECT total AS t, CAST(y1 AS VARCHAR) AS y2, upper(hashed) AS h FROM s1'],
    ]);
    expect(sourcesOf(port!)).toEqual({
      t: ['raw.x:aggregate'],
      y2: ['raw.y:expression'],
      h: ['raw.email:masked'],
    });
  });

  it('a value that arrives through a row-dependent column stays a row dependency', async () => {
    const [port] = await compose({ raw: ['id', 'flag', 'amount', 'day'] }, [
      [
        's1',
        'SELECT id, CASE WHEN flag THEN amount ELSE 0 END AS paid, row_number() OVER (ORDER BY day) AS rn FROM raw',
      ],
      ['s2', 'SELECT sum(paid) AS total, max(rn) AS last_rank FROM s1'],
    ]);
    expect(sourcesOf(port!)).toEqual({
      total: ['raw.amount:aggregate', 'raw.flag:conditional'],
      last_rank: ['raw.day:window'],
    });
  });

  it('a step read only for its row count still passes on its row dependencies', async () => {
    const [port] = await compose({ raw: ['id', 'state'] }, [
      ['open', "SELECT * FROM raw WHERE state = 'open'"],
      ['summary', 'SELECT count(*) AS open_count FROM open'],
    ]);
    expect(sourcesOf(port!)).toEqual({ open_count: [] });
    expect(compact(port!.rows)).toEqual(['raw.state:filter']);
  });

  it('row dependencies on step columns become row dependencies on the inputs they came from', async () => {
    const [port] = await compose({ a: ['k', 'v'], b: ['k', 'w'] }, [
      ['ka', 'SELECT upper(k) AS key, v FROM a'],
      ['joined', 'SELECT ka.v, b.w FROM ka JOIN b ON b.k = ka.key WHERE ka.v > 0'],
    ]);
    expect(compact(port!.rows)).toEqual(['a.k:join', 'a.v:filter', 'b.k:join']);
  });

  it('gaps carry the step’s name: a dynamic selection upstream leaves the columns it made unresolved', async () => {
    const [port] = await compose({ raw: ['id', 'e1', 'e2'] }, [
      ['pick', "SELECT id, COLUMNS('e.*') FROM raw", ['id', 'e1', 'e2']],
      ['final', 'SELECT id, e1 FROM pick'],
    ]);
    expect(sourcesOf(port!)).toEqual({ id: ['raw.id:direct'], e1: [] });
    const e1 = port!.columns.find((c) => c.column === 'e1')!;
    expect(e1.unresolved).toMatch(/^step "pick": COLUMNS/);
    expect(port!.unresolved).toEqual([{ column: 'e1', reason: e1.unresolved }]);
  });

  it('an unresolved column upstream keeps its reason, with the upstream step’s name', async () => {
    const [port] = await compose({ raw: ['id'] }, [
      ['s1', 'SELECT id, nope AS n FROM raw'],
      ['s2', 'SELECT id, n + 1 AS m FROM s1'],
    ]);
    const m = port!.columns.find((c) => c.column === 'm')!;
    expect(m.sources).toEqual([]);
    expect(m.unresolved).toBe('step "s1": column "nope" is not in any relation of the FROM clause');
  });

  it('serves several outputs, from steps and straight from an input', async () => {
    const ports = await compose(
      { raw: ['id', 'v'] },
      [['doubled', 'SELECT id, v * 2 AS v2 FROM raw']],
      [
        { port: 'doubled', major: 1, from: 'doubled' },
        { port: 'raw_copy', major: 2, from: 'raw' },
        { port: 'missing', major: 1, from: 'nothing' },
      ],
    );
    expect(ports.map((p) => [p.port, p.major, sourcesOf(p)])).toEqual([
      ['doubled', 1, { id: ['raw.id:direct'], v2: ['raw.v:expression'] }],
      ['raw_copy', 2, { id: ['raw.id:direct'], v: ['raw.v:direct'] }],
      ['missing', 1, {}],
    ]);
    expect(ports[2]!.unresolved).toEqual([{ reason: '"nothing" is not an input or a step of the pipeline' }]);
  });

  it('names an input that the SQL reads but the pipeline does not declare', async () => {
    const lineage = await lineageOf('SELECT id FROM raw', { raw: ['id'] });
    const [port] = composePipelineLineage({
      steps: [{ name: 's', lineage }],
      inputs: [],
      outputs: [{ port: 'out', major: 1, from: 's' }],
    });
    expect(port!.columns[0]!.unresolved).toBe('step "s": "raw" is not an input or a step of the pipeline');
  });
});
