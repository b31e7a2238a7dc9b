/**
 * Reads one metric of a glossary file defensively (its schema errors are already reported):
 * the text forms of measure and filters that older files use, and the structured ones the
 * metrics layer plans (`measure: { aggregate, of, rollup }`, `{ term, from }` dimensions,
 * `{ column, in | notIn | equals }` filters). Structured parts are also rendered as text, so
 * the RDF export and every reader of `measure`/`filters` see one string each.
 */
import { METRIC_AGGREGATES, type MetricAggregate } from './glossary-schema.js';
import type { GlossaryMetric, MetricFilter, MetricSpec } from './glossary-types.js';
import { isObject, str, type Loose } from './loose-values.js';
import { concept } from './read-entity.js';

type Value = string | number | boolean;

const aggregate = (value: unknown): MetricAggregate | undefined => METRIC_AGGREGATES.find((a) => a === value);

const isValue = (v: unknown): v is Value => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function readMetric(name: string, raw: Loose, file: string): GlossaryMetric {
  const dimensions: string[] = [];
  const sources = new Map<string, string>();
  for (const d of Array.isArray(raw.dimensions) ? raw.dimensions : []) {
    if (typeof d === 'string') dimensions.push(d);
    else if (isObject(d) && typeof d.term === 'string') {
      dimensions.push(d.term);
      if (typeof d.from === 'string') sources.set(d.term, d.from);
    }
  }
  const filters: MetricFilter[] = [];
  const textFilters: string[] = [];
  for (const f of Array.isArray(raw.filters) ? raw.filters : []) {
    if (typeof f === 'string') textFilters.push(f);
    else if (isObject(f) && typeof f.column === 'string') {
      const column = f.column;
      if (Array.isArray(f.in)) filters.push({ column, op: 'in', values: f.in.filter(isValue) });
      if (Array.isArray(f.notIn)) filters.push({ column, op: 'not_in', values: f.notIn.filter(isValue) });
      if (isValue(f.equals)) filters.push({ column, op: 'in', values: [f.equals] });
    }
  }
  const measure = raw.measure;
  let spec: MetricSpec | undefined;
  let measureText = str(measure) ?? '';
  if (isObject(measure)) {
    const agg = aggregate(measure.aggregate);
    const of = str(measure.of);
    const rollup = aggregate(measure.rollup);
    if (agg) {
      spec = {
        aggregate: agg,
        ...(of !== undefined ? { of } : {}),
        ...(rollup ? { rollup } : {}),
        ...(isValue(measure.equals) ? { equals: measure.equals } : {}),
        sources,
        filters,
        textFilters,
      };
      const equals = isValue(measure.equals) ? ` = ${String(measure.equals)}` : '';
      const inner = `${agg === 'count_distinct' ? 'count(DISTINCT ' : `${agg}(`}${of ?? '*'}${equals})`;
      measureText = rollup ? `${rollup}(${inner} per ${str(raw.grain) ?? '?'})` : inner;
    }
  }
  return {
    ...concept(name, raw, file),
    measure: measureText,
    grain: str(raw.grain) ?? '',
    dimensions,
    filters: [...textFilters, ...filters.map(filterText)],
    ...(spec ? { spec } : {}),
  };
}

export function filterText(filter: MetricFilter): string {
  const values = filter.values.map((v) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v)));
  return `${filter.column} ${filter.op === 'in' ? 'IN' : 'NOT IN'} (${values.join(', ')})`;
}
