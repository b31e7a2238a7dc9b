/**
 * A table-driven Authorizer for the gateway's own tests: it states grants directly, so these
 * tests exercise parsing, rewriting, masking SQL and the sandbox without depending on the policy
 * language. The Cedar authorizer has its own tests, and the end-to-end tests use it.
 */
import type {
  AccessDecision,
  Authorizer,
  ColumnTreatment,
  MaskStrategy,
  PortRef,
  ReadDecision,
} from '../../access/access-types.js';
import type { MeshModel } from '@meshwork/core';
import type { Principal } from '../../identity/principal.js';
import { scopeDenial } from '../../access/token-scopes.js';
import { quoteIdentifier, quoteLiteral } from '../relation-name.js';

export interface Grant {
  /** Products the principal may query; '*' for all. */
  readonly query: readonly string[] | '*';
  /** Columns in clear despite their classification, as `product/column`. */
  readonly clear?: readonly string[];
  /** Without it, ports with a `region` column are filtered to the principal's region. */
  readonly allRows?: boolean;
  /** Products the principal may not even discover. */
  readonly hidden?: readonly string[];
}

/** Masks by classification, as the demo's policies do. */
export function strategyFor(column: string, classification: string | undefined): MaskStrategy | undefined {
  if (classification === 'restricted') return 'redact';
  if (classification !== 'pii') return undefined;
  if (column === 'email' || column === 'phone') return 'partial';
  return 'tokenize';
}

export function grantAuthorizer(model: MeshModel, grants: Readonly<Record<string, Grant>>): Authorizer {
  const deny = (reason: string): AccessDecision => ({ allowed: false, policyIds: ['test'], reason });
  const allow: AccessDecision = { allowed: true, policyIds: ['test'] };
  const canQuery = (principal: Principal, productId: string) => {
    const grant = grants[principal.id];
    return !!grant && (grant.query === '*' || grant.query.includes(productId));
  };
  return {
    isAllowed: (principal, action, resource) => {
      const grant = grants[principal.id];
      if (!grant) return deny('unknown principal');
      // A token's scopes narrow every action, as in the real authorizer.
      const outOfScope = scopeDenial(principal, action);
      if (outOfScope !== undefined) return deny(outOfScope);
      const productId =
        resource.kind === 'product'
          ? resource.productId
          : resource.kind === 'port'
            ? resource.port.productId
            : undefined;
      if (action === 'discover') return productId && grant.hidden?.includes(productId) ? deny('hidden') : allow;
      if (action === 'query' && productId) return canQuery(principal, productId) ? allow : deny('no grant');
      return deny('not granted in this test');
    },
    planRead: (principal, port: PortRef): ReadDecision => {
      const grant = grants[principal.id];
      const outOfScope = scopeDenial(principal, 'query');
      if (outOfScope !== undefined) return { allowed: false, decision: deny(outOfScope) };
      if (!grant || !canQuery(principal, port.productId)) {
        return { allowed: false, decision: deny('no grant for this product') };
      }
      const outputPort = model.products.get(port.productId)!.outputPorts.find((p) => p.major === port.major)!;
      const columns = outputPort.contract!.tables[0]!.columns.map((c) => {
        const strategy = strategyFor(c.name, c.classification);
        const clear = !strategy || grant.clear?.includes(`${port.productId}/${c.name}`);
        const treatment: ColumnTreatment = clear ? { kind: 'clear' } : { kind: 'mask', strategy, ruleId: 'test-mask' };
        return { name: c.name, treatment };
      });
      const region = principal.attributes.region;
      const hasRegion = columns.some((c) => c.name === 'region');
      const rowFilters =
        hasRegion && !grant.allRows
          ? [
              {
                ruleId: 'test-region',
                sql: region === undefined ? 'FALSE' : `${quoteIdentifier('region')} = ${quoteLiteral(String(region))}`,
              },
            ]
          : [];
      return { allowed: true, plan: { port, columns, rowFilters, policyIds: ['test'] } };
    },
  };
}

export function testPrincipal(id: string, attributes: Principal['attributes'] = {}): Principal {
  return { kind: 'user', id, teams: [], groups: [], roles: [], attributes, authenticatedBy: 'test' };
}
