/**
 * The one place that decides with Cedar. The policy set is parsed once into the wasm module's
 * cache under an id derived from its content (the same policies share one parsed copy; a changed
 * set gets a new id), and each request passes only the principal and resource entities.
 *
 * Decisions are evaluated by the policy set compiled to JavaScript (cedar-evaluator/) when every
 * policy stays within its subset: crossing into wasm costs far more than evaluating a policy
 * (about 200 µs a call against a few µs), and the authorization benchmark's target is per
 * decision. The wasm engine stays the reference: it decides for policy sets the compiler does not
 * support, for requests holding a value it does not model (`DELEGATE`), and the differential tests
 * hold the two to the same answers.
 */
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import {
  policyToJson,
  preparsePolicySet,
  statefulIsAuthorized,
  type Context,
  type DetailedError,
  type EntityJson,
  type TypeAndId,
} from '@cedar-policy/cedar-wasm/nodejs';
import { ACCESS_ACTIONS, type AccessAction } from './access-types.js';
import { entityType } from './cedar-entities.js';
import { DELEGATE, type CedarRecord } from './cedar-evaluator/cedar-value.js';
import { UnsupportedCedar } from './cedar-evaluator/compile-expression.js';
import { compilePolicySet, type CompiledPolicySet } from './cedar-evaluator/compiled-policy-set.js';
import { EntityStore, uidOf } from './cedar-evaluator/evaluation-request.js';
import { assertContextEvaluable, assertEntityEvaluable } from './cedar-evaluator/request-json-check.js';
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
  /** `compiled` when decisions are evaluated in JavaScript, `wasm` when every one calls Cedar's wasm. */
  readonly evaluator: 'compiled' | 'wasm';
  decide(request: CedarRequest): CedarAnswer;
}

export interface CedarEngineOptions {
  /** Decide every request in wasm (the reference, for differential tests and the benchmark). */
  readonly wasmOnly?: boolean;
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

export function createCedarEngine(policies: readonly LoadedPolicy[], options: CedarEngineOptions = {}): CedarEngine {
  const wasm = createWasmEngine(policies);
  const compiled = options.wasmOnly ? undefined : compileOrUndefined(policies);
  if (!compiled) return wasm;
  const actions = Object.fromEntries(
    ACCESS_ACTIONS.map((action) => [action, Object.freeze({ __entity: ACTION_UIDS[action] })]),
  ) as Record<AccessAction, { readonly __entity: TypeAndId }>;
  return {
    evaluator: 'compiled',
    decide(request) {
      try {
        assertEntityEvaluable(request.principal);
        assertEntityEvaluable(request.resource);
        assertContextEvaluable(request.context);
        return compiled.decide({
          principal: { __entity: uidOf(request.principal.uid) },
          action: actions[request.action],
          resource: { __entity: uidOf(request.resource.uid) },
          context: request.context as CedarRecord,
          entities: new EntityStore([request.principal, request.resource]),
        });
      } catch (error) {
        if (error === DELEGATE) return wasm.decide(request);
        throw error;
      }
    },
  };
}

/** The compiled policy set, or undefined when a policy uses what only wasm evaluates. */
function compileOrUndefined(policies: readonly LoadedPolicy[]): CompiledPolicySet | undefined {
  try {
    return compilePolicySet(
      policies.map((p) => {
        const parsed = policyToJson(p.text);
        if (parsed.type === 'failure') throw new UnsupportedCedar(`policy ${p.id}, which does not parse`);
        return { id: p.id, json: parsed.json };
      }),
    );
  } catch (error) {
    if (error instanceof UnsupportedCedar) return undefined;
    throw error;
  }
}

function createWasmEngine(policies: readonly LoadedPolicy[]): CedarEngine {
  const set = { staticPolicies: Object.fromEntries(policies.map((p) => [p.id, p.text])) };
  const hash = createHash('sha256');
  for (const p of policies) hash.update(`${p.id}\u0000${p.text}\u0000`);
  const setId = `meshwork-${hash.digest('hex').slice(0, 32)}`;
  const prepared = preparsePolicySet(setId, set);
  const order = new Map(policies.map((p, index) => [p.id, index]));
  if (prepared.type === 'failure')
    throw new Error(`Cedar could not parse the policy set: ${messages(prepared.errors)}`);

  return {
    evaluator: 'wasm',
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
      // In the policy set's order, as the compiled evaluator reports them: the first forbid named
      // in a denial does not depend on which engine decided.
      const policyIds = [...diagnostics.reason].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      return { allowed: decision === 'allow', policyIds };
    },
  };
}

function messages(errors: readonly DetailedError[]): string {
  return errors.map((e) => e.message).join('; ');
}
