/**
 * Column-level lineage of one product, from the PipelineLineage its newest run recorded: value
 * edges from input columns to output columns, row dependencies from input columns to the output
 * port, and the extractor's gaps as notes on the nodes they concern. Recording a product again
 * replaces exactly what it recorded before.
 */
import type { DataProduct, LineageInput, MeshModel, PipelineLineage } from '@meshwork/core';
import { COLUMN_EDGE, ROW_EDGE, type LineageGraph } from './lineage-graph.js';
import { pipelineOwner, SOURCE_PIPELINE } from './lineage-owners.js';
import { databaseLocation, fileLocation, upstreamPort } from './model-lineage.js';

export function setPipelineLineage(graph: LineageGraph, model: MeshModel, lineage: PipelineLineage): void {
  const owner = graph.owner(pipelineOwner(lineage.productId));
  graph.clearOwner(owner);
  const product = model.products.get(lineage.productId);
  // Lineage of a product the workspace no longer has describes nothing that serves.
  if (!product) return;
  const inputs = new Map<string, number>();
  for (const input of lineage.inputs) {
    const node = inputNode(graph, model, product, input);
    if (node !== undefined) inputs.set(input.name, node);
  }
  const pipelineGaps = lineage.unresolved.map((gap) => gap.reason);
  for (const output of lineage.outputs) {
    const port = graph.portNode(product.id, output.port, output.major);
    const gaps = [...pipelineGaps];
    for (const gap of output.unresolved) {
      if (gap.column === undefined) gaps.push(gap.reason);
      else graph.note(graph.columnNode(port, gap.column), gap.reason, owner);
    }
    const source = (relation: string, column: string): number | undefined => {
      const input = inputs.get(relation);
      if (input === undefined) gaps.push(`reads "${relation}", which is not an input of the pipeline`);
      return input === undefined ? undefined : graph.columnNode(input, column);
    };
    let complete = true;
    for (const column of output.columns) {
      const target = graph.columnNode(port, column.column);
      if (column.unresolved !== undefined) {
        graph.note(target, column.unresolved, owner);
        complete = false;
      }
      for (const from of column.sources) {
        const node = source(from.relation, from.column);
        if (node !== undefined) graph.addEdge(node, target, COLUMN_EDGE, from.transform, SOURCE_PIPELINE, owner);
      }
    }
    for (const row of output.rows) {
      const node = source(row.relation, row.column);
      if (node !== undefined) graph.addEdge(node, port, ROW_EDGE, row.transform, SOURCE_PIPELINE, owner);
    }
    for (const reason of gaps) graph.note(port, reason, owner);
    // With every column's sources known, a change upstream reaches only the columns it feeds.
    if (complete && gaps.length === 0 && output.unresolved.length === 0 && output.columns.length > 0) {
      graph.markResolved(port, owner);
    }
  }
}

function inputNode(
  graph: LineageGraph,
  model: MeshModel,
  product: DataProduct,
  input: LineageInput,
): number | undefined {
  switch (input.kind) {
    case 'product': {
      if (input.product === undefined || input.port === undefined) return undefined;
      const major = input.major ?? upstreamPort(model, input.product, input.port, undefined)?.major;
      return major === undefined ? undefined : graph.portNode(input.product, input.port, major);
    }
    case 'file':
      return input.location === undefined
        ? undefined
        : graph.datasetNode('file', undefined, fileLocation(product, input.location));
    case 'postgres': {
      if (input.location === undefined) return undefined;
      const [connection = '', ...rest] = input.location.split(':');
      const table = rest.join(':');
      return graph.datasetNode(
        'database',
        undefined,
        databaseLocation(connection, table === '' || table === '(query)' ? undefined : table, product, input.name),
      );
    }
  }
}
