/**
 * Reading `slaProperties` values for comparison: durations with their unit (ODCS leaves units
 * free-form; days are the default, as in model/sla-durations.ts), percentages, times of day
 * (`06:00Z`, `09:00-08:00`) and dates. Anything unreadable is undefined, never guessed.
 */
const UNIT_MS: ReadonlyMap<string, number> = new Map(
  (
    [
      [['ms', 'millisecond', 'milliseconds'], 1],
      [['s', 'sec', 'second', 'seconds'], 1000],
      [['m', 'min', 'minute', 'minutes'], 60_000],
      [['h', 'hr', 'hour', 'hours'], 3_600_000],
      [['d', 'day', 'days'], 86_400_000],
      [['w', 'week', 'weeks'], 604_800_000],
      [['month', 'months'], 2_592_000_000],
      [['y', 'yr', 'year', 'years'], 31_536_000_000],
    ] as const
  ).flatMap(([names, ms]) => names.map((name) => [name, ms] as const)),
);

/** A number written as a number or as numeric text (`"99.9"`, `"99.9%"`). */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function durationMs(value: unknown, unit: unknown): number | undefined {
  const amount = numeric(value);
  const perUnit = UNIT_MS.get(typeof unit === 'string' ? unit.trim().toLowerCase() : 'd');
  return amount === undefined || perUnit === undefined ? undefined : amount * perUnit;
}

/** Minutes after midnight UTC. */
export function timeOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value.trim());
  if (match === null) return undefined;
  const [, h = '0', m = '0', s = '0', zone = 'z'] = match;
  const offset = /^[+-]/.test(zone)
    ? Math.sign(Number(`${zone[0]}1`)) *
      (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(':', '').slice(3, 5) || 0))
    : 0;
  const minutes = Number(h) * 60 + Number(m) + Number(s) / 60 - offset;
  return ((minutes % 1440) + 1440) % 1440;
}

/** Milliseconds since the epoch of an ISO date or timestamp. */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : at;
}
