/**
 * Every page of the portal and its URL. A new page is one route here (and, if it belongs in the
 * navigation, one link in layout/site-header.tsx); the server answers any non-API path with the
 * app, so no server change is needed.
 */
import { createBrowserRouter } from 'react-router';
import { InboxPage } from '../access/inbox-page.js';
import { MyAccessPage } from '../access/my-access-page.js';
import { RequestAccessPage } from '../access/request-access-page.js';
import { ConsolePage } from '../console/console-page.js';
import { GlossaryPage } from '../glossary/glossary-page.js';
import { GovernanceRoute } from '../governance/governance-route.js';
import { AppLayout } from '../layout/app-layout.js';
import { LineageExplorerRoute } from '../lineage/lineage-routes.js';
import { LoginPage } from '../login/login-page.js';
import { DomainsPage } from '../marketplace/domains-page.js';
import { MarketplacePage } from '../marketplace/marketplace-page.js';
import { MeshMapRoute } from '../mesh-map/mesh-map-route.js';
import { OperationsPage } from '../operations/operations-page.js';
import { ProductPage } from '../product/product-page.js';
import { productTabRoutes } from '../product/product-tabs.js';
import { RequireSession } from '../session/require-session.js';
import { NotFoundPage } from './not-found-page.js';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <MarketplacePage /> },
        { path: 'domains', element: <DomainsPage /> },
        { path: 'map', element: <MeshMapRoute /> },
        {
          path: 'products/:id',
          element: <ProductPage />,
          // Its tabs: product/product-tabs.tsx (one entry per tab).
          children: productTabRoutes,
        },
        { path: 'products/:id/request-access', element: <RequestAccessPage /> },
        { path: 'access', element: <MyAccessPage /> },
        { path: 'access/inbox', element: <InboxPage /> },
        { path: 'console', element: <ConsolePage /> },
        { path: 'lineage', element: <LineageExplorerRoute /> },
        { path: 'governance', element: <GovernanceRoute /> },
        { path: 'operations', element: <OperationsPage /> },
        { path: 'glossary/:entity?', element: <GlossaryPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
