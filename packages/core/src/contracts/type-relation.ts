/**
 * How a new type relates to the old one, from the reader's side. Types are the representation
 * consumers code against (casts, sinks, join keys, functions), so the question is whether every
 * value a consumer could receive before still exists unchanged, and whether operations keep
 * their meaning:
 * - `widened`: every old value keeps its exact meaning; new, larger or finer values may appear;
 * - `narrowed`: some values consumers could receive no longer fit (rounded, truncated, gone);
 * - `incompatible`: a different kind of type: comparisons, functions and grouping change;
 * - `unknown`: Meshwork cannot tell (an unrecognised type, a width left to the database).
 */
export type TypeRelation = 'same' | 'widened' | 'narrowed' | 'incompatible' | 'unknown';

/** Within one family of types: wider if it holds all the old values, else narrower. */
export function byContainment(newHoldsOld: boolean, oldHoldsNew: boolean): TypeRelation {
  if (newHoldsOld && oldHoldsNew) return 'same';
  return newHoldsOld ? 'widened' : 'narrowed';
}
