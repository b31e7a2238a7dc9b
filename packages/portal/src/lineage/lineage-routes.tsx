/**
 * The lineage pages as the router mounts them, loaded on first visit: React Flow and the ELK
 * client are a chunk of their own (and ELK's worker a file of its own), so the marketplace's
 * first load does not carry them.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../components/query-status.js';

const LineageExplorerPage = lazy(() =>
  import('./lineage-explorer-page.js').then((m) => ({ default: m.LineageExplorerPage })),
);
const LineageTab = lazy(() => import('./lineage-tab.js').then((m) => ({ default: m.LineageTab })));

export function LineageExplorerRoute() {
  return (
    <Suspense fallback={<Loading what="the lineage explorer" />}>
      <LineageExplorerPage />
    </Suspense>
  );
}

export function LineageTabRoute() {
  return (
    <Suspense fallback={<Loading what="the lineage graph" />}>
      <LineageTab />
    </Suspense>
  );
}
