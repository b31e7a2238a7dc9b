/**
 * The lineage pages' state in the URL, so a view can be bookmarked and shared:
 * `/lineage?ref=sales.orders&direction=downstream&depth=5&columns=true&node=…` (the explorer) and
 * `/products/sales.orders/lineage?depth=2` (the product tab). Anything the API would refuse
 * falls back to the default rather than failing the page.
 */
import { LINEAGE_DIRECTIONS, type LineageDirection, type LineageRequest } from './lineage-types.js';

/** The API's limits (packages/server/src/lineage/query-lineage.ts). */
export const MAX_DEPTH = 50;
/** What the depth selectors offer. */
export const DEPTH_CHOICES: readonly number[] = [1, 2, 3, 4, 5, 10, 20, 50];
export const DEFAULT_DEPTH = 3;
export const DEFAULT_DIRECTION: LineageDirection = 'both';

export interface ExplorerState extends LineageRequest {
  /** The node whose impact is shown; the node asked about when absent. */
  readonly node?: string;
}

export function depthFrom(value: string | null): number {
  const depth = Number(value);
  return Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : DEFAULT_DEPTH;
}

export function directionFrom(value: string | null): LineageDirection {
  return LINEAGE_DIRECTIONS.find((d) => d === value) ?? DEFAULT_DIRECTION;
}

export function explorerStateFrom(params: URLSearchParams): ExplorerState {
  const node = params.get('node')?.trim();
  return {
    ref: params.get('ref')?.trim() ?? '',
    direction: directionFrom(params.get('direction')),
    depth: depthFrom(params.get('depth')),
    columns: params.get('columns') === 'true',
    ...(node ? { node } : {}),
  };
}

/** The explorer's URL parameters; defaults are left out to keep links short. */
export function explorerParams(state: ExplorerState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.ref) params.set('ref', state.ref);
  if (state.direction !== DEFAULT_DIRECTION) params.set('direction', state.direction);
  if (state.depth !== DEFAULT_DEPTH) params.set('depth', String(state.depth));
  if (state.columns) params.set('columns', 'true');
  if (state.node && state.node !== state.ref) params.set('node', state.node);
  return params;
}

/** The explorer's link for a view. */
export function explorerHref(state: ExplorerState): string {
  return `/lineage?${explorerParams(state).toString()}`;
}
