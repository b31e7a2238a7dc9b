/**
 * The search facets as groups of checkboxes with their counts (over the whole result set, as the
 * API computes them). Ticked values stay listed even when the other filters leave them no hits.
 */
import { useSearchParams } from 'react-router';
import { SEARCH_FACETS, type FacetCount, type SearchFacet, type SearchResults } from '../api/api-types.js';
import { toggleFacet } from './search-params.js';

const LABELS: Record<SearchFacet, string> = {
  domain: 'Domain',
  archetype: 'Archetype',
  status: 'Lifecycle',
  classification: 'Classification',
  tag: 'Tag',
  owner: 'Owner',
  freshness: 'Freshness',
};

export function FacetFilters({ facets }: { readonly facets: SearchResults['facets'] }) {
  const [params, setParams] = useSearchParams();
  return (
    <div className="facets">
      {SEARCH_FACETS.map((facet) => {
        const selected = params.getAll(facet);
        const counts = withSelected(facets[facet] ?? [], selected);
        if (counts.length === 0) return null;
        return (
          <fieldset key={facet}>
            <legend>{LABELS[facet]}</legend>
            {counts.map(({ value, count }) => {
              const id = `facet-${facet}-${value}`;
              return (
                <div key={value} className="facet-option">
                  <input
                    id={id}
                    type="checkbox"
                    checked={selected.includes(value)}
                    onChange={() => setParams(toggleFacet(params, facet, value))}
                  />
                  <label htmlFor={id}>
                    {value} <span className="muted">({count})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}

function withSelected(counts: readonly FacetCount[], selected: readonly string[]): readonly FacetCount[] {
  const missing = selected.filter((value) => !counts.some((c) => c.value === value));
  return [...counts, ...missing.map((value) => ({ value, count: 0 }))];
}
