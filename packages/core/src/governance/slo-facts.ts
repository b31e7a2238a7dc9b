/** SLO facts from a contract's `slaProperties`, with durations normalised to days. */
import type { SloFacts } from './policy-facts.js';

const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 86_400,
  sec: 1 / 86_400,
  second: 1 / 86_400,
  seconds: 1 / 86_400,
  m: 1 / 1_440,
  min: 1 / 1_440,
  minute: 1 / 1_440,
  minutes: 1 / 1_440,
  h: 1 / 24,
  hr: 1 / 24,
  hour: 1 / 24,
  hours: 1 / 24,
  d: 1,
  day: 1,
  days: 1,
  w: 7,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
  y: 365,
  yr: 365,
  year: 365,
  years: 365,
};

const DURATION_PROPERTIES = new Set(['latency', 'frequency', 'retention', 'timeofavailability']);

export function sloFacts(slaProperties: unknown): SloFacts[] {
  if (!Array.isArray(slaProperties)) return [];
  return slaProperties.flatMap((entry: unknown) => {
    if (entry === null || typeof entry !== 'object') return [];
    const sla = entry as Record<string, unknown>;
    if (typeof sla.property !== 'string') return [];
    const value = sla.value === undefined || sla.value === null ? '' : String(sla.value);
    const unit = typeof sla.unit === 'string' ? sla.unit : '';
    // Without a unit only the duration SLOs default to days (an availability of 99.9 is no duration).
    const property = sla.property.toLowerCase();
    const perUnit = unit ? DAYS_PER_UNIT[unit.toLowerCase()] : DURATION_PROPERTIES.has(property) ? 1 : undefined;
    const number = Number(value);
    return [
      {
        property,
        value,
        unit,
        driver: typeof sla.driver === 'string' ? sla.driver : '',
        days: value !== '' && Number.isFinite(number) && perUnit !== undefined ? number * perUnit : -1,
      },
    ];
  });
}
