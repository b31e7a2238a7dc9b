/**
 * The results a quality rule accepts, as an interval: `mustBe: 0` is [0, 0],
 * `mustBeLessThan: 5` is (-∞, 5), `mustBeBetween: [1, 9]` is [1, 9]. v3.0.x may combine
 * operators; they all hold, so the interval is their intersection.
 */
import { canonicalText, fieldOf, type JsonRecord } from './json-values.js';

export interface Interval {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

const EVERYTHING: Interval = { low: -Infinity, lowOpen: true, high: Infinity, highOpen: true };

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function narrowLow(i: Interval, low: number, open: boolean): Interval {
  if (low > i.low || (low === i.low && open && !i.lowOpen)) return { ...i, low, lowOpen: open };
  return i;
}

function narrowHigh(i: Interval, high: number, open: boolean): Interval {
  if (high < i.high || (high === i.high && open && !i.highOpen)) return { ...i, high, highOpen: open };
  return i;
}

export function intervalOf(rule: JsonRecord): { accepts?: Interval; otherOperators: string } {
  let interval = EVERYTHING;
  let numeric = false;
  const other: Record<string, unknown> = {};
  const mustBe = fieldOf(rule, 'mustBe');
  if (finite(mustBe)) [interval, numeric] = [narrowHigh(narrowLow(interval, mustBe, false), mustBe, false), true];
  else if (mustBe !== undefined) other.mustBe = mustBe;
  const bounds: readonly (readonly [string, (i: Interval, v: number) => Interval])[] = [
    ['mustBeGreaterThan', (i, v) => narrowLow(i, v, true)],
    ['mustBeGreaterOrEqualTo', (i, v) => narrowLow(i, v, false)],
    ['mustBeLessThan', (i, v) => narrowHigh(i, v, true)],
    ['mustBeLessOrEqualTo', (i, v) => narrowHigh(i, v, false)],
  ];
  for (const [key, narrow] of bounds) {
    const value = fieldOf(rule, key);
    if (finite(value)) [interval, numeric] = [narrow(interval, value), true];
    else if (value !== undefined) other[key] = value;
  }
  const between = fieldOf(rule, 'mustBeBetween');
  if (Array.isArray(between) && between.length === 2 && between.every(finite)) {
    const [x, y] = between as [number, number];
    interval = narrowHigh(narrowLow(interval, Math.min(x, y), false), Math.max(x, y), false);
    numeric = true;
  } else if (between !== undefined) other.mustBeBetween = between;
  for (const key of ['mustNotBe', 'mustNotBeBetween']) {
    if (fieldOf(rule, key) !== undefined) other[key] = fieldOf(rule, key);
  }
  return { ...(numeric && { accepts: interval }), otherOperators: canonicalText(other) };
}

/** Whether every result `inner` accepts, `outer` accepts too. */
export function within(inner: Interval, outer: Interval): boolean {
  const lowOk = inner.low > outer.low || (inner.low === outer.low && (inner.lowOpen || !outer.lowOpen));
  const highOk = inner.high < outer.high || (inner.high === outer.high && (inner.highOpen || !outer.highOpen));
  return lowOk && highOk;
}

export function showInterval(i: Interval | undefined): string {
  if (i === undefined) return 'no threshold';
  if (i.low === i.high) return `= ${i.low}`;
  const parts = [
    ...(i.low === -Infinity ? [] : [`${i.lowOpen ? '>' : '>='} ${i.low}`]),
    ...(i.high === Infinity ? [] : [`${i.highOpen ? '<' : '<='} ${i.high}`]),
  ];
  return parts.length === 0 ? 'anything' : parts.join(' and ');
}
