/** The join-path question in the URL (`/glossary/Customer?from=a.b&to=c.d&hops=2`), so an answer can be shared. */
import type { JoinRequest } from './glossary-api.js';

export const DEFAULT_MAX_HOPS = 3;
export const MAX_HOPS = 5;

/** Undefined until both ends are given. */
export function joinRequestFrom(params: URLSearchParams): JoinRequest | undefined {
  const from = params.get('from')?.trim();
  const to = params.get('to')?.trim();
  if (!from || !to) return undefined;
  const hops = Number(params.get('hops'));
  const maxHops = Number.isInteger(hops) && hops >= 1 && hops <= MAX_HOPS ? hops : DEFAULT_MAX_HOPS;
  return { from, to, maxHops };
}

export function joinSearch(request: JoinRequest): string {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  if (request.maxHops !== DEFAULT_MAX_HOPS) params.set('hops', String(request.maxHops));
  return `?${params}`;
}
