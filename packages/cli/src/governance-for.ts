/**
 * Runs a governance check from the CLI with the same facts the server uses: the workspace's
 * governance and access policies, its warehouse (data profiles of the latest builds) and its
 * metadata store (published contracts; compliance history and audit).
 */
import type { CompiledPolicy } from '@meshwork/core';
import {
  checkGovernance,
  loadAccessPolicies,
  loadGovernance,
  type DiskLoadResult,
  type Governance,
  type GovernanceCheck,
  type GovernanceTrigger,
  type MetadataStore,
} from '@meshwork/server';
import { warehouseFor } from './runtime-for.js';

export interface CliCheckOptions {
  readonly only?: readonly string[];
  readonly trigger?: GovernanceTrigger;
  readonly actor: string;
  readonly policies?: readonly CompiledPolicy[];
  readonly governance?: Governance;
  readonly now?: Date;
}

export async function governanceCheckFor(
  workspace: DiskLoadResult,
  store: MetadataStore,
  options: CliCheckOptions,
): Promise<{ governance: Governance; check: GovernanceCheck }> {
  const now = options.now ?? new Date();
  const governance = options.governance ?? loadGovernance(workspace.root, workspace.model, now);
  const access = loadAccessPolicies(workspace.root, workspace.model);
  const check = await checkGovernance({
    root: workspace.root,
    model: workspace.model,
    governance,
    ...(options.only ? { only: options.only } : {}),
    ...(options.policies ? { policies: options.policies } : {}),
    authorizer: access.authorizer,
    masks: access.masks,
    warehouse: warehouseFor(workspace),
    store,
    ...(options.trigger ? { trigger: options.trigger } : {}),
    actor: options.actor,
    now,
  });
  return { governance, check };
}
