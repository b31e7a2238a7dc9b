/** Freezes a value and everything reachable from it, so the model cannot change under a reader. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
    // Maps cannot be frozen in place; block the mutators instead.
    const map = value as unknown as Map<unknown, unknown>;
    map.set = rejectMutation;
    map.delete = rejectMutation;
    map.clear = rejectMutation;
  } else {
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return Object.freeze(value);
}

function rejectMutation(): never {
  throw new TypeError('the mesh model is immutable');
}
