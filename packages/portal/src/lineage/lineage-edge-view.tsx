/**
 * One lineage edge: a curve from the source's right to the target's left, styled by what it
 * carries (value, row dependency, dataset, unresolved — see styles.css and the legend), its
 * transform as a label that shows on hover, focus or selection, and the whole story (with the
 * reason an edge is unresolved) as the SVG title: a tooltip and, through `ariaLabel`, what a
 * screen reader says when the edge has focus.
 */
import { BaseEdge, getBezierPath, MarkerType, type Edge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import type { EdgeCategory, GraphEdge, LineageGraphModel } from './lineage-graph-model.js';

export type LineageFlowEdge = Edge<{ readonly edge: GraphEdge }, 'lineage'>;

/** Arrow colours, the same as the strokes in styles.css ("Lineage"). */
const COLOURS: Readonly<Record<EdgeCategory | 'unresolved', string>> = {
  value: '#0b5cad',
  row: '#7d4e00',
  dataset: '#57606a',
  unresolved: '#a40e26',
};

export function toFlowEdges(model: LineageGraphModel): LineageFlowEdge[] {
  return model.edges.map((edge) => {
    const style = edge.unresolved === undefined ? edge.category : 'unresolved';
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: 'lineage',
      data: { edge },
      ariaLabel: edge.description,
      className: `lineage-edge lineage-edge-${edge.category}${edge.unresolved === undefined ? '' : ' lineage-edge-unresolved'}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: COLOURS[style] },
    };
  });
}

function LineageEdgeView(props: EdgeProps<LineageFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const edge = props.data?.edge;
  return (
    <>
      <BaseEdge
        path={path}
        {...(props.markerEnd === undefined ? {} : { markerEnd: props.markerEnd })}
        label={edge?.label}
        labelX={labelX}
        labelY={labelY}
        labelBgPadding={[4, 2]}
        labelBgBorderRadius={3}
      />
      {edge && <title>{edge.description}</title>}
    </>
  );
}

/** Module scope: React Flow re-creates every edge when this object changes. */
export const lineageEdgeTypes: EdgeTypes = { lineage: LineageEdgeView };
