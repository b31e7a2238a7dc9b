/** Freshness as the freshness SLO monitor last judged it: fresh, stale, failing — or not yet known. */
export function FreshnessBadge({ status }: { readonly status: string | null | undefined }) {
  const value = status ?? 'unknown';
  return <span className={`badge freshness-${value}`}>{value}</span>;
}
