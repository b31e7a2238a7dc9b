/**
 * Duration SLOs of a contract's `slaProperties` (`frequency`, `latency`, `retention`…) in
 * milliseconds. ODCS leaves units free-form; the common spellings are understood, days are the
 * default, and an unknown unit makes the property unusable rather than guessed.
 */
import type { Contract, DataProduct } from './model-types.js';

const UNIT_MS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    [
      [['s', 'sec', 'second', 'seconds'], 1000],
      [['m', 'min', 'minute', 'minutes'], 60_000],
      [['h', 'hr', 'hour', 'hours'], 3_600_000],
      [['d', 'day', 'days'], 86_400_000],
      [['w', 'week', 'weeks'], 604_800_000],
      [['y', 'yr', 'year', 'years'], 31_536_000_000],
    ] as const
  ).flatMap(([names, ms]) => names.map((n) => [n, ms])),
);

interface SlaProperty {
  readonly property?: string;
  readonly value?: unknown;
  readonly unit?: string;
}

export function contractSlaDuration(contract: Contract, property: string): number | undefined {
  const sla = (contract.document as { slaProperties?: readonly SlaProperty[] }).slaProperties ?? [];
  const found = sla.find((p) => p.property === property);
  if (!found) return undefined;
  const value = Number(found.value);
  const unit = UNIT_MS[(found.unit ?? 'd').toLowerCase()];
  return Number.isFinite(value) && unit !== undefined ? value * unit : undefined;
}

/** The first output port contract that declares the property. */
export function productSlaDuration(product: DataProduct, property: string): number | undefined {
  for (const port of product.outputPorts) {
    const duration = port.contract ? contractSlaDuration(port.contract, property) : undefined;
    if (duration !== undefined) return duration;
  }
  return undefined;
}

/**
 * When a contract's port version stops being built and served: its `endOfLife` SLA property
 * (an ISO date or timestamp), if declared and valid.
 */
export function contractRetirement(contract: Contract): Date | undefined {
  const sla = (contract.document as { slaProperties?: readonly SlaProperty[] }).slaProperties ?? [];
  const value = sla.find((p) => p.property === 'endOfLife')?.value;
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
