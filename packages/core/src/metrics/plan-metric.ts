/**
 * Plans a metric query: the product and column of the measure, the products that provide each
 * dimension (reached from the measured product through the knowledge graph's join paths: the
 * fewest joins, key-to-key first), the filters, and the SQL the governed gateway runs.
 *
 * A metric with a `rollup` is computed in two steps: the aggregate per instance of the grain
 * (grouped by the grain's identifier), then the rollup over those values per dimension value;
 * dimensions join on the grain's identifier and are de-duplicated per grain instance, so a
 * fan-out never counts one instance twice. Without a rollup, one aggregate over the measured
 * rows joined to the dimensions.
 */
import { InputError, NotFoundError } from '../errors/domain-errors.js';
import type { MetricAggregate } from '../glossary/glossary-schema.js';
import type { GlossaryMetric, MetricFilter, MetricSpec } from '../glossary/glossary-types.js';
import { filterText } from '../glossary/read-metric.js';
import type { ProductId } from '../model/model-types.js';
import type { KnowledgeIndex } from '../knowledge/build-knowledge-index.js';
import { joinPaths } from '../knowledge/join-paths.js';
import { sqlName } from '../knowledge/join-sql.js';
import { closest, type VisibilityOptions } from '../knowledge/knowledge-queries.js';
import type { ColumnBinding, JoinQuality } from '../knowledge/knowledge-types.js';
import { relationSqlName } from '../knowledge/relation-sql-name.js';
import type {
  MetricPlan,
  MetricQueryRequest,
  MetricSummary,
  PlannedColumn,
  PlannedDimension,
  PlannedFilter,
  PlannedJoin,
} from './metric-types.js';

const COST: Record<JoinQuality, number> = {
  'key-to-key': 0,
  'key-to-foreign': 1,
  'foreign-to-foreign': 3,
  attribute: 4,
};

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const snake = (name: string): string => kebab(name).replace(/-/g, '_');

/** Every metric of the glossary, sorted by name. */
export function listMetrics(index: KnowledgeIndex): MetricSummary[] {
  return [...index.model.glossary.metrics.values()].map((m) => ({
    name: m.name,
    description: m.description,
    synonyms: m.synonyms,
    grain: m.grain,
    measure: m.measure,
    dimensions: m.dimensions,
    filters: m.filters,
    plannable: m.spec !== undefined && m.spec.textFilters.length === 0,
    file: m.file,
  }));
}

/** A metric by name, kebab-case name or synonym (case-insensitive); NotFoundError MW8611 otherwise. */
export function findMetric(index: KnowledgeIndex, wanted: string): GlossaryMetric {
  const metrics = index.model.glossary.metrics;
  const exact = metrics.get(wanted);
  if (exact) return exact;
  const w = wanted.toLowerCase();
  for (const m of metrics.values()) {
    if (m.name.toLowerCase() === w || kebab(m.name) === w || m.synonyms.some((s) => s.toLowerCase() === w)) return m;
  }
  const hint = closest(wanted, [...metrics.keys(), ...[...metrics.keys()].map(kebab)]);
  throw new NotFoundError('MW8611', `no metric "${wanted}": change the metric name${hint}`);
}

interface Ref extends PlannedColumn {
  readonly port: string;
}

/** Plans `request`; throws InputError/NotFoundError MW8611–MW8616 naming the part to change. */
export function planMetric(
  index: KnowledgeIndex,
  request: MetricQueryRequest,
  options: VisibilityOptions = {},
): MetricPlan {
  const metric = findMetric(index, request.metric);
  const spec = metric.spec;
  if (!spec) {
    throw new InputError(
      'MW8615',
      `metric ${metric.name} (${metric.file}) has the measure "${metric.measure}" as text: write measure: { aggregate, of: <domain>.<product>.<port>.<column> } to query it`,
    );
  }
  if (spec.textFilters.length > 0) {
    throw new InputError(
      'MW8615',
      `metric ${metric.name} (${metric.file}) has the filter "${spec.textFilters[0]}" as text: write it as { column, in | notIn | equals }`,
    );
  }
  const via = checkVia(index, request.via ?? []);
  const visible = (id: ProductId) => options.visible?.(id) ?? true;
  if (!spec.of) {
    throw new InputError('MW8615', `metric ${metric.name}: the measure needs "of", the column (or product) measured`);
  }
  const measure = resolveColumn(index, spec.of, `the measure of ${metric.name}`, via, visible);
  const grainEntity = index.model.glossary.entities.get(metric.grain);
  const grainKey = grainBinding(index, measure.relation, metric.grain);
  if (spec.rollup && !grainKey) {
    throw new InputError(
      'MW8613',
      `no path from the measure's product ${measure.productId} to its grain ${metric.grain}: ${measure.relation} has no column bound to an identifier of ${metric.grain}${grainEntity ? ` (${grainEntity.identifiers.map((i) => `${metric.grain}.${i.name}`).join(', ')})` : ''}; bind one or change the measure`,
    );
  }
  if (spec.aggregate === 'share' && spec.equals === undefined) {
    throw new InputError('MW8615', `metric ${metric.name}: aggregate share needs "equals", the value counted`);
  }
  if (spec.rollup === 'share') {
    throw new InputError('MW8615', `metric ${metric.name}: rollup cannot be share; use avg, sum, min, max or count`);
  }

  const filters = spec.filters.map((f) => planFilter(index, metric, f, measure, grainKey, via, visible));
  const wanted = request.by ?? [];
  const usedNames = new Set<string>();
  const dimensions = wanted.map((by) => {
    const term = resolveDimension(metric, by);
    const planned = planDimension(index, metric, spec, term, measure, grainKey, via, visible);
    let name = planned.name;
    if (usedNames.has(name)) name = snake(term.replace('.', '_'));
    usedNames.add(name);
    return { ...planned, name };
  });

  const valueName = snake(metric.name);
  const countName = `${snake(metric.grain)}_count`;
  const sql = spec.rollup
    ? rollupSql(spec, measure, grainKey!, dimensions, filters, valueName, countName)
    : directSql(spec, measure, grainKey, dimensions, filters, valueName, countName);
  const productIds = [
    ...new Set([
      measure.productId,
      ...dimensions.flatMap((d) => [d.productId, ...d.via]),
      ...filters.map((f) => f.productId),
    ]),
  ].sort();
  return {
    metric: metric.name,
    description: metric.description,
    grain: metric.grain,
    ...(grainKey ? { grainIdentifier: grainKey.term } : {}),
    measure: {
      productId: measure.productId,
      relation: measure.relation,
      column: measure.column,
      aggregate: spec.aggregate,
      ...(spec.rollup ? { rollup: spec.rollup } : {}),
      ...(grainKey ? { grainColumn: grainKey.column } : {}),
    },
    dimensions: dimensions.map(({ via: _via, ...d }) => d),
    filters,
    products: productIds,
    columns: [...dimensions.map((d) => d.name), valueName, countName],
    sql,
    explanation: explain(metric, spec, measure, grainKey, dimensions, filters),
  };
}

function checkVia(index: KnowledgeIndex, via: readonly string[]): ProductId[] {
  return via.map((raw) => {
    const id = raw.replace('/', '.');
    if (index.model.products.has(id)) return id;
    throw new NotFoundError(
      'MW8616',
      `no product "${raw}" for --via (API: via): change it to a <domain>.<product> id${closest(id, index.model.products.keys())}`,
    );
  });
}

/** `<domain>.<product>.<port>.<column>` or a term id bound to columns. */
function resolveColumn(
  index: KnowledgeIndex,
  ref: string,
  part: string,
  via: readonly ProductId[],
  visible: (id: ProductId) => boolean,
): Ref {
  if (/^[A-Z]/.test(ref)) {
    const bound = (index.byTerm.get(ref) ?? []).filter((b) => visible(b.productId));
    const products = [...new Set(bound.map((b) => b.productId))];
    if (products.length === 0) {
      throw new InputError(
        'MW8615',
        `no product you may see has a column bound to ${ref} (${part}): bind one, or write <domain>.<product>.<port>.<column>`,
      );
    }
    const chosen = products.length === 1 ? products : products.filter((p) => via.includes(p));
    if (chosen.length !== 1) {
      throw new InputError(
        'MW8614',
        `${part}: ${ref} is bound in ${products.join(', ')}: choose one with --via <domain>.<product> (API: via)`,
      );
    }
    const b = bound.find((x) => x.productId === chosen[0])!;
    return { productId: b.productId, relation: b.relation, column: b.column, port: b.port };
  }
  const parts = ref.split('.');
  if (parts.length !== 4) {
    throw new InputError(
      'MW8615',
      `"${ref}" (${part}) is neither a glossary term nor <domain>.<product>.<port>.<column>: change it in the metric`,
    );
  }
  const [domain, name, portName, column] = parts as [string, string, string, string];
  const productId = `${domain}.${name}`;
  const product = index.model.products.get(productId);
  if (!product || !visible(productId)) {
    throw new InputError(
      'MW8615',
      `${part} reads ${ref}, but there is no product ${productId}${closest(productId, index.model.products.keys())}: change it in the metric`,
    );
  }
  const ports = product.outputPorts.filter((p) => p.name === portName).sort((a, b) => b.major - a.major);
  const port = ports[0];
  if (!port) {
    throw new InputError(
      'MW8615',
      `${part} reads ${ref}, but ${productId} has no output port "${portName}" (ports: ${[...new Set(product.outputPorts.map((p) => p.name))].join(', ')})`,
    );
  }
  const columns = port.contract?.tables.flatMap((t) => t.columns.map((c) => c.name)) ?? [];
  if (!columns.includes(column)) {
    throw new InputError(
      'MW8615',
      `${part} reads ${ref}, but port ${portName} of ${productId} has no column "${column}"${closest(column, columns)}`,
    );
  }
  return { productId, relation: relationSqlName(product, port.name), column, port: port.name };
}

/** The column of `relation` bound to an identifier of `entity`, keys first. */
function grainBinding(index: KnowledgeIndex, relation: string, entity: string): ColumnBinding | undefined {
  const bindings = index.bindings.filter(
    (b) => b.relation === relation && b.kind === 'identifier' && b.entity === entity,
  );
  return bindings.sort((a, b) => Number(b.primaryKey) - Number(a.primaryKey))[0];
}

function resolveDimension(metric: GlossaryMetric, by: string): string {
  const w = by.trim().toLowerCase();
  const found = metric.dimensions.find((d) => d.toLowerCase() === w || d.slice(d.indexOf('.') + 1).toLowerCase() === w);
  if (found) return found;
  const list = metric.dimensions.length > 0 ? metric.dimensions.join(', ') : 'none';
  throw new InputError(
    'MW8612',
    `metric ${metric.name} has no dimension "${by}": change --by (API: by) to one of its dimensions (${list}), or add it to the metric in ${metric.file}`,
  );
}

interface Option {
  readonly binding: ColumnBinding;
  readonly joins: readonly PlannedJoin[];
  readonly via: readonly ProductId[];
  readonly score: number;
}

function planDimension(
  index: KnowledgeIndex,
  metric: GlossaryMetric,
  spec: MetricSpec,
  term: string,
  measure: Ref,
  grainKey: ColumnBinding | undefined,
  via: readonly ProductId[],
  visible: (id: ProductId) => boolean,
): PlannedDimension & { via: readonly ProductId[] } {
  const pinned = spec.sources.get(term);
  const bound = (index.byTerm.get(term) ?? []).filter((b) => visible(b.productId));
  const sources = pinned ? bound.filter((b) => b.productId === pinned) : bound;
  if (sources.length === 0) {
    throw new InputError(
      'MW8613',
      pinned
        ? `metric ${metric.name} reads ${term} from ${pinned}, which has no column bound to it (or you may not see it): change "from" in ${metric.file}`
        : `no product you may see has a column bound to ${term}: bind one (urn:meshwork:glossary:${term}) or break ${metric.name} down by another dimension`,
    );
  }
  const options: Option[] = [];
  const explanations: string[] = [];
  for (const b of sources) {
    const found = pathsTo(index, spec, measure, grainKey, b, visible);
    if (found.length === 0) explanations.push(b.productId);
    options.push(...found);
  }
  if (options.length === 0) {
    const grain = grainKey ? ` through ${grainKey.term}` : '';
    throw new InputError(
      'MW8613',
      `no join path from the measure's product ${measure.productId} (${metric.grain}) to ${term} in ${[...new Set(explanations)].join(', ')}${grain}: bind an identifier of ${metric.grain} there, or choose another product with --via`,
    );
  }
  let ranked = options.sort((a, b) => a.joins.length - b.joins.length || a.score - b.score);
  if (via.length > 0) {
    const picked = ranked.filter((o) => via.includes(o.binding.productId) || o.via.some((p) => via.includes(p)));
    if (picked.length > 0) ranked = picked;
  }
  const best = ranked[0]!;
  const ties = ranked.filter(
    (o) => o.joins.length === best.joins.length && o.score === best.score && describe(o) !== describe(best),
  );
  if (ties.length > 0) {
    const listed = [best, ...ties].map((o) => `${o.binding.productId} (${describe(o)})`).join('; ');
    throw new InputError(
      'MW8614',
      `dimension ${term} of ${metric.name} can be read equally well from: ${listed}; choose one with --via <domain>.<product> (API: via) or pin it with "from" in ${metric.file}`,
    );
  }
  const member = term.slice(term.indexOf('.') + 1);
  return {
    term,
    name: sqlSafe(member),
    productId: best.binding.productId,
    relation: best.binding.relation,
    column: best.binding.column,
    joins: best.joins,
    candidates: [...new Set(ranked.map((o) => o.binding.productId))],
    via: best.via,
  };
}

const sqlSafe = (name: string): string => name.replace(/[^a-z0-9_]/gi, '_').toLowerCase();

function describe(o: Option): string {
  if (o.joins.length === 0) return 'no join';
  return o.joins.map((j) => `${j.left} = ${j.right}`).join(', ');
}

const quality = (left: ColumnBinding, right: ColumnBinding): JoinQuality => {
  const key = (b: ColumnBinding) => b.primaryKey && b.primaryKeySize === 1;
  return key(left) && key(right) ? 'key-to-key' : key(left) || key(right) ? 'key-to-foreign' : 'foreign-to-foreign';
};

/** Ways from the measured relation to one column providing the dimension. */
function pathsTo(
  index: KnowledgeIndex,
  spec: MetricSpec,
  measure: Ref,
  grainKey: ColumnBinding | undefined,
  target: ColumnBinding,
  visible: (id: ProductId) => boolean,
): Option[] {
  if (!spec.rollup && target.relation === measure.relation) return [{ binding: target, joins: [], via: [], score: 0 }];
  // On the grain's identifier directly: what a per-grain value joins on.
  if (grainKey) {
    const right = grainBinding(index, target.relation, grainKey.entity!);
    if (right && right.term === grainKey.term) {
      const q = quality(grainKey, right);
      const join = {
        term: grainKey.term,
        left: `${measure.relation}.${grainKey.column}`,
        right: `${right.relation}.${right.column}`,
        quality: q,
      };
      return [{ binding: target, joins: [join], via: [], score: COST[q] }];
    }
  }
  if (target.productId === measure.productId) return [];
  const result = joinPaths(index, measure.productId, target.productId, { maxHops: 3, visible });
  const out: Option[] = [];
  for (const path of result.paths) {
    const first = path.steps[0]!;
    const last = path.steps[path.steps.length - 1]!;
    if (first.left.relation !== measure.relation || last.right.relation !== target.relation) continue;
    if (spec.rollup && (first.term !== grainKey?.term || first.left.column !== grainKey.column)) continue;
    out.push({
      binding: target,
      joins: path.steps.map((s) => ({
        term: s.term,
        left: `${s.left.relation}.${s.left.column}`,
        right: `${s.right.relation}.${s.right.column}`,
        quality: s.quality,
      })),
      via: path.products.slice(1, -1),
      score: path.score,
    });
  }
  return out;
}

function planFilter(
  index: KnowledgeIndex,
  metric: GlossaryMetric,
  filter: MetricFilter,
  measure: Ref,
  grainKey: ColumnBinding | undefined,
  via: readonly ProductId[],
  visible: (id: ProductId) => boolean,
): PlannedFilter {
  const ref = resolveColumn(index, filter.column, `a filter of ${metric.name}`, via, visible);
  const text = filterText(filter);
  const base = { productId: ref.productId, relation: ref.relation, column: ref.column, text };
  if (ref.relation === measure.relation) return { ...base, applies: 'rows' };
  const key = grainKey ? grainBinding(index, ref.relation, grainKey.entity!) : undefined;
  if (!grainKey || !key || key.term !== grainKey.term) {
    throw new InputError(
      'MW8613',
      `no join path for the filter on ${filter.column} of ${metric.name}: ${ref.relation} and the measured ${measure.relation} do not both bind an identifier of ${metric.grain}${grainKey ? ` (${grainKey.term})` : ''}; bind it or change the filter in ${metric.file}`,
    );
  }
  return { ...base, applies: 'grain', joinColumn: key.column };
}

function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function condition(alias: string, filter: PlannedFilter, spec: MetricSpec): string {
  const f = spec.filters.find((x) => filterText(x) === filter.text)!;
  return `${alias}.${sqlName(filter.column)} ${f.op === 'in' ? 'IN' : 'NOT IN'} (${f.values.map(literal).join(', ')})`;
}

function aggregateSql(aggregate: MetricAggregate, expr: string, equals?: string | number | boolean): string {
  switch (aggregate) {
    case 'count_distinct':
      return `count(DISTINCT ${expr})`;
    case 'share':
      return `avg(CASE WHEN ${expr} = ${literal(equals!)} THEN 1.0 ELSE 0.0 END)`;
    default:
      return `${aggregate}(${expr})`;
  }
}

function whereSql(
  spec: MetricSpec,
  filters: readonly PlannedFilter[],
  grainKey: ColumnBinding | undefined,
  indent: string,
): string {
  const conditions = filters.map((f, i) =>
    f.applies === 'rows'
      ? condition('m', f, spec)
      : `m.${sqlName(grainKey!.column)} IN (SELECT f${i + 1}.${sqlName(f.joinColumn!)} FROM ${f.relation} f${i + 1} WHERE ${condition(`f${i + 1}`, f, spec)})`,
  );
  return conditions.length > 0 ? `\n${indent}WHERE ${conditions.join(`\n${indent}  AND `)}` : '';
}

/** JOIN clauses from `start` (alias of the first left relation) along the dimension's joins. */
function joinSql(
  dimension: PlannedDimension,
  start: string,
  n: number,
  indent: string,
): { sql: string; alias: string } {
  let previous = start;
  let sql = '';
  dimension.joins.forEach((join, i) => {
    const alias = i === dimension.joins.length - 1 ? `d${n}` : `d${n}_${i + 1}`;
    const lColumn = split(join.left)[1];
    const [rRelation, rColumn] = split(join.right);
    sql += `\n${indent}JOIN ${rRelation} ${alias} ON ${previous}.${sqlName(lColumn)} = ${alias}.${sqlName(rColumn)}`;
    previous = alias;
  });
  return { sql, alias: dimension.joins.length === 0 ? start : `d${n}` };
}

const split = (qualified: string): [string, string] => {
  const dot = qualified.lastIndexOf('.');
  return [qualified.slice(0, dot), qualified.slice(dot + 1)];
};

function directSql(
  spec: MetricSpec,
  measure: Ref,
  grainKey: ColumnBinding | undefined,
  dimensions: readonly PlannedDimension[],
  filters: readonly PlannedFilter[],
  valueName: string,
  countName: string,
): string {
  const joins = dimensions.map((d, i) => joinSql(d, 'm', i + 1, ''));
  const dims = dimensions.map((d, i) => `${joins[i]!.alias}.${sqlName(d.column)} AS ${sqlName(d.name)}`);
  const value = `${aggregateSql(spec.aggregate, `m.${sqlName(measure.column)}`, spec.equals)} AS ${sqlName(valueName)}`;
  const count = grainKey ? `count(DISTINCT m.${sqlName(grainKey.column)})` : 'count(*)';
  const select = [...dims, value, `${count} AS ${sqlName(countName)}`].join(', ');
  const group =
    dimensions.length > 0
      ? `\nGROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}\nORDER BY ${dimensions.map((_, i) => i + 1).join(', ')}`
      : '';
  return `SELECT ${select}\nFROM ${measure.relation} m${joins.map((j) => j.sql).join('')}${whereSql(spec, filters, grainKey, '')}${group}`;
}

function rollupSql(
  spec: MetricSpec,
  measure: Ref,
  grainKey: ColumnBinding,
  dimensions: readonly PlannedDimension[],
  filters: readonly PlannedFilter[],
  valueName: string,
  countName: string,
): string {
  const key = sqlName(grainKey.column);
  const value = sqlName(valueName);
  const perGrain = `per_${snake(grainKey.entity!)}`;
  const step1 =
    `${perGrain} AS (\n  SELECT m.${key}, ${aggregateSql(spec.aggregate, `m.${sqlName(measure.column)}`, spec.equals)} AS ${value}` +
    `\n  FROM ${measure.relation} m${whereSql(spec, filters, grainKey, '  ')}\n  GROUP BY m.${key}\n)`;
  const rolled = `${aggregateSql(spec.rollup!, value)} AS ${value}, count(*) AS ${sqlName(countName)}`;
  if (dimensions.length === 0) return `WITH ${step1}\nSELECT ${rolled}\nFROM ${perGrain}`;
  const joins = dimensions.map((d, i) => joinSql(d, 'g', i + 1, '  '));
  const dims = dimensions.map((d, i) => `${joins[i]!.alias}.${sqlName(d.column)} AS ${sqlName(d.name)}`);
  const step2 =
    `by_dimensions AS (\n  SELECT DISTINCT g.${key}, g.${value}, ${dims.join(', ')}\n  FROM ${perGrain} g` +
    `${joins.map((j) => j.sql).join('')}\n)`;
  const names = dimensions.map((d) => sqlName(d.name)).join(', ');
  return `WITH ${step1},\n${step2}\nSELECT ${names}, ${rolled}\nFROM by_dimensions\nGROUP BY ${names}\nORDER BY ${names}`;
}

function explain(
  metric: GlossaryMetric,
  spec: MetricSpec,
  measure: Ref,
  grainKey: ColumnBinding | undefined,
  dimensions: readonly PlannedDimension[],
  filters: readonly PlannedFilter[],
): string[] {
  const lines: string[] = [];
  const agg = `${spec.aggregate}(${measure.relation}.${measure.column})`;
  lines.push(
    spec.rollup
      ? `measure: ${agg} per ${metric.grain} (${measure.relation}.${grainKey!.column}, bound to ${grainKey!.term}) from ${measure.productId}, then ${spec.rollup} over the ${metric.grain} instances of each group`
      : `measure: ${agg} from ${measure.productId}`,
  );
  for (const f of filters) {
    lines.push(
      f.applies === 'rows'
        ? `filter on the measured rows: ${f.text}`
        : `filter from ${f.productId}: only ${metric.grain} instances with a row where ${f.text}, joined on ${grainKey!.term} (${f.relation}.${f.joinColumn} = ${measure.relation}.${grainKey!.column})`,
    );
  }
  for (const d of dimensions) {
    const joins =
      d.joins.length === 0
        ? 'in the measured product, no join'
        : d.joins.map((j) => `${j.left} = ${j.right} on ${j.term} (${j.quality})`).join(', then ');
    const others = d.candidates.filter((c) => c !== d.productId);
    lines.push(
      `dimension ${d.term} from ${d.productId} (${d.relation}.${d.column}): ${joins}${others.length > 0 ? `; also provided by ${others.join(', ')}` : ''}`,
    );
  }
  lines.push(
    'runs through the governed gateway as the caller: access policies, masks and row filters of every product read apply',
  );
  return lines;
}
