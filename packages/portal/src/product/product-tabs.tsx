/**
 * The product page's sections, in the order of its tab bar: each is a URL of its own under
 * `/products/<id>/` and a link in the bar. A new tab is one entry here — the page's navigation
 * (product-page.tsx) and its routes (app/app-router.tsx) both read this list.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../components/query-status.js';
import { LineageTabRoute } from '../lineage/lineage-routes.js';
import { ContractTab } from './contract-tab.js';
import { ExamplesTab } from './examples-tab.js';
import { OverviewTab } from './overview-tab.js';
import { SampleTab } from './sample-tab.js';
import { SchemaTab } from './schema-tab.js';
import { VersionsTab } from './versions-tab.js';

// The charts (recharts) load with the tabs that draw them, not with the first page.
const QualityTab = lazy(() => import('./quality-tab.js').then((m) => ({ default: m.QualityTab })));
const ConsumersTab = lazy(() => import('./consumers-tab.js').then((m) => ({ default: m.ConsumersTab })));

export interface ProductTab {
  /** The path under `/products/<id>/`; empty for the overview. */
  readonly path: string;
  readonly label: string;
  readonly element: ReactNode;
}

export const PRODUCT_TABS: readonly ProductTab[] = [
  { path: '', label: 'Overview', element: <OverviewTab /> },
  { path: 'schema', label: 'Schema', element: <SchemaTab /> },
  { path: 'contract', label: 'Contract', element: <ContractTab /> },
  { path: 'quality', label: 'Quality & SLOs', element: <Charts what="quality" tab={<QualityTab />} /> },
  { path: 'lineage', label: 'Lineage', element: <LineageTabRoute /> },
  { path: 'consumers', label: 'Consumers & usage', element: <Charts what="consumers" tab={<ConsumersTab />} /> },
  { path: 'versions', label: 'Versions & changelog', element: <VersionsTab /> },
  { path: 'examples', label: 'Example queries', element: <ExamplesTab /> },
  { path: 'sample', label: 'Sample data', element: <SampleTab /> },
];

/** The children of the `products/:id` route. */
export const productTabRoutes: RouteObject[] = PRODUCT_TABS.map((tab) =>
  tab.path ? { path: tab.path, element: tab.element } : { index: true, element: tab.element },
);

function Charts({ what, tab }: { readonly what: string; readonly tab: ReactNode }) {
  return <Suspense fallback={<Loading what={`the ${what} tab`} />}>{tab}</Suspense>;
}
