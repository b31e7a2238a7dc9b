/**
 * Which OpenLineage datasets are Meshwork output ports: those in a namespace starting with
 * `meshwork` (e.g. `meshwork://<mesh>`) whose name is a port reference (`sales.orders.orders`,
 * `…orders@2`, `…orders_v2`), or a product with a single output port. Events about them —
 * ours echoed back, or another tool's reading a product — then join the port's node.
 */
import { PORT, PRODUCT, type LineageGraph } from './lineage-graph.js';
import type { DatasetPortResolver } from './openlineage-edges.js';
import { findLineageRef } from './resolve-lineage-ref.js';

export function meshworkDatasetPort(graph: LineageGraph): DatasetPortResolver {
  return (namespace, name) => {
    if (!namespace.toLowerCase().startsWith('meshwork')) return undefined;
    const node = findLineageRef(graph, name);
    if (node === undefined) return undefined;
    if (graph.kindOf(node) === PORT) return node;
    if (graph.kindOf(node) !== PRODUCT) return undefined;
    const ports = graph.childrenOf(node).filter((c) => graph.kindOf(c) === PORT);
    return ports.length === 1 ? ports[0] : undefined;
  };
}
