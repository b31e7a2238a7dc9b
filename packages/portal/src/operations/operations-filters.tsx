/** Narrow the page to one product and the runs to one status; applied to the URL on submit. */
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { operationsSearch, type OperationsFilter } from './operations-params.js';
import { RUN_STATUSES, type RunStatus } from './operations-types.js';

export function OperationsFilters({
  filter,
  products,
}: {
  readonly filter: OperationsFilter;
  /** Suggestions for the product field. */
  readonly products: readonly string[];
}) {
  const navigate = useNavigate();
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const product = String(form.get('product') ?? '').trim();
    const runs = String(form.get('runs') ?? '');
    void navigate(
      `/operations${operationsSearch({
        ...(product ? { product } : {}),
        ...(runs ? { runStatus: runs as RunStatus } : {}),
      })}`,
    );
  };
  return (
    // Keyed by the filter, so back/forward show the values of the URL they belong to.
    <form className="operations-filters" onSubmit={apply} key={operationsSearch(filter)}>
      <label>
        Product
        <input
          type="text"
          name="product"
          list="operations-products"
          defaultValue={filter.product ?? ''}
          placeholder="all products"
          autoComplete="off"
        />
      </label>
      <datalist id="operations-products">
        {products.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <label>
        Runs
        <select name="runs" defaultValue={filter.runStatus ?? ''}>
          <option value="">any status</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
