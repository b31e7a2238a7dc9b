/**
 * The Authorizer: Cedar decisions narrowed by token scopes, and read plans (which columns in
 * clear, which masked, which row filters) built from them. Default deny: without a permit, or
 * with a forbid, or for a resource the model does not have, the answer is no.
 *
 * A wasm decision costs 50–250 µs, so decisions are cached per (principal, action, resource,
 * context) and read plans per (principal, port, context), each in a bounded LRU. The caches
 * belong to this authorizer, which is built for one model and one policy set: loading new
 * policies or a new model builds a new authorizer, so nothing stale can be served.
 */
import type { MeshModel } from '@meshwork/core';
import type { Principal } from '../identity/principal.js';
import { portKey, type AccessColumn } from './access-model.js';
import type {
  AccessAction,
  AccessContext,
  AccessDecision,
  AccessResource,
  Authorizer,
  ColumnTreatment,
  PortRef,
  ReadDecision,
  ReadPlan,
} from './access-types.js';
import { createCedarEngine } from './cedar-engine.js';
import { createEntityResolver, principalEntity, principalKey, resourceKey } from './cedar-entities.js';
import type { EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import type { LoadedPolicy } from './load-cedar-policies.js';
import { LruCache } from './lru-cache.js';
import { maskRuleFor, type MaskRule } from './masking-rules.js';
import { chosenAgreement, requestContext, type RequestContext } from './request-context.js';
import { compileRowFilters, type RowFilterRule } from './row-filters.js';
import { scopeDenial } from './token-scopes.js';

export interface AuthorizerOptions {
  readonly model: MeshModel;
  readonly policies: readonly LoadedPolicy[];
  readonly masks?: readonly MaskRule[];
  readonly rowFilters?: readonly RowFilterRule[];
  /** Set when the policies did not load: every request is denied with this reason. */
  readonly failClosed?: string;
  /** Entries per cache (decisions, plans, entities); default 50,000. */
  readonly cacheSize?: number;
  /** Told of every decision answered (metrics); must be cheap: it runs on every decision. */
  readonly onDecision?: (action: AccessAction, allowed: boolean) => void;
  /**
   * `wasm` decides every cache miss with Cedar's wasm engine, the reference the compiled evaluator
   * is tested against; the default evaluates in JavaScript when the policies allow (cedar-engine.ts).
   */
  readonly cedarEvaluator?: 'compiled' | 'wasm';
}

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly decisions: number;
}

export interface MeshworkAuthorizer extends Authorizer {
  /** The policies in force, for explanations (`mesh policy test`, the portal). */
  readonly policies: readonly LoadedPolicy[];
  cacheStats(): CacheStats;
  /** How cache misses are decided (cedar-engine.ts). */
  readonly cedarEvaluator: 'compiled' | 'wasm';
}

interface PrincipalInfo {
  readonly key: string;
  readonly entity: EntityJson;
}

interface PortInfo {
  readonly columns: readonly AccessColumn[];
  readonly masks: readonly (MaskRule | undefined)[];
  readonly columnNames: ReadonlySet<string>;
}

export function createAuthorizer(options: AuthorizerOptions): MeshworkAuthorizer {
  const { model, policies, masks = [], rowFilters = [], failClosed, onDecision } = options;
  const cacheSize = options.cacheSize ?? 50_000;
  const engine = createCedarEngine(policies, { wasmOnly: options.cedarEvaluator === 'wasm' });
  const entities = createEntityResolver(model, cacheSize);
  const decisions = new LruCache<string, AccessDecision>(cacheSize);
  const plans = new LruCache<string, ReadDecision>(cacheSize);
  const ports = new LruCache<string, PortInfo | null>(cacheSize);
  const principals = new WeakMap<Principal, PrincipalInfo>();
  const principalEntities = new LruCache<string, EntityJson>(cacheSize);
  const byId = new Map(policies.map((p) => [p.id, p]));
  let hits = 0;
  let misses = 0;

  const principalInfo = (principal: Principal): PrincipalInfo => {
    let info = principals.get(principal);
    if (!info) {
      const key = principalKey(principal);
      info = { key, entity: principalEntities.getOrCompute(key, () => principalEntity(principal)) };
      principals.set(principal, info);
    }
    return info;
  };

  /** The Cedar decision, cached; scopes and fail-closed are checked by the callers. */
  const decide = (who: PrincipalInfo, action: AccessAction, resource: AccessResource, ctx: RequestContext) => {
    const rKey = resourceKey(resource);
    const key = `${who.key}\n${action}\n${JSON.stringify(rKey)}\n${ctx.key}`;
    const cached = decisions.get(key);
    if (cached) {
      hits++;
      return cached;
    }
    misses++;
    const target = entities.resource(resource);
    const decision = target
      ? explain(
          engine.decide({ principal: who.entity, action, resource: target.entity, context: ctx.cedar }),
          action,
          rKey,
        )
      : deny(`${rKey} does not exist`);
    decisions.set(key, decision);
    return decision;
  };

  const explain = (answer: { allowed: boolean; policyIds: readonly string[] }, action: AccessAction, name: string) => {
    if (answer.allowed) return freeze({ allowed: true, policyIds: answer.policyIds });
    const forbid = answer.policyIds.map((id) => byId.get(id)).find((p) => p !== undefined);
    const reason = forbid
      ? `policy ${forbid.id} forbids ${action} on ${name}${forbid.description ? `: ${forbid.description}` : ''}`
      : `no access policy permits ${action} on ${name}${action === 'query' ? '; request access with a purpose to get an agreement' : ''}`;
    return freeze({ allowed: false, policyIds: answer.policyIds, reason });
  };

  const portInfo = (port: PortRef): PortInfo | undefined =>
    ports.getOrCompute(portKey(port), () => {
      const columns = entities.columns(port);
      if (!columns) return null;
      return {
        columns,
        masks: columns.map((column) => maskRuleFor(masks, port, column)),
        columnNames: new Set(columns.map((c) => c.name.toLowerCase())),
      };
    }) ?? undefined;

  const isAllowed = (
    principal: Principal,
    action: AccessAction,
    resource: AccessResource,
    context: AccessContext = {},
  ): AccessDecision => {
    const decision = decideInScope(principal, action, resource, context);
    onDecision?.(action, decision.allowed);
    return decision;
  };

  const decideInScope = (
    principal: Principal,
    action: AccessAction,
    resource: AccessResource,
    context: AccessContext,
  ) => {
    const outOfScope = scopeDenial(principal, action);
    if (outOfScope !== undefined) return deny(outOfScope);
    if (failClosed !== undefined) return deny(failClosed);
    return decide(principalInfo(principal), action, resource, requestContext(context));
  };

  const planRead = (principal: Principal, port: PortRef, context: AccessContext = {}): ReadDecision => {
    const query = isAllowed(principal, 'query', { kind: 'port', port }, context);
    if (!query.allowed) return freeze({ allowed: false, decision: query });
    const who = principalInfo(principal);
    const ctx = requestContext(context);
    return plans.getOrCompute(`${who.key}\n${JSON.stringify(portKey(port))}\n${ctx.key}`, () =>
      buildPlan(principal, who, port, context, ctx, query),
    );
  };

  const buildPlan = (
    principal: Principal,
    who: PrincipalInfo,
    port: PortRef,
    context: AccessContext,
    ctx: RequestContext,
    query: AccessDecision,
  ): ReadDecision => {
    const info = portInfo(port)!; // the port exists: query was allowed on it
    const policyIds = new Set(query.policyIds);
    const columns: ReadPlan['columns'][number][] = [];
    for (let i = 0; i < info.columns.length; i++) {
      const name = info.columns[i]!.name;
      const rule = info.masks[i];
      let treatment: ColumnTreatment = CLEAR;
      if (rule) {
        const clear = decide(who, 'readClear', { kind: 'column', port, column: name }, ctx);
        for (const id of clear.policyIds) policyIds.add(id);
        if (!clear.allowed) treatment = freeze({ kind: 'mask', strategy: rule.strategy, ruleId: rule.id });
      }
      columns.push(freeze({ name, treatment }));
    }
    let filters = compileRowFilters(rowFilters, port, info.columnNames, principal);
    if (filters.length > 0) {
      const allRows = decide(who, 'readAllRows', { kind: 'port', port }, ctx);
      if (allRows.allowed) {
        for (const id of allRows.policyIds) policyIds.add(id);
        filters = [];
      }
    }
    // The agreement granted the read when the read is refused without it.
    const needed =
      ctx.agreements.length > 0 &&
      !decide(who, 'query', { kind: 'port', port }, requestContext(context, false)).allowed;
    const agreement = needed ? chosenAgreement(context, ctx.agreements) : undefined;
    const plan: ReadPlan = freeze({
      port,
      columns: freeze(columns),
      rowFilters: freeze(filters.map(freeze)),
      ...(agreement ? { agreement } : {}),
      policyIds: freeze([...policyIds]),
    });
    return freeze({ allowed: true, plan });
  };

  return {
    policies,
    cedarEvaluator: engine.evaluator,
    isAllowed,
    planRead,
    cacheStats: () => ({ hits, misses, decisions: decisions.size }),
  };
}

function deny(reason: string): AccessDecision {
  return freeze({ allowed: false, policyIds: [], reason });
}

const freeze = <T>(value: T): T => Object.freeze(value);
const CLEAR: ColumnTreatment = freeze({ kind: 'clear' });
