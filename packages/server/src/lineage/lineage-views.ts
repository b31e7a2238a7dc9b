/** Graph nodes and reached edges as the API shows them: references, kinds, transforms, reasons. */
import { COLUMN, DATASET, EDGE_KINDS, EDGE_SOURCES, PORT, PRODUCT, type LineageGraph } from './lineage-graph.js';
import type { LineageEdgeView, LineageNodeView } from './lineage-view-types.js';
import { FALLBACK, ROW_OF_PORT } from './traverse-lineage.js';

export type MutableNodeView = { -readonly [K in keyof LineageNodeView]: LineageNodeView[K] };

export function nodeView(graph: LineageGraph, node: number): MutableNodeView {
  const note = graph.noteOf(node);
  const view: MutableNodeView = { ref: graph.refOf(node), kind: 'product' };
  switch (graph.kindOf(node)) {
    case PRODUCT:
      view.productId = graph.nameOf(node);
      break;
    case PORT:
      Object.assign(view, portFields(graph, node), { kind: 'port' });
      break;
    case COLUMN: {
      const parent = graph.parentOf(node);
      view.kind = 'column';
      if (graph.kindOf(parent) === PORT) Object.assign(view, portFields(graph, parent));
      else view.dataset = datasetFields(graph, parent);
      view.column = graph.nameOf(node);
      break;
    }
    case DATASET:
      view.kind = 'dataset';
      view.dataset = datasetFields(graph, node);
      break;
  }
  if (note !== undefined) view.unresolved = note;
  return view;
}

export function edgeView(
  graph: LineageGraph,
  edge: number,
  from: number,
  to: number,
  shownAs: number,
): LineageEdgeView {
  const source = EDGE_SOURCES[graph.edgeSource(edge)]!;
  const transform = graph.edgeTransform(edge);
  const ends = { from: graph.refOf(from), to: graph.refOf(to) };
  if (shownAs === ROW_OF_PORT) return { ...ends, kind: 'row', ...(transform ? { transform } : {}), source };
  if (shownAs === FALLBACK) {
    const target = graph.kindOf(to) === COLUMN ? graph.parentOf(to) : to;
    return { ...ends, kind: 'dataset', source, unresolved: unknownColumnsReason(graph, target) };
  }
  return { ...ends, kind: EDGE_KINDS[graph.edgeKind(edge)]!, ...(transform ? { transform } : {}), source };
}

/** Why a dataset's column lineage is unknown: the extractor's gaps, or that nothing recorded any. */
export function unknownColumnsReason(graph: LineageGraph, dataset: number): string {
  const note = graph.noteOf(dataset);
  const why =
    note ??
    (graph.kindOf(dataset) === PORT
      ? 'no run has recorded its column lineage yet'
      : 'no column lineage was received for it');
  return `column lineage of ${graph.refOf(dataset)} is unresolved: ${why}`;
}

function portFields(graph: LineageGraph, port: number) {
  return { productId: graph.refOf(graph.parentOf(port)), port: graph.nameOf(port), major: graph.majorOf(port) };
}

function datasetFields(graph: LineageGraph, dataset: number): NonNullable<LineageNodeView['dataset']> {
  const namespace = graph.namespaceOf(dataset);
  return {
    kind: graph.datasetKindOf(dataset),
    ...(namespace !== undefined ? { namespace } : {}),
    name: graph.nameOf(dataset),
  };
}
