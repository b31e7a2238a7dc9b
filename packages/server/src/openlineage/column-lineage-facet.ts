/**
 * A port's column lineage as OpenLineage's `columnLineage` facet. Value dependencies become
 * DIRECT transformations (IDENTITY, TRANSFORMATION, AGGREGATION; `masking` when masked); row
 * dependencies become INDIRECT ones (FILTER, JOIN, GROUP_BY, SORT, WINDOW, CONDITIONAL). Those
 * of one column (a CASE condition) go under that field; those of the whole statement (WHERE,
 * JOIN ON, GROUP BY, ORDER BY…) go in the facet's `dataset` array, as the spec has it. Input
 * fields are named by their dataset's namespace and name, so consumers join them to the inputs.
 */
import type { ColumnSource, LineageTransform, PortLineage } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import { facet } from './openlineage-facets.js';
import type { DatasetName } from './openlineage-naming.js';
import type { Facet } from './openlineage-types.js';

const TRANSFORMATION: Readonly<Record<LineageTransform, { readonly type: string; readonly subtype: string }>> = {
  direct: { type: 'DIRECT', subtype: 'IDENTITY' },
  expression: { type: 'DIRECT', subtype: 'TRANSFORMATION' },
  aggregate: { type: 'DIRECT', subtype: 'AGGREGATION' },
  masked: { type: 'DIRECT', subtype: 'TRANSFORMATION' },
  filter: { type: 'INDIRECT', subtype: 'FILTER' },
  join: { type: 'INDIRECT', subtype: 'JOIN' },
  group: { type: 'INDIRECT', subtype: 'GROUP_BY' },
  sort: { type: 'INDIRECT', subtype: 'SORT' },
  window: { type: 'INDIRECT', subtype: 'WINDOW' },
  conditional: { type: 'INDIRECT', subtype: 'CONDITIONAL' },
};

/** Names the dataset behind a pipeline input; undefined for a relation no input explains. */
export type DatasetOfRelation = (relation: string) => DatasetName | undefined;

/**
 * The facet, or undefined when nothing is known (lineage not extracted, every column unresolved).
 * A column whose sources could not be resolved at all is left out rather than shown without inputs,
 * which would claim it depends on nothing.
 */
export function columnLineageFacet(port: PortLineage, datasetOf: DatasetOfRelation): Facet | undefined {
  const fields: { [column: string]: JsonValue } = {};
  for (const column of port.columns) {
    const inputFields = inputFieldsOf(column.sources, datasetOf);
    if (inputFields.length > 0) fields[column.column] = { inputFields };
  }
  const dataset = inputFieldsOf(port.rows, datasetOf);
  if (Object.keys(fields).length === 0 && dataset.length === 0) return undefined;
  return facet('columnLineage', { fields, ...(dataset.length > 0 ? { dataset } : {}) });
}

/** One input field per (dataset, column), with every way it is used. */
function inputFieldsOf(sources: readonly ColumnSource[], datasetOf: DatasetOfRelation): JsonValue[] {
  const byField = new Map<string, { dataset: DatasetName; field: string; transforms: LineageTransform[] }>();
  for (const source of sources) {
    const dataset = datasetOf(source.relation);
    if (!dataset) continue;
    const key = JSON.stringify([dataset.namespace, dataset.name, source.column]);
    const entry = byField.get(key) ?? { dataset, field: source.column, transforms: [] };
    if (!entry.transforms.includes(source.transform)) entry.transforms.push(source.transform);
    byField.set(key, entry);
  }
  return [...byField.values()].map(({ dataset, field, transforms }) => ({
    namespace: dataset.namespace,
    name: dataset.name,
    field,
    transformations: transforms.map((transform) => ({
      ...TRANSFORMATION[transform],
      masking: transform === 'masked',
    })),
  }));
}
