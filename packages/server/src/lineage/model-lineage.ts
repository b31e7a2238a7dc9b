/**
 * Product-level lineage from the model alone (no run needed): every product, output port and
 * contract column as nodes; an edge from each upstream port a pipeline reads (or an ODPS input
 * port declares) and from each file or database input to every output port of the product.
 */
import { posix } from 'node:path';
import type { DataProduct, MeshModel, OutputPort } from '@meshwork/core';
import { DATASET_EDGE, type LineageGraph } from './lineage-graph.js';
import { MODEL_OWNER, SOURCE_MODEL } from './lineage-owners.js';

export function addModelLineage(graph: LineageGraph, model: MeshModel): void {
  const owner = graph.owner(MODEL_OWNER);
  const byContract = new Map<string, number>();
  for (const product of model.products.values()) {
    graph.productNode(product.id);
    for (const port of product.outputPorts) {
      const node = graph.portNode(product.id, port.name, port.major, true);
      if (port.contractId) byContract.set(port.contractId, node);
      for (const table of port.contract?.tables ?? []) {
        for (const column of table.columns) graph.columnNode(node, column.name);
      }
    }
  }
  for (const product of model.products.values()) {
    const targets = product.outputPorts.map((port) => graph.portNode(product.id, port.name, port.major));
    const feed = (from: number) => {
      for (const to of targets) graph.addEdge(from, to, DATASET_EDGE, undefined, SOURCE_MODEL, owner);
    };
    for (const input of product.pipeline?.definition.inputs ?? []) {
      if (input.kind === 'product') {
        const upstream = upstreamPort(model, input.product, input.port, input.majorVersion);
        if (upstream) feed(graph.portNode(input.product, upstream.name, upstream.major));
      } else if (input.kind === 'file') {
        feed(graph.datasetNode('file', undefined, fileLocation(product, input.path)));
      } else {
        feed(
          graph.datasetNode(
            'database',
            undefined,
            databaseLocation(input.connection, input.table, product, input.name),
          ),
        );
      }
    }
    for (const declared of product.inputPorts) {
      const upstream = byContract.get(declared.contractId);
      if (upstream !== undefined && graph.productOf(upstream) !== graph.productNode(product.id)) feed(upstream);
    }
  }
}

/** The port a product input reads: the major it names, else the port's current (highest) major. */
export function upstreamPort(
  model: MeshModel,
  productId: string,
  port: string,
  major: number | undefined,
): OutputPort | undefined {
  const ports = model.products.get(productId)?.outputPorts.filter((p) => p.name === port) ?? [];
  if (major !== undefined) return ports.find((p) => p.major === major);
  return ports.reduce<OutputPort | undefined>((best, p) => (!best || p.major > best.major ? p : best), undefined);
}

/** A file input's path relative to the workspace (the pipeline names it relative to the product). */
export function fileLocation(product: DataProduct, path: string): string {
  return posix.isAbsolute(path) ? path : posix.join(product.directory, path);
}

/** `connection/table`, or for a query input `connection/query:<product>.<input>` (a query is the product's own). */
export function databaseLocation(
  connection: string,
  table: string | undefined,
  product: DataProduct,
  input: string,
): string {
  return `${connection}/${table ?? `query:${product.id}.${input}`}`;
}
