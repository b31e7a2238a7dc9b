/**
 * Facts about a port version's deprecation, for the notice-period policy: when it stops being
 * served (`endOfLife`), since when consumers know it is deprecated, and how many days of notice
 * that gives them against the mesh's minimum (mesh.yaml `lifecycle.deprecationNoticeDays`).
 *
 * The notice starts the day the deprecated contract is first published — before that, today:
 * a publish now starts it now. Days are counted from that day's midnight (UTC) to the endOfLife.
 */
import type { MeshConfig } from '../config/mesh-config-schema.js';
import type { Contract } from '../model/model-types.js';
import { contractRetirement } from '../model/sla-durations.js';

/** The minimum notice when mesh.yaml does not set `lifecycle.deprecationNoticeDays`. */
export const DEFAULT_DEPRECATION_NOTICE_DAYS = 30;

const DAY_MS = 86_400_000;

export interface DeprecationFacts {
  /** The `endOfLife` SLA property as a UTC day (`YYYY-MM-DD`); '' when absent or not a date. */
  readonly endOfLife: string;
  /** The day the deprecation was (or, unpublished, will be) first published; '' when the port is not deprecated. */
  readonly deprecatedSince: string;
  /** Days from `deprecatedSince` to `endOfLife`; -1 when either is unknown. */
  readonly noticeDays: number;
  /** The mesh's minimum notice, in days. */
  readonly requiredNoticeDays: bigint;
}

/** Whether a contract announces its port version as deprecated (ODCS `status: deprecated`). */
export function isDeprecatedContract(contract: Pick<Contract, 'status'> | undefined): boolean {
  return contract?.status.toLowerCase() === 'deprecated';
}

/** The configured minimum notice period of a deprecation, in days. */
export function deprecationNoticeDays(config: Pick<MeshConfig, 'lifecycle'>): number {
  return config.lifecycle?.deprecationNoticeDays ?? DEFAULT_DEPRECATION_NOTICE_DAYS;
}

/**
 * @example
 * deprecationFacts(contract, config, '2026-11-01', '2026-11-21')
 * // → { endOfLife: '2027-06-30', deprecatedSince: '2026-11-01', noticeDays: 241, requiredNoticeDays: 30n }
 */
export function deprecationFacts(
  contract: Contract | undefined,
  config: Pick<MeshConfig, 'lifecycle'>,
  /** The first publication as deprecated (`YYYY-MM-DD`), when known. */
  publishedDeprecatedOn: string | undefined,
  today: string,
): DeprecationFacts {
  const retirement = contract ? contractRetirement(contract) : undefined;
  const deprecated = isDeprecatedContract(contract);
  const since = deprecated ? (publishedDeprecatedOn ?? today) : '';
  const start = since === '' ? Number.NaN : Date.parse(`${since}T00:00:00Z`);
  return {
    endOfLife: retirement ? retirement.toISOString().slice(0, 10) : '',
    deprecatedSince: since,
    noticeDays: retirement && Number.isFinite(start) ? Math.floor((retirement.getTime() - start) / DAY_MS) : -1,
    requiredNoticeDays: BigInt(deprecationNoticeDays(config)),
  };
}
