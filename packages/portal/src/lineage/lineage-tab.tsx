/**
 * The product page's Lineage tab (`/products/sales.orders/lineage?depth=2`): where the product
 * comes from (left) and what it feeds (right), as deep as the viewer chooses, with a link to the
 * same view in the lineage explorer (which adds the impact of a change).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProductTab } from '../product/product-context.js';
import { DepthSelect } from './depth-select.js';
import { DEFAULT_DEPTH, depthFrom, explorerHref } from './lineage-params.js';
import { LineageView } from './lineage-view.js';

export function LineageTab() {
  const { id } = useProductTab().detail;
  const [params, setParams] = useSearchParams();
  const depth = depthFrom(params.get('depth'));
  const [selected, setSelected] = useState<string>(id);
  const setDepth = (next: number) => {
    const changed = new URLSearchParams(params);
    if (next === DEFAULT_DEPTH) changed.delete('depth');
    else changed.set('depth', String(next));
    setParams(changed);
  };
  const request = { ref: id, direction: 'both', depth, columns: false } as const;
  return (
    <section aria-labelledby="lineage-title" className="tab-panel">
      <h2 id="lineage-title">Lineage</h2>
      <div className="lineage-controls">
        <label htmlFor="lineage-tab-depth">Depth</label>
        <DepthSelect id="lineage-tab-depth" value={depth} onChange={setDepth} />
        <Link to={explorerHref({ ...request, node: selected })}>Open in the lineage explorer, with impact</Link>
      </div>
      <LineageView key={`${id}|${depth}`} request={request} selected={selected} onSelect={setSelected} />
    </section>
  );
}
