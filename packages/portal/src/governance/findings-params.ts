/** The findings filter in the URL (`/governance?outcome=fail&domain=logistics`), so a view can be shared. */
import { FINDING_OUTCOMES, type FindingOutcome } from './governance-types.js';

export interface FindingsFilter {
  readonly outcome?: FindingOutcome;
  readonly policy?: string;
  readonly domain?: string;
}

export function findingsFilterFrom(params: URLSearchParams): FindingsFilter {
  const outcome = params.get('outcome');
  const policy = params.get('policy')?.trim();
  const domain = params.get('domain')?.trim();
  return {
    ...(FINDING_OUTCOMES.includes(outcome as FindingOutcome) ? { outcome: outcome as FindingOutcome } : {}),
    ...(policy ? { policy } : {}),
    ...(domain ? { domain } : {}),
  };
}

/** The URL's parameters with the filter replaced (others kept). */
export function withFindingsFilter(params: URLSearchParams, filter: FindingsFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['outcome', 'policy', 'domain'] as const) {
    const value = filter[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
