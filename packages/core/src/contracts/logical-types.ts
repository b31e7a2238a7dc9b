/**
 * Relations between ODCS logical types (`string`, `integer`, `number`, `date`, `timestamp`,
 * `time`, `boolean`, `object`, `array`). Only `integer → number` widens: every integer is a
 * number of the same meaning. A timestamp is not a wider date: equality and grouping by day
 * stop working, so `date → timestamp` is incompatible; `timestamp → date` drops the time of day
 * and narrows. Text holds any value, so leaving `string` narrows, and turning values into
 * `string` is incompatible (order, arithmetic and comparisons change).
 */
import type { TypeRelation } from './type-relation.js';

/** Spellings seen in contracts written by hand or converted from other standards. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['int', 'integer'],
  ['long', 'integer'],
  ['bigint', 'integer'],
  ['double', 'number'],
  ['float', 'number'],
  ['decimal', 'number'],
  ['numeric', 'number'],
  ['datetime', 'timestamp'],
  ['timestamp_tz', 'timestamp'],
  ['text', 'string'],
  ['varchar', 'string'],
  ['bool', 'boolean'],
  ['struct', 'object'],
  ['record', 'object'],
  ['list', 'array'],
]);

export function canonicalLogicalType(written: string): string {
  const lower = written.trim().toLowerCase();
  return ALIASES.get(lower) ?? lower;
}

const NARROWINGS: ReadonlySet<string> = new Set(['number>integer', 'timestamp>date']);

export function relateLogicalTypes(before: string, after: string): TypeRelation {
  const b = canonicalLogicalType(before);
  const a = canonicalLogicalType(after);
  if (b === a) return 'same';
  if (b === 'integer' && a === 'number') return 'widened';
  if (b === 'string' || NARROWINGS.has(`${b}>${a}`)) return 'narrowed';
  return 'incompatible';
}
