/**
 * How transforms combine along a path: through nested expressions of one statement, and through
 * the steps of a pipeline. A row dependency stays a row dependency whatever it passes through
 * (a column filtered on decides rows, not values); value transforms keep the stronger one (a
 * masked value stays masked however it is computed on afterwards).
 */
import { ROW_TRANSFORMS, VALUE_TRANSFORM_RANK, type LineageTransform } from './lineage-types.js';

const ROW = new Set<LineageTransform>(ROW_TRANSFORMS);

export function isRowTransform(transform: LineageTransform): boolean {
  return ROW.has(transform);
}

/**
 * The transform of an input column seen through `outer`, when it reached the inner expression
 * (or step column) with `inner`. An outer row context (a WHERE, a join key) makes everything it
 * reads that row dependency; an inner row dependency stays one; otherwise the stronger value
 * transform wins.
 */
export function combineTransforms(outer: LineageTransform, inner: LineageTransform): LineageTransform {
  if (isRowTransform(outer)) return outer;
  if (isRowTransform(inner)) return inner;
  return VALUE_TRANSFORM_RANK[inner] > VALUE_TRANSFORM_RANK[outer] ? inner : outer;
}

/** Of two transforms of the same input column for one output column, the one kept. */
export function strongerTransform(kept: LineageTransform, candidate: LineageTransform): LineageTransform {
  // Equal ranks (two row transforms) keep the first seen, so the result is deterministic.
  return VALUE_TRANSFORM_RANK[candidate] > VALUE_TRANSFORM_RANK[kept] ? candidate : kept;
}
