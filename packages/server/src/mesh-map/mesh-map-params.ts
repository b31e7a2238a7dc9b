/**
 * The mesh map's query parameters, checked here rather than by the route schema so that a bad
 * value gets this context's stable code (MW8920) and a message naming the parameter and the fix.
 */
import { InputError } from '@meshwork/core';

/** Visible products up to which the whole-mesh answer lists every product. */
export const DEFAULT_THRESHOLD = 1500;
/** The most a caller may ask for: past it a product-level graph is unreadable and the answer large. */
export const MAX_THRESHOLD = 5000;

export interface MeshMapParams {
  readonly threshold: number;
  readonly domain?: string;
}

export function meshMapParams(query: { readonly threshold?: string; readonly domain?: string }): MeshMapParams {
  let threshold = DEFAULT_THRESHOLD;
  if (query.threshold !== undefined) {
    threshold = /^\d{1,9}$/.test(query.threshold) ? Number(query.threshold) : NaN;
    if (!(threshold <= MAX_THRESHOLD)) {
      throw new InputError(
        'MW8920',
        `threshold must be a whole number from 0 to ${MAX_THRESHOLD}; got ${JSON.stringify(query.threshold)}`,
      );
    }
  }
  if (query.domain !== undefined && query.domain.trim() === '') {
    throw new InputError('MW8920', 'domain must name a domain; got an empty value (leave it out for the whole mesh)');
  }
  return { threshold, ...(query.domain === undefined ? {} : { domain: query.domain }) };
}
