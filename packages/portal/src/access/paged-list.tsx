/**
 * The items of a paged access list (TanStack's infinite query over the API's `next` cursor) and
 * the button that loads the next page.
 */
import { useMemo } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Agreement, AgreementPage } from './access-types.js';

export type PagedAgreements = UseInfiniteQueryResult<InfiniteData<AgreementPage>>;

/** Every item loaded so far, as one array (stable while the pages are). */
export function useLoadedItems(query: PagedAgreements): Agreement[] {
  const pages = query.data?.pages;
  return useMemo(() => (pages ?? []).flatMap((page) => page.items), [pages]);
}

export function MoreButton({ query, what }: { readonly query: PagedAgreements; readonly what: string }) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="more"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? 'Loading…' : `Show more ${what}`}
    </button>
  );
}
