/**
 * Every page of the portal and its URL. A new page is one route here (and, if it belongs in the
 * navigation, one link in layout/site-header.tsx); the server answers any non-API path with the
 * app, so no server change is needed.
 */
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../layout/app-layout.js';
import { LoginPage } from '../login/login-page.js';
import { DomainsPage } from '../marketplace/domains-page.js';
import { MarketplacePage } from '../marketplace/marketplace-page.js';
import { OverviewTab } from '../product/overview-tab.js';
import { ProductPage } from '../product/product-page.js';
import { SampleTab } from '../product/sample-tab.js';
import { SchemaTab } from '../product/schema-tab.js';
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
        {
          path: 'products/:id',
          element: <ProductPage />,
          children: [
            { index: true, element: <OverviewTab /> },
            { path: 'schema', element: <SchemaTab /> },
            { path: 'sample', element: <SampleTab /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
