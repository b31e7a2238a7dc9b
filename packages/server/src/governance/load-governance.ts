/**
 * Loads a workspace's governance: compiles its policies (every expression type-checked now, not
 * when it runs), reads the waivers as of `now`, and collects the policy tests. Problems are
 * diagnostics with file and line; a policy that does not compile is left out and reported.
 */
import {
  compilePolicies,
  loadWaivers,
  type CompiledPolicy,
  type Diagnostic,
  type LoadedWaivers,
  type MeshModel,
} from '@meshwork/core';
import { readGovernanceFiles, type GovernanceFiles } from './governance-files.js';

export interface Governance {
  /** Enabled policies, global ones first. */
  readonly policies: readonly CompiledPolicy[];
  /** Policies written with `enabled: false`: simulated, never enforced. */
  readonly disabled: readonly CompiledPolicy[];
  /** The waivers as of load time (diagnostics included). */
  readonly waivers: LoadedWaivers;
  /** The waivers as of `date`: one that expired since load stops applying by itself. */
  waiversAt(date: Date): LoadedWaivers;
  readonly tests: GovernanceFiles['tests'];
  readonly diagnostics: readonly Diagnostic[];
}

export function loadGovernance(root: string, model: MeshModel, now: Date = new Date()): Governance {
  const files = readGovernanceFiles(root);
  const compiled = compilePolicies(files.policies);
  const policies = compiled.policies.filter((p) => p.enabled);
  const context = {
    policyIds: new Set(policies.map((p) => p.id)),
    productIds: new Set(model.products.keys()),
    owners: new Set([...model.users.keys(), ...model.teams.keys()]),
  };
  const waivers = loadWaivers(files.waivers, { ...context, now });
  // Waivers change state only at midnight UTC: one reading per day is enough.
  const byDay = new Map<string, LoadedWaivers>([[now.toISOString().slice(0, 10), waivers]]);
  const waiversAt = (date: Date): LoadedWaivers => {
    const day = date.toISOString().slice(0, 10);
    let loaded = byDay.get(day);
    if (!loaded) byDay.set(day, (loaded = loadWaivers(files.waivers, { ...context, now: date })));
    return loaded;
  };
  return {
    policies,
    disabled: compiled.policies.filter((p) => !p.enabled),
    waivers,
    waiversAt,
    tests: files.tests,
    diagnostics: [...files.diagnostics, ...compiled.diagnostics, ...waivers.diagnostics],
  };
}
