/**
 * Runs and incidents (`/operations`): open incidents first — which product, how bad, since when,
 * the failed run and its checks — then resolved ones, then recent runs across products. All of
 * it as the viewer may discover it; narrowed to one product and a run status through the URL.
 */
import { useEffect, useMemo, useState } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { IncidentCard } from './incident-card.js';
import { useIncidents, useProductIds, useRuns } from './operations-api.js';
import { OperationsFilters } from './operations-filters.js';
import { operationsFilterFrom } from './operations-params.js';
import { ResolvedIncidentsTable } from './resolved-incidents-table.js';
import { RunsTable } from './runs-table.js';

export function OperationsPage() {
  usePageTitle('Runs and incidents');
  const [params] = useSearchParams();
  const filter = operationsFilterFrom(params);
  const open = useIncidents('open', filter.product);
  const resolved = useIncidents('resolved', filter.product);
  const runs = useRuns(filter.runStatus, filter.product);
  const products = useProductIds();
  // "Open for 2 h": measured from when the page was opened, not re-rendered every second.
  const [now] = useState(() => Date.now());
  const openItems = useItems(open);
  const resolvedItems = useItems(resolved);
  useFillEmptyPages(open, openItems.length);
  useFillEmptyPages(resolved, resolvedItems.length);
  const runItems = useItems(runs);

  return (
    <div className="operations-page">
      <h1>Runs and incidents</h1>
      <p className="muted">
        An incident is open while a product is failing (a run failed) or stale (its freshness promise is missed), and
        resolved when it is fresh again.
      </p>
      <OperationsFilters filter={filter} products={products.data ?? []} />

      <section aria-labelledby="open-incidents-title">
        <h2 id="open-incidents-title">
          Open incidents{open.data ? ` (${openItems.length}${open.hasNextPage ? ' so far' : ''})` : ''}
        </h2>
        {open.isPending && <Loading what="open incidents" />}
        {open.isError && <LoadError error={open.error} />}
        {open.data && openItems.length === 0 && !open.hasNextPage && (
          <p>No open incident: every product keeps its promises.</p>
        )}
        <div className="incident-cards">
          {openItems.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} now={now} />
          ))}
        </div>
        <MoreButton query={open} what="open incidents" />
      </section>

      <section aria-labelledby="resolved-incidents-title">
        <h2 id="resolved-incidents-title">Resolved incidents</h2>
        {resolved.isPending && <Loading what="resolved incidents" />}
        {resolved.isError && <LoadError error={resolved.error} />}
        {resolved.data && resolvedItems.length === 0 && !resolved.hasNextPage && (
          <p className="muted">No resolved incident yet.</p>
        )}
        {resolvedItems.length > 0 && <ResolvedIncidentsTable incidents={resolvedItems} />}
        <MoreButton query={resolved} what="resolved incidents" />
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Recent runs</h2>
        {runs.isPending && <Loading what="runs" />}
        {runs.isError && <LoadError error={runs.error} />}
        {runs.data && runItems.length === 0 && <p className="muted">No run matches.</p>}
        {runItems.length > 0 && <RunsTable runs={runItems} />}
        <MoreButton query={runs} what="runs" />
      </section>
    </div>
  );
}

type Paged<T> = UseInfiniteQueryResult<InfiniteData<{ readonly items: readonly T[]; readonly next?: string }>>;

/** Every item loaded so far, as one array (stable while the pages are). */
function useItems<T>(query: Paged<T>): T[] {
  const pages = query.data?.pages;
  return useMemo(() => (pages ?? []).flatMap((page) => page.items), [pages]);
}

/**
 * The server scans a bounded number of status changes per page, so a page can come back empty —
 * every change it read belonged to a product the viewer may not see — with a cursor to go on.
 * Nothing shown yet and more to read: read on, rather than say there is nothing.
 */
function useFillEmptyPages<T>(query: Paged<T>, loaded: number): void {
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (loaded === 0 && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [loaded, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
}

function MoreButton<T>({ query, what }: { readonly query: Paged<T>; readonly what: string }) {
  if (!query.hasNextPage) return null;
  return (
    <button type="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {query.isFetchingNextPage ? 'Loading…' : `Show more ${what}`}
    </button>
  );
}
