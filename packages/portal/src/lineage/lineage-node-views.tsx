/**
 * How each kind of lineage node is drawn: a product (or dataset) as a box holding its ports, a
 * port with its "Show columns" control, a column as one line. Handles sit on the left (data in)
 * and right (data out) edges of each header, so edges read left to right. The controls inside a
 * node are ordinary links and buttons (`nodrag nopan`: React Flow leaves their clicks alone).
 */
import { createContext, useContext, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import type { LineageFlowNode } from './lineage-flow-nodes.js';

export interface LineageNodeActions {
  /** Shows or hides a port's columns; undefined when every column is shown already. */
  readonly toggleColumns?: (portRef: string) => void;
  /** Ports whose columns are being fetched. */
  readonly loadingColumns: ReadonlySet<string>;
}

export const LineageNodeActionsContext = createContext<LineageNodeActions>({ loadingColumns: new Set() });

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
}

function ProductNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  return (
    <div className="lineage-node-header">
      <Handles />
      <span className="lineage-node-name">
        <span className="lineage-kind">product</span>
        <Link
          className="nodrag nopan lineage-node-title"
          to={`/products/${encodeURIComponent(node.id)}`}
          title={`Open ${node.id}`}
        >
          {node.label}
        </Link>
      </span>
      {node.detail !== undefined && <span className="lineage-node-detail">{node.detail}</span>}
    </div>
  );
}

/**
 * A domain of the mesh map: a box of products, or on the domain-level map one node with edges
 * (hence handles) and its counts as `detail`; its name opens the marketplace on that domain.
 */
function DomainNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  return (
    <div className="lineage-node-header">
      <Handles />
      <span className="lineage-node-name">
        <span className="lineage-kind">domain</span>
        <Link
          className="nodrag nopan lineage-node-title"
          to={`/?${new URLSearchParams({ domain: node.label })}`}
          title={`Products of ${node.label}`}
        >
          {node.label}
        </Link>
      </span>
      {node.detail !== undefined && <span className="lineage-node-detail">{node.detail}</span>}
    </div>
  );
}

function PortNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  const { toggleColumns, loadingColumns } = useContext(LineageNodeActionsContext);
  const loading = loadingColumns.has(node.id);
  const toggle = (event: MouseEvent) => {
    // The click would also reach the node, which toggles on click: toggle once.
    event.stopPropagation();
    toggleColumns?.(node.id);
  };
  return (
    <div className="lineage-node-header">
      <Handles />
      <span className="lineage-node-name">
        <span className="lineage-kind">port</span>
        <span className="lineage-node-title" title={node.id}>
          {node.label}
        </span>
      </span>
      {toggleColumns && (
        <button
          type="button"
          className="nodrag nopan lineage-columns-toggle"
          aria-expanded={node.columnsShown}
          aria-label={`${node.columnsShown ? 'Hide' : 'Show'} columns of ${node.id}`}
          disabled={loading}
          onClick={toggle}
        >
          {loading ? 'Loading…' : node.columnsShown ? 'Hide columns' : 'Show columns'}
        </button>
      )}
    </div>
  );
}

function ColumnNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  return (
    <div className="lineage-column-line" title={node.unresolved ? `unresolved: ${node.unresolved}` : node.id}>
      <Handles />
      {node.label}
      {node.unresolved !== undefined && <span className="lineage-unresolved-mark"> (unresolved)</span>}
    </div>
  );
}

function DatasetNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  return (
    <div className="lineage-node-header" title={node.id}>
      <Handles />
      <span className="lineage-node-name">
        <span className="lineage-kind">{node.datasetKind ?? 'dataset'}</span>
        <span className="lineage-node-title">{node.label}</span>
      </span>
    </div>
  );
}

/** Module scope: React Flow re-creates every node when this object changes. */
export const lineageNodeTypes: NodeTypes = {
  domain: DomainNode,
  product: ProductNode,
  port: PortNode,
  column: ColumnNode,
  dataset: DatasetNode,
};
