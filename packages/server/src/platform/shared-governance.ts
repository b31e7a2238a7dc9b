/**
 * Governance findings of a server that shares its store with others. Each server holds the
 * findings of the latest whole-mesh check in memory (../governance), and the store keeps only
 * the counts. So:
 * - a check run here bumps the `governance` change marker; another server seeing it move reads
 *   the newest recorded check and, when it is newer than its own, evaluates the policies itself
 *   — without recording anything — and serves those findings under that check's id and time;
 * - the periodic re-check is claimed per period, so the servers record one check per period
 *   between them instead of one each, and the others follow it as above.
 */
import type { GovernanceCheck } from '../governance/check-governance.js';
import type { GovernanceService } from '../governance/governance-service.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ChangeWatch } from './change-watch.js';
import type { SlotClaims } from './slot-claims.js';

export const GOVERNANCE_TOPIC = 'governance';

type LatestCheck = GovernanceCheck & { readonly checkedAt: string };

export interface SharedGovernance extends GovernanceService {
  /** The periodic whole-mesh check: run and recorded by whichever server claims the period. */
  recheck(periodMs: number, now?: Date): Promise<void>;
}

export interface SharedGovernanceOptions {
  readonly service: GovernanceService;
  readonly store: Pick<MetadataStore, 'latestGovernanceCheck'>;
  readonly watch: Pick<ChangeWatch, 'follow' | 'changed'>;
  readonly claims: Pick<SlotClaims, 'claim'>;
  /** Evaluates every policy over the whole mesh without recording a check. */
  readonly evaluate: () => Promise<GovernanceCheck>;
}

export function createSharedGovernance(options: SharedGovernanceOptions): SharedGovernance {
  const { service, store, watch, claims } = options;
  let followed: LatestCheck | undefined;
  const latest = (): LatestCheck | undefined => {
    const own = service.latest();
    if (!own) return followed;
    return followed && followed.checkedAt > own.checkedAt ? followed : own;
  };

  watch.follow(GOVERNANCE_TOPIC, async () => {
    const newest = await store.latestGovernanceCheck();
    const held = latest();
    if (!newest || (held && (held.checkId === newest.id || held.checkedAt >= newest.checkedAt))) return;
    followed = { ...(await options.evaluate()), checkId: newest.id, checkedAt: newest.checkedAt };
  });

  const run: GovernanceService['run'] = async (actor, trigger) => {
    const check = await service.run(actor, trigger);
    void watch.changed(GOVERNANCE_TOPIC);
    return check;
  };

  return {
    governance: service.governance,
    latest,
    run,
    async recheck(periodMs, now = new Date()) {
      const period = new Date(Math.floor(now.getTime() / periodMs) * periodMs).toISOString();
      if ((await claims.claim('governance:check', period)).claimed) await run('system', 'schedule');
    },
  };
}
