/**
 * The lineage graph: React Flow draws and moves it (zoom, pan, fit view; nodes and edges take
 * focus), ELK places it (in a Web Worker: elk-engine.ts). Clicking a node selects it; clicking
 * a port (or its "Show columns" button) shows its columns. With the keyboard: Tab walks the
 * nodes and edges, Space selects, Enter opens the node's product page.
 *
 * While a new layout is computed the previous one stays on screen. The wrapper tells what it
 * shows in data attributes (`data-state`, `data-nodes`, `data-engine`, `data-layout-ms`), which
 * the end-to-end test reads to time the render.
 */
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type AriaLabelConfig,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { LoadError } from '../components/query-status.js';
import { elkEngineKind, elkLayout } from './elk-engine.js';
import { lineageEdgeTypes, toFlowEdges } from './lineage-edge-view.js';
import { toFlowNodes, type LineageFlowNode } from './lineage-flow-nodes.js';
import type { LineageGraphModel } from './lineage-graph-model.js';
import { layoutLineage, type NodeBox } from './lineage-layout.js';
import { LineageNodeActionsContext, lineageNodeTypes, type LineageNodeActions } from './lineage-node-views.js';

export interface LineageGraphProps {
  readonly model: LineageGraphModel;
  /** Names the graph for screen readers. */
  readonly label: string;
  readonly selected?: string;
  readonly onSelect?: (ref: string) => void;
  /** Shows or hides a port's columns; undefined when there is nothing to toggle. */
  readonly onToggleColumns?: (portRef: string) => void;
  readonly loadingColumns?: ReadonlySet<string>;
}

const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default': 'Press Enter to open its product page, Space to select it.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter to open its product page, Space to select it.',
  'edge.a11yDescription.default': 'Data flows from the first node named to the second.',
};
const NO_LOADING: ReadonlySet<string> = new Set();
/** The whole graph on screen, never blown up past 120 % when it is small. */
const FIT_VIEW = { padding: 0.08, maxZoom: 1.2 } as const;

export function LineageGraph(props: LineageGraphProps) {
  return (
    <ReactFlowProvider>
      <LineageCanvas {...props} />
    </ReactFlowProvider>
  );
}

interface Layout {
  readonly model: LineageGraphModel;
  readonly boxes: ReadonlyMap<string, NodeBox>;
  readonly ms: number;
}

function LineageCanvas({ model, label, selected, onSelect, onToggleColumns, loadingColumns }: LineageGraphProps) {
  const navigate = useNavigate();
  const { fitView } = useReactFlow();
  const [layout, setLayout] = useState<Layout | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const started = performance.now();
    layoutLineage(model, elkLayout).then(
      (boxes) => {
        if (current) setLayout({ model, boxes, ms: performance.now() - started });
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [model]);

  useEffect(() => {
    if (layout) void fitView(FIT_VIEW);
  }, [layout, fitView]);

  const nodes = useMemo(() => (layout ? toFlowNodes(layout.model, layout.boxes, selected) : []), [layout, selected]);
  const edges = useMemo(() => (layout ? toFlowEdges(layout.model) : []), [layout]);
  const actions = useMemo<LineageNodeActions>(
    () => ({
      ...(onToggleColumns ? { toggleColumns: onToggleColumns } : {}),
      loadingColumns: loadingColumns ?? NO_LOADING,
    }),
    [onToggleColumns, loadingColumns],
  );

  // Nodes are controlled: React Flow's selection (a click, Space or Enter) arrives as a change.
  const onNodesChange = useCallback(
    (changes: NodeChange<LineageFlowNode>[]) => {
      for (const change of changes) if (change.type === 'select' && change.selected) onSelect?.(change.id);
    },
    [onSelect],
  );
  const onNodeClick = useCallback<NodeMouseHandler<LineageFlowNode>>(
    (_event, node) => {
      if (node.type === 'port') onToggleColumns?.(node.id);
    },
    [onToggleColumns],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || !target.classList.contains('react-flow__node')) return;
    const productId = model.nodes.find((n) => n.id === target.dataset.id)?.productId;
    if (productId) void navigate(`/products/${encodeURIComponent(productId)}`);
  };

  if (error) return <LoadError error={error} />;
  const state = layout?.model === model ? 'ready' : 'laying-out';
  return (
    // Enter on a focused node (React Flow's own element) opens its product page.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="lineage-canvas"
      data-state={state}
      data-nodes={layout?.model.nodes.length ?? 0}
      data-engine={layout ? elkEngineKind() : undefined}
      data-layout-ms={layout ? Math.round(layout.ms) : undefined}
      onKeyDown={onKeyDown}
    >
      {state === 'laying-out' && (
        <p role="status" className="lineage-canvas-status muted">
          Laying out {model.nodes.length} nodes…
        </p>
      )}
      <LineageNodeActionsContext.Provider value={actions}>
        <ReactFlow
          aria-label={label}
          nodes={nodes}
          edges={edges}
          nodeTypes={lineageNodeTypes}
          edgeTypes={lineageEdgeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          nodesDraggable={false}
          nodesConnectable={false}
          deleteKeyCode={null}
          minZoom={0.05}
          maxZoom={2}
          ariaLabelConfig={ARIA_LABELS}
        >
          <Background gap={24} />
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
        </ReactFlow>
      </LineageNodeActionsContext.Provider>
    </div>
  );
}
