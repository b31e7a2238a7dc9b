/**
 * A product's SLO status in words: whether its freshness objective is met now (the freshness
 * monitor's last judgement: fresh, stale, failing), and the objectives its contracts declare
 * (frequency, latency, availability…). Shown on the overview and the quality tab.
 */
import type { ProductPageDetail, SlaProperty } from './product-api-types.js';

export type SloLevel = 'met' | 'breached' | 'unknown';

export interface SloStatus {
  readonly level: SloLevel;
  /** `met`, `breached: stale`… */
  readonly label: string;
  readonly detail: string;
  readonly since: string | null;
  /** The objectives per port version: `orders v2: frequency 1 h, latency 2 h, …`. */
  readonly objectives: readonly string[];
}

/** The SLA properties that are objectives the platform watches or promises (not end-of-life dates). */
const OBJECTIVES = new Set(['frequency', 'latency', 'availability', 'retention', 'timeOfAvailability', 'throughput']);

export function sloStatus(detail: Pick<ProductPageDetail, 'status' | 'contracts'>): SloStatus {
  const objectives = detail.contracts.flatMap((c) => {
    const declared = c.slos.filter((p) => OBJECTIVES.has(p.property)).map(objectiveText);
    return declared.length === 0 ? [] : [`${c.port} v${c.major}: ${declared.join(', ')}`];
  });
  const status = detail.status;
  const base = { since: status?.at ?? null, objectives };
  if (!status || status.status === 'unknown') {
    const detailText = objectives.length === 0 ? 'no freshness objective declared' : 'not evaluated yet';
    return { ...base, level: 'unknown', label: 'not evaluated', detail: status?.reason ?? detailText };
  }
  if (status.status === 'fresh') return { ...base, level: 'met', label: 'met', detail: status.reason };
  const why = status.status === 'failing' ? 'the last run failed' : 'the data is older than promised';
  return { ...base, level: 'breached', label: `breached: ${status.status}`, detail: `${why} — ${status.reason}` };
}

function objectiveText(p: SlaProperty): string {
  const value = p.value ?? p.valueExt;
  return `${p.property} ${value == null ? '—' : String(value)}${p.unit ? ` ${p.unit}` : ''}`;
}
