/**
 * Lineage from OpenLineage events of other tools (Airflow, Spark, dbt…): every input dataset
 * feeds every output dataset, and an output's `columnLineage` facet gives column edges, its
 * transformations mapped to Meshwork's transforms. A dataset that names a Meshwork output port
 * joins that port's node; any other is an external dataset `<namespace>/<name>`. Malformed
 * facets are skipped, never thrown: the event was validated where it was accepted.
 */
import { VALUE_TRANSFORM_RANK, type LineageTransform } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { AcceptedDataset, AcceptedLineageEvent } from './lineage-event-sink.js';
import { COLUMN_EDGE, DATASET_EDGE, ROW_EDGE, type LineageGraph } from './lineage-graph.js';
import { EVENTS_OWNER, SOURCE_OPENLINEAGE } from './lineage-owners.js';

/** Finds the Meshwork port an OpenLineage dataset names, if it names one. */
export type DatasetPortResolver = (namespace: string, name: string) => number | undefined;

const DIRECT: Readonly<Record<string, LineageTransform>> = {
  IDENTITY: 'direct',
  TRANSFORMATION: 'expression',
  AGGREGATION: 'aggregate',
};
const INDIRECT: Readonly<Record<string, LineageTransform>> = {
  FILTER: 'filter',
  JOIN: 'join',
  GROUP_BY: 'group',
  SORT: 'sort',
  WINDOW: 'window',
  CONDITIONAL: 'conditional',
};

export function mergeOpenLineageEvent(
  graph: LineageGraph,
  event: AcceptedLineageEvent,
  datasetPort: DatasetPortResolver = () => undefined,
): void {
  const owner = graph.owner(EVENTS_OWNER);
  const datasetNode = (namespace: string, name: string) =>
    datasetPort(namespace, name) ?? graph.datasetNode('external', namespace, name);
  const nodeOf = (dataset: AcceptedDataset) => {
    const node = datasetNode(dataset.namespace, dataset.name);
    for (const field of schemaFields(dataset.facets?.schema)) graph.columnNode(node, field);
    return node;
  };
  const inputs = event.inputs.map(nodeOf);
  for (const output of event.outputs) {
    const target = nodeOf(output);
    for (const input of inputs) graph.addEdge(input, target, DATASET_EDGE, undefined, SOURCE_OPENLINEAGE, owner);
    const facet = asObject(output.facets?.columnLineage);
    if (!facet) continue;
    graph.markResolved(target, owner);
    const sourceColumn = (field: InputField) => {
      const dataset = datasetNode(field.namespace, field.name);
      // Column lineage names its datasets: each feeds the output even when `inputs` left it out.
      graph.addEdge(dataset, target, DATASET_EDGE, undefined, SOURCE_OPENLINEAGE, owner);
      return graph.columnNode(dataset, field.field);
    };
    for (const [column, spec] of Object.entries(asObject(facet.fields) ?? {})) {
      const outputColumn = graph.columnNode(target, column);
      const legacy = asObject(spec)?.transformationType;
      for (const field of inputFields(asObject(spec)?.inputFields)) {
        const source = sourceColumn(field);
        const { value, rows } = classify(field.transformations, legacy);
        if (value) graph.addEdge(source, outputColumn, COLUMN_EDGE, value, SOURCE_OPENLINEAGE, owner);
        for (const row of rows) graph.addEdge(source, target, ROW_EDGE, row, SOURCE_OPENLINEAGE, owner);
      }
    }
    // Dataset-wide dependencies (filters, joins, grouping…) decide the rows of the whole output.
    for (const field of inputFields(facet.dataset)) {
      const source = sourceColumn(field);
      const { value, rows } = classify(field.transformations, undefined);
      for (const row of rows.length > 0 ? rows : value ? ['filter' as const] : []) {
        graph.addEdge(source, target, ROW_EDGE, row, SOURCE_OPENLINEAGE, owner);
      }
    }
  }
}

interface InputField {
  readonly namespace: string;
  readonly name: string;
  readonly field: string;
  readonly transformations: readonly JsonValue[];
}

/**
 * The strongest value transform (DIRECT, or CONDITIONAL, which decides the value of this one
 * column) and the row transforms (other INDIRECT ones). Without `transformations`, the deprecated
 * field-level `transformationType` (IDENTITY, MASKED) says what it can.
 */
function classify(
  transformations: readonly JsonValue[],
  legacy: JsonValue | undefined,
): { value?: LineageTransform; rows: LineageTransform[] } {
  if (transformations.length === 0) {
    return { value: legacy === 'IDENTITY' ? 'direct' : legacy === 'MASKED' ? 'masked' : 'expression', rows: [] };
  }
  let value: LineageTransform | undefined;
  const rows = new Set<LineageTransform>();
  const keep = (candidate: LineageTransform) => {
    if (!value || VALUE_TRANSFORM_RANK[candidate] > VALUE_TRANSFORM_RANK[value]) value = candidate;
  };
  for (const item of transformations) {
    const t = asObject(item);
    if (!t) continue;
    const subtype = typeof t.subtype === 'string' ? t.subtype.toUpperCase() : '';
    if (t.type === 'INDIRECT') {
      const row = INDIRECT[subtype] ?? 'filter';
      if (row === 'conditional') keep('conditional');
      else rows.add(row);
    } else {
      keep(t.masking === true ? 'masked' : (DIRECT[subtype] ?? 'expression'));
    }
  }
  return { ...(value ? { value } : {}), rows: [...rows] };
}

function inputFields(value: JsonValue | undefined): InputField[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: JsonValue) => {
    const field = asObject(item);
    if (!field || !text(field.namespace) || !text(field.name) || !text(field.field)) return [];
    const transformations = Array.isArray(field.transformations) ? (field.transformations as JsonValue[]) : [];
    return [{ namespace: field.namespace, name: field.name, field: field.field, transformations }];
  });
}

function schemaFields(facet: JsonValue | undefined): string[] {
  const fields = asObject(facet)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field: JsonValue) => {
    const name = asObject(field)?.name;
    return text(name) ? [name] : [];
  });
}

function asObject(value: JsonValue | undefined): { readonly [key: string]: JsonValue } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as { readonly [key: string]: JsonValue })
    : undefined;
}

function text(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && value !== '';
}
