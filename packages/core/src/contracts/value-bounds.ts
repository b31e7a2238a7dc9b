/**
 * The lower and upper bounds of `logicalTypeOptions`: numbers for numeric types, text in the
 * type's format for dates, timestamps and times. v3.1.0 writes an exclusive bound as its own
 * value (`exclusiveMinimum: 0`); v3.0.x as a flag on the inclusive one (`minimum: 0,
 * exclusiveMinimum: true`). Both read the same here.
 */
import { canonicalText, fieldOf, type JsonRecord } from './json-values.js';

export interface Bound {
  /** The option that sets it (`minimum`, `exclusiveMaximum`…). */
  readonly key: string;
  readonly value: unknown;
  readonly exclusive: boolean;
}

export type BoundChange = 'same' | 'tightened' | 'relaxed' | 'changed';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/** A bound as a number on one scale, tagged by scale; values of different scales do not compare. */
function scaled(value: unknown): { readonly scale: string; readonly at: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { scale: 'number', at: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const iso = ISO.exec(value.trim());
  if (iso) {
    // Without an offset both sides are read as UTC, so the result never depends on the machine.
    const at = Date.parse(`${iso[1]}T${iso[2] ?? '00:00'}${iso[3] ?? 'Z'}`);
    return Number.isNaN(at) ? undefined : { scale: 'instant', at };
  }
  const time = TIME.exec(value.trim());
  if (time) return { scale: 'time', at: Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0) };
  return undefined;
}

function bound(
  options: JsonRecord | undefined,
  inclusiveKey: string,
  exclusiveKey: string,
  side: 1 | -1,
): Bound | undefined {
  const inclusive = fieldOf(options, inclusiveKey);
  const exclusive = fieldOf(options, exclusiveKey);
  const candidates: Bound[] = [];
  if (inclusive !== undefined && inclusive !== null)
    candidates.push({ key: inclusiveKey, value: inclusive, exclusive: exclusive === true });
  if (exclusive !== undefined && exclusive !== null && typeof exclusive !== 'boolean')
    candidates.push({ key: exclusiveKey, value: exclusive, exclusive: true });
  // Both given: the tighter one is the bound.
  return candidates.reduce<Bound | undefined>(
    (best, next) => (best === undefined || compareBounds(best, next, side) === 'tightened' ? next : best),
    undefined,
  );
}

export const lowerBound = (options: JsonRecord | undefined) => bound(options, 'minimum', 'exclusiveMinimum', 1);
export const upperBound = (options: JsonRecord | undefined) => bound(options, 'maximum', 'exclusiveMaximum', -1);

/** `side` is 1 for lower bounds (higher is tighter), -1 for upper bounds. */
export function compareBounds(b: Bound | undefined, a: Bound | undefined, side: 1 | -1): BoundChange {
  if (b === undefined || a === undefined) return b === a ? 'same' : b === undefined ? 'tightened' : 'relaxed';
  const before = scaled(b.value);
  const after = scaled(a.value);
  if (before === undefined || after === undefined || before.scale !== after.scale) {
    const same = b.exclusive === a.exclusive && canonicalText(b.value) === canonicalText(a.value);
    return same ? 'same' : 'changed';
  }
  const moved = Math.sign(after.at - before.at) * side;
  if (moved !== 0) return moved > 0 ? 'tightened' : 'relaxed';
  if (a.exclusive === b.exclusive) return 'same';
  return a.exclusive ? 'tightened' : 'relaxed';
}

export function showBound(value: Bound | undefined, side: 1 | -1): string {
  if (value === undefined) return 'none';
  const operator = side === 1 ? (value.exclusive ? '>' : '>=') : value.exclusive ? '<' : '<=';
  return `${operator} ${typeof value.value === 'string' ? value.value : canonicalText(value.value)}`;
}
