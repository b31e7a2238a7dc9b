/**
 * Which nodes a caller may see: those of products it may discover. External datasets are
 * visible to everyone (metadata is discoverable by default); a pipeline's file or database input
 * is visible with any product that reads it, since its name comes from that product's pipeline.
 * Decisions are cached per query, so a walk asks the policies once per product.
 */
import { COLUMN, DATASET_EDGE, type LineageGraph } from './lineage-graph.js';
import type { LineageAccess } from './lineage-view-types.js';
import type { NodeVisibility } from './resolve-lineage-ref.js';

export function nodeVisibility(graph: LineageGraph, access: LineageAccess | undefined): NodeVisibility {
  if (!access) return () => true;
  const products = new Map<number, boolean>();
  const datasets = new Map<number, boolean>();
  const productVisible = (product: number) => {
    let allowed = products.get(product);
    if (allowed === undefined) products.set(product, (allowed = access.discover(graph.refOf(product))));
    return allowed;
  };
  const datasetVisible = (dataset: number) => {
    if (graph.datasetKindOf(dataset) === 'external') return true;
    let allowed = datasets.get(dataset);
    if (allowed === undefined) {
      allowed = graph.outEdges(dataset).some((edge) => {
        if (graph.edgeKind(edge) !== DATASET_EDGE) return false;
        const reader = graph.productOf(graph.edgeTo(edge));
        return reader >= 0 && productVisible(reader);
      });
      datasets.set(dataset, allowed);
    }
    return allowed;
  };
  return (node) => {
    const product = graph.productOf(node);
    if (product >= 0) return productVisible(product);
    return datasetVisible(graph.kindOf(node) === COLUMN ? graph.parentOf(node) : node);
  };
}
