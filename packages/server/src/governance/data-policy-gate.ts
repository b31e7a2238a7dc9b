/**
 * The governance gate inside a build (write, audit, publish): after the contract checks, the
 * policies that read the data profile run on the profile of the *staged* data, and a blocking
 * failure stops the run before anything is published — the previous snapshot stays current.
 * Metadata-only policies are `mesh publish`'s gate; this one catches what only the new data shows.
 */
import { buildPolicySubject, evaluatePolicies, isBlocking, type Finding, type MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { DataPolicyGate } from '../runtime/runtime-context.js';
import type { Governance } from './load-governance.js';
import { profileFacts } from './profile-facts.js';
import { glossaryIdentifiers } from './glossary-identifiers.js';

export function createDataPolicyGate(options: {
  readonly model: MeshModel;
  readonly governance: Governance;
  readonly authorizer?: Authorizer;
}): DataPolicyGate {
  const policies = options.governance.policies.filter((p) => p.usesData);
  const identifier = glossaryIdentifiers(options.model);
  return (productId, outputs, now): readonly Finding[] => {
    const product = options.model.products.get(productId);
    if (!product || policies.length === 0) return [];
    const staged = new Map(outputs.map((o) => [`${o.port}@${o.major}`, profileFacts(o.profile)]));
    const subject = buildPolicySubject(options.model, product, {
      profile: (_product, port) => staged.get(`${port.name}@${port.major}`),
      identifier,
    });
    const report = evaluatePolicies(policies, [subject], { waivers: options.governance.waiversAt(now).lookup });
    return report.findings.filter(isBlocking);
  };
}
