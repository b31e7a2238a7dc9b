/**
 * The lineage around one node as the viewer may see it: the main walk, the columns of the ports
 * the viewer opened, the graph, its legend, and what the server left out ("N nodes you may not
 * see") or cut short. Used by the product page's Lineage tab and by the lineage explorer; a
 * parent gives it a `key` per request, so opened ports start closed for a new node.
 */
import { useCallback, useMemo, useState } from 'react';
import { LoadError, Loading } from '../components/query-status.js';
import { buildLineageGraph } from './lineage-graph-model.js';
import { LineageGraph } from './lineage-graph.js';
import { LineageLegend } from './lineage-legend.js';
import { useColumnExpansions, useLineage } from './lineage-queries.js';
import type { LineageRequest } from './lineage-types.js';

export interface LineageViewProps {
  readonly request: LineageRequest;
  readonly selected?: string;
  readonly onSelect?: (ref: string) => void;
}

export function LineageView({ request, selected, onSelect }: LineageViewProps) {
  const main = useLineage(request);
  const [opened, setOpened] = useState<readonly string[]>([]);
  const expansions = useColumnExpansions(request.columns ? [] : opened, {
    direction: request.direction,
    depth: request.depth,
  });
  const toggleColumns = useCallback(
    (port: string) => setOpened((ports) => (ports.includes(port) ? ports.filter((p) => p !== port) : [...ports, port])),
    [],
  );
  const loadingColumns = useMemo(() => new Set(expansions.loading), [expansions.loading]);
  const model = useMemo(
    () => (main.data ? buildLineageGraph([main.data, ...expansions.results], new Set(opened)) : null),
    [main.data, expansions.results, opened],
  );

  if (main.isPending) return <Loading what={`the lineage of ${request.ref}`} />;
  if (main.isError) return <LoadError error={main.error} />;
  if (!model) return null;
  const edges = model.edges.length;
  return (
    <div className="lineage-view">
      <p className="muted lineage-summary">
        {model.nodes.length} node{model.nodes.length === 1 ? '' : 's'}, {edges} edge{edges === 1 ? '' : 's'}
        {request.columns ? ', with column lineage' : ''}.
        {model.hidden > 0 && (
          <strong className="lineage-hidden">
            {' '}
            {model.hidden} node{model.hidden === 1 ? '' : 's'} you may not see
          </strong>
        )}
        {model.truncated && <strong> The walk stopped at its node limit: narrow it with a smaller depth.</strong>}
      </p>
      {expansions.errors.map((error, i) => (
        <LoadError key={i} error={error} />
      ))}
      <div className="lineage-layout">
        <LineageGraph
          model={model}
          label={`Lineage of ${request.ref}`}
          {...(selected === undefined ? {} : { selected })}
          {...(onSelect ? { onSelect } : {})}
          {...(request.columns ? {} : { onToggleColumns: toggleColumns })}
          loadingColumns={loadingColumns}
        />
        <LineageLegend />
      </div>
    </div>
  );
}
