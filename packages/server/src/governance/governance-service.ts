/**
 * Governance as the server holds it: the policies compiled at start, the latest whole-mesh check
 * in memory (what `GET /api/v1/governance/findings` shows), and a way to run a new check — which
 * is recorded in the compliance history and the audit log.
 */
import type { MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { MaskRule } from '../access/masking-rules.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { GovernanceTrigger } from '../metadata/governance-types.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { checkGovernance, type GovernanceCheck } from './check-governance.js';
import { loadGovernance, type Governance } from './load-governance.js';

export interface GovernanceService {
  readonly governance: Governance;
  /** The latest whole-mesh check of this process, with when it ran. */
  latest(): (GovernanceCheck & { readonly checkedAt: string }) | undefined;
  run(actor: string, trigger: GovernanceTrigger): Promise<GovernanceCheck & { readonly checkedAt: string }>;
}

export interface GovernanceServiceOptions {
  readonly root: string;
  readonly model: MeshModel;
  readonly authorizer: Authorizer;
  readonly masks: readonly MaskRule[];
  readonly warehouse: Warehouse;
  readonly store: MetadataStore;
  /** Already loaded (the composition root shares it with the runtime's data gate). */
  readonly governance?: Governance;
  readonly now?: () => Date;
}

export function createGovernanceService(options: GovernanceServiceOptions): GovernanceService {
  const now = options.now ?? (() => new Date());
  const governance = options.governance ?? loadGovernance(options.root, options.model, now());
  let latest: (GovernanceCheck & { checkedAt: string }) | undefined;
  return {
    governance,
    latest: () => latest,
    async run(actor, trigger) {
      const at = now();
      const check = await checkGovernance({
        root: options.root,
        model: options.model,
        governance,
        authorizer: options.authorizer,
        masks: options.masks,
        warehouse: options.warehouse,
        store: options.store,
        trigger,
        actor,
        now: at,
      });
      latest = { ...check, checkedAt: at.toISOString() };
      return latest;
    },
  };
}
