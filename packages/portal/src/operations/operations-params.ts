/** The operations page's state in the URL (`/operations?product=support.tickets&runs=failed`), so a view can be shared. */
import { RUN_STATUSES, type RunStatus } from './operations-types.js';

export interface OperationsFilter {
  readonly product?: string;
  readonly runStatus?: RunStatus;
}

export function operationsFilterFrom(params: URLSearchParams): OperationsFilter {
  const product = params.get('product')?.trim();
  const runs = params.get('runs');
  return {
    ...(product ? { product } : {}),
    ...(RUN_STATUSES.includes(runs as RunStatus) ? { runStatus: runs as RunStatus } : {}),
  };
}

export function operationsSearch(filter: OperationsFilter): string {
  const params = new URLSearchParams();
  if (filter.product) params.set('product', filter.product);
  if (filter.runStatus) params.set('runs', filter.runStatus);
  const text = params.toString();
  return text ? `?${text}` : '';
}
