/**
 * A policy set compiled to closures, deciding as Cedar does: deny when any forbid is satisfied
 * (the satisfied forbids are the reasons), else allow when any permit is satisfied (the satisfied
 * permits are the reasons), else deny with no reason. Reasons are in the policy set's order.
 */
import { compilePolicy, type CompiledPolicy } from './compile-policy.js';
import type { EvaluationRequest } from './evaluation-request.js';

export interface PolicySetAnswer {
  readonly allowed: boolean;
  readonly policyIds: readonly string[];
}

export interface CompiledPolicySet {
  /** May throw `DELEGATE` (cedar-value.ts): the request holds a value only wasm evaluates. */
  decide(request: EvaluationRequest): PolicySetAnswer;
}

/** Throws `UnsupportedCedar` when a policy uses a construct outside the compiled subset. */
export function compilePolicySet(
  policies: readonly { readonly id: string; readonly json: unknown }[],
): CompiledPolicySet {
  const compiled = policies.map((p) => compilePolicy(p.id, p.json as Parameters<typeof compilePolicy>[1]));
  const forbids = compiled.filter((p) => p.effect === 'forbid');
  const permits = compiled.filter((p) => p.effect === 'permit');
  const satisfied = (list: readonly CompiledPolicy[], request: EvaluationRequest) => {
    const ids: string[] = [];
    for (const policy of list) if (policy.isSatisfied(request)) ids.push(policy.id);
    return ids;
  };
  return {
    decide(request) {
      const forbidding = satisfied(forbids, request);
      if (forbidding.length > 0) return { allowed: false, policyIds: forbidding };
      const permitting = satisfied(permits, request);
      return { allowed: permitting.length > 0, policyIds: permitting };
    },
  };
}
