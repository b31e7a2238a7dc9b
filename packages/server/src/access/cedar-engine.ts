/**
 * The one place that calls Cedar to decide. The policy set is parsed once into the wasm module's
 * cache under an id derived from its content (the same policies share one parsed copy; a changed
 * set gets a new id), and each request passes only the principal and resource entities.
 */
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import {
  preparsePolicySet,
  statefulIsAuthorized,
  type Context,
  type DetailedError,
  type EntityJson,
  type TypeAndId,
} from '@cedar-policy/cedar-wasm/nodejs';
import { ACCESS_ACTIONS, type AccessAction } from './access-types.js';
import { entityType } from './cedar-entities.js';
import type { LoadedPolicy } from './load-cedar-policies.js';

export interface CedarRequest {
  readonly principal: EntityJson;
  readonly action: AccessAction;
  readonly resource: EntityJson;
  readonly context: Context;
}

export interface CedarAnswer {
  readonly allowed: boolean;
  /** The policies that determined the decision: satisfied permits on allow, satisfied forbids on deny. */
  readonly policyIds: readonly string[];
}

export interface CedarEngine {
  decide(request: CedarRequest): CedarAnswer;
}

// V8 in Node 20 aborts the process ("Fatal error … unreachable code" in
// Deoptimizer::DoComputeBuiltinContinuation) when optimised code that inlined a call into wasm is
// deoptimised lazily while that call runs — which the authorizer hits once its callers are hot.
// Not inlining JS→wasm calls avoids it at no measurable cost (the wasm call itself dominates).
// V8 reads the flag when it optimises a function, so setting it before any decision is enough.
setFlagsFromString('--no-turbo-inline-js-wasm-calls');

const ACTION_UIDS = Object.fromEntries(
  ACCESS_ACTIONS.map((action) => [action, { type: entityType('Action'), id: action }]),
) as Record<AccessAction, TypeAndId>;

export function createCedarEngine(policies: readonly LoadedPolicy[]): CedarEngine {
  const set = { staticPolicies: Object.fromEntries(policies.map((p) => [p.id, p.text])) };
  const hash = createHash('sha256');
  for (const p of policies) hash.update(`${p.id}\u0000${p.text}\u0000`);
  const setId = `meshwork-${hash.digest('hex').slice(0, 32)}`;
  const prepared = preparsePolicySet(setId, set);
  if (prepared.type === 'failure')
    throw new Error(`Cedar could not parse the policy set: ${messages(prepared.errors)}`);

  return {
    decide(request) {
      const answer = statefulIsAuthorized({
        principal: request.principal.uid,
        action: ACTION_UIDS[request.action],
        resource: request.resource.uid,
        context: request.context,
        preparsedPolicySetId: setId,
        entities: [request.principal, request.resource],
      });
      if (answer.type === 'failure') throw new Error(`Cedar authorization failed: ${messages(answer.errors)}`);
      const { decision, diagnostics } = answer.response;
      return { allowed: decision === 'allow', policyIds: diagnostics.reason };
    },
  };
}

function messages(errors: readonly DetailedError[]): string {
  return errors.map((e) => e.message).join('; ');
}
