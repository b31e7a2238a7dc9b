/** The dashboard's route: loaded on first visit, so recharts stays out of the portal's first page. */
import { lazy, Suspense } from 'react';
import { Loading } from '../components/query-status.js';

const GovernancePage = lazy(() => import('./governance-page.js').then((m) => ({ default: m.GovernancePage })));

export function GovernanceRoute() {
  return (
    <Suspense fallback={<Loading what="the governance dashboard" />}>
      <GovernancePage />
    </Suspense>
  );
}
