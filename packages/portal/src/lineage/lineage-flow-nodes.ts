/**
 * The lineage model, laid out, as React Flow nodes: each at its ELK box, inside its container
 * (`parentId`, position relative to it), named for screen readers with what it is and how far
 * it lies from the node asked about.
 */
import type { Node } from '@xyflow/react';
import type { GraphNode, LineageGraphModel } from './lineage-graph-model.js';
import type { NodeBox } from './lineage-layout.js';

export type LineageFlowNode = Node<{ readonly node: GraphNode }, GraphNode['kind']>;

export function toFlowNodes(
  model: LineageGraphModel,
  boxes: ReadonlyMap<string, NodeBox>,
  selected: string | undefined,
): LineageFlowNode[] {
  return model.nodes.flatMap((node): LineageFlowNode[] => {
    const box = boxes.get(node.id);
    if (!box) return [];
    return [
      {
        id: node.id,
        type: node.kind,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        ...(node.parentId === undefined ? {} : { parentId: node.parentId }),
        data: { node },
        ariaLabel: describeNode(node),
        draggable: false,
        selected: node.id === selected,
        className: [
          `lineage-node lineage-${node.kind}`,
          node.root ? 'lineage-root' : '',
          node.unresolved === undefined ? '' : 'lineage-unresolved',
          node.tone ?? '',
        ]
          .filter(Boolean)
          .join(' '),
      },
    ];
  });
}

const KIND_NAME = { domain: 'Domain', product: 'Product', port: 'Port', column: 'Column', dataset: 'Dataset' } as const;

/** `Port sales.orders.orders@2, 1 hop downstream`. */
export function describeNode(node: GraphNode): string {
  const parts = [`${KIND_NAME[node.kind]} ${node.id}`];
  if (node.root) parts.push('the node asked about');
  else {
    if (node.upstream) parts.push(hops(node.upstream, 'upstream'));
    if (node.downstream) parts.push(hops(node.downstream, 'downstream'));
  }
  if (node.detail !== undefined) parts.push(node.detail);
  if (node.unresolved !== undefined) parts.push(`lineage unresolved: ${node.unresolved}`);
  return parts.join(', ');
}

const hops = (n: number, way: string) => `${n} hop${n === 1 ? '' : 's'} ${way}`;
