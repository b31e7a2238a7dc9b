/**
 * The lineage explorer (`/lineage?ref=…&direction=…&depth=…&columns=true&node=…`): the lineage of
 * any product, port, column or dataset the viewer may discover, and the impact of a change to
 * the node selected in the graph (the node asked about until another is picked).
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';
import { ImpactPanel } from './impact-panel.js';
import { explorerParams, explorerStateFrom, type ExplorerState } from './lineage-params.js';
import { LineageQueryForm } from './lineage-query-form.js';
import { LineageView } from './lineage-view.js';

export function LineageExplorerPage() {
  const [params, setParams] = useSearchParams();
  const state = explorerStateFrom(params);
  usePageTitle(state.ref ? `Lineage of ${state.ref}` : 'Lineage explorer');
  const { ref, direction, depth, columns } = state;
  const selected = state.node ?? ref;

  const change = (next: Partial<ExplorerState>) => setParams(explorerParams({ ...state, ...next }));
  // Picking a node replaces the history entry: Back returns to the previous question, not node.
  const select = useCallback(
    (node: string) => setParams(explorerParams({ ref, direction, depth, columns, node }), { replace: true }),
    [setParams, ref, direction, depth, columns],
  );

  return (
    <div className="lineage-explorer-page">
      <h1>Lineage explorer</h1>
      <LineageQueryForm key={ref} state={state} onChange={change} />
      {ref ? (
        <div className="lineage-explorer">
          <section aria-label="Lineage graph" className="lineage-explorer-graph">
            <LineageView
              key={`${ref}|${direction}|${depth}|${columns}`}
              request={{ ref, direction, depth, columns }}
              selected={selected}
              onSelect={select}
            />
          </section>
          <ImpactPanel nodeRef={selected} />
        </div>
      ) : (
        <p className="muted">
          Name a product (<code>sales.orders</code>), a port (<code>sales.orders.orders@2</code>) or a column (
          <code>sales.orders.orders@2.customer_id</code>) to see where it comes from, what it feeds, and what a change
          to it would affect.
        </p>
      )}
    </div>
  );
}
