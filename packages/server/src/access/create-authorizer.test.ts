import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import { freezePrincipal, resolvePrincipal } from '../identity/resolve-principal.js';
import type { Principal } from '../identity/principal.js';
import type { AccessContext, PortRef, ReadDecision } from './access-types.js';
import { loadAccessPolicies, type AccessPolicies } from './load-access-policies.js';
import {
  BASE_FILTERS,
  BASE_MASKS,
  BASE_POLICIES,
  createAccessWorkspace,
  type AccessWorkspace,
} from './test-support/access-workspace.js';

const ORDERS: PortRef = { productId: 'sales.orders', port: 'orders', major: 1 };
const PAYMENTS: PortRef = { productId: 'finance.payments', port: 'payments', major: 1 };
const FOREVER = '9999-01-01T00:00:00Z';

let ws: AccessWorkspace;
let model: MeshModel;
let access: AccessPolicies;
const who = (id: string): Principal => resolvePrincipal(model, id)!;
const agreement = (purpose: string, endsAt = FOREVER): AccessContext => ({
  purpose,
  agreements: [{ id: `agr-${purpose}`, purpose, endsAt }],
});
const plan = (read: ReadDecision) => {
  if (!read.allowed) throw new Error(`read denied: ${read.decision.reason}`);
  return read.plan;
};
const treatments = (read: ReadDecision) =>
  Object.fromEntries(
    plan(read).columns.map((c) => [c.name, c.treatment.kind === 'mask' ? c.treatment.strategy : 'clear']),
  );

beforeAll(async () => {
  ws = await createAccessWorkspace({
    'policies/access/base.cedar': BASE_POLICIES,
    'policies/access/forbid.cedar': `@id("no-robots-on-finance")
@description("Service accounts never touch finance data.")
forbid (principal is Meshwork::ServiceAccount, action, resource in Meshwork::Domain::"finance");

@id("eu-only-notes")
@description("Only EU principals may read the note column.")
forbid (principal, action == Meshwork::Action::"readClear", resource is Meshwork::Column)
when { resource.tags.contains("free-text") } unless { principal.hasTag("region") && principal.getTag("region") == "EU" };
`,
    'policies/access/masking.yaml': `${BASE_MASKS}  - id: free-text-null
    description: Free text is withheld.
    match: { tags: [free-text] }
    strategy: 'null'
`,
    'policies/access/row-filters.yaml': BASE_FILTERS,
  });
  model = await ws.model();
  access = loadAccessPolicies(ws.root, model);
  expect(access.diagnostics).toEqual([]);
});
afterAll(() => ws.dispose());

describe('decisions', () => {
  it('lets everyone discover and read metadata', () => {
    for (const id of ['ana', 'gus', 'ben']) {
      expect(access.authorizer.isAllowed(who(id), 'discover', { kind: 'product', productId: 'sales.orders' })).toEqual({
        allowed: true,
        policyIds: ['discover-all'],
      });
    }
    const olga = access.authorizer.isAllowed(who('olga'), 'discover', { kind: 'product', productId: 'sales.orders' });
    expect([...olga.policyIds].sort()).toEqual(['discover-all', 'owner-all']);
    expect(access.authorizer.isAllowed(who('ana'), 'readMetadata', { kind: 'domain', domain: 'finance' }).allowed).toBe(
      true,
    );
  });

  it('lets the owner team do everything on its products and nothing on the others', () => {
    const olga = who('olga');
    for (const action of ['publish', 'approve', 'administer', 'query', 'readAllRows'] as const) {
      expect(access.authorizer.isAllowed(olga, action, { kind: 'port', port: ORDERS }).allowed, action).toBe(true);
    }
    expect(
      access.authorizer.isAllowed(olga, 'publish', { kind: 'product', productId: 'finance.payments' }),
    ).toMatchObject({
      allowed: false,
      policyIds: [],
      reason: 'no access policy permits publish on finance.payments',
    });
  });

  it('lets consumers query unrestricted ports, and restricted ones only under an agreement', () => {
    const ana = who('ana');
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: ORDERS }).policyIds).toEqual([
      'consumer-query',
    ]);
    const denied = access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: PAYMENTS });
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toMatch(/no access policy permits query on finance\.payments\/payments@1; request access/);
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: PAYMENTS }, agreement('billing'))).toEqual({
      allowed: true,
      policyIds: ['agreement-query'],
    });
  });

  it('ignores agreements past their end, whatever the caller passed', () => {
    const ana = who('ana');
    const ended = agreement('billing', '2020-01-01T00:00:00Z');
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: PAYMENTS }, ended).allowed).toBe(false);
    const later = { ...agreement('billing', '2030-01-01T00:00:00Z'), now: new Date('2031-01-01T00:00:00Z') };
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: PAYMENTS }, later).allowed).toBe(false);
    const garbled = agreement('billing', 'not a date');
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: PAYMENTS }, garbled).allowed).toBe(false);
  });

  it('lets a forbid win over every permit, and names it in the reason', () => {
    const decision = access.authorizer.isAllowed(who('robot'), 'discover', { kind: 'port', port: PAYMENTS });
    expect(decision).toEqual({
      allowed: false,
      policyIds: ['no-robots-on-finance'],
      reason:
        'policy no-robots-on-finance forbids discover on finance.payments/payments@1: Service accounts never touch finance data.',
    });
  });

  it('denies resources the model does not have', () => {
    const ana = who('ana');
    expect(access.authorizer.isAllowed(ana, 'discover', { kind: 'product', productId: 'sales.nope' })).toMatchObject({
      allowed: false,
      reason: 'sales.nope does not exist',
    });
    const v9 = { ...ORDERS, major: 9 };
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: v9 }).allowed).toBe(false);
    expect(
      access.authorizer.isAllowed(ana, 'readClear', { kind: 'column', port: ORDERS, column: 'nope' }).allowed,
    ).toBe(false);
    expect(access.authorizer.planRead(ana, v9)).toMatchObject({ allowed: false });
  });

  it('uses principal attributes as Cedar tags and team membership as parents', () => {
    // An OIDC subject in the sales-data team, unknown to mesh.yaml, is an owner like olga.
    const oidc = freezePrincipal({
      kind: 'user',
      id: 'sub-123',
      teams: ['sales-data'],
      groups: [],
      roles: [],
      attributes: { region: 'APAC' },
      authenticatedBy: 'oidc',
    });
    expect(access.authorizer.isAllowed(oidc, 'publish', { kind: 'product', productId: 'sales.orders' }).allowed).toBe(
      true,
    );
    // ...but not EU, so the free-text forbid applies to it.
    expect(treatments(access.authorizer.planRead(oidc, ORDERS)).note).toBe('null');
    expect(treatments(access.authorizer.planRead(who('olga'), ORDERS)).note).toBe('clear');
  });
});

describe('token scopes narrow decisions', () => {
  const scoped = (id: string, scopes: Principal['scopes']) => freezePrincipal({ ...who(id), scopes: scopes! });

  it('denies an action outside the scopes with a reason that says which scope is needed', () => {
    const olga = scoped('olga', ['query']);
    expect(access.authorizer.isAllowed(olga, 'query', { kind: 'port', port: ORDERS }).allowed).toBe(true);
    expect(access.authorizer.isAllowed(olga, 'readAllRows', { kind: 'port', port: ORDERS }).allowed).toBe(true);
    const publish = access.authorizer.isAllowed(olga, 'publish', { kind: 'product', productId: 'sales.orders' });
    expect(publish).toEqual({
      allowed: false,
      policyIds: [],
      reason:
        'the token used has scopes query; publish needs a token with the publish scope (mesh token create --scope publish)',
    });
    const metadata = access.authorizer.isAllowed(olga, 'readMetadata', { kind: 'product', productId: 'sales.orders' });
    expect(metadata.reason).toMatch(/needs a token with the metadata scope/);
    expect(access.authorizer.isAllowed(olga, 'administer', { kind: 'mesh' }).reason).toMatch(/admin scope/);
  });

  it('maps every action to its scope', () => {
    const cases = [
      ['discover', 'discover', { kind: 'mesh' }],
      ['readMetadata', 'metadata', { kind: 'mesh' }],
      ['query', 'query', { kind: 'port', port: ORDERS }],
      ['readClear', 'query', { kind: 'column', port: ORDERS, column: 'email' }],
      ['readAllRows', 'query', { kind: 'port', port: ORDERS }],
      ['publish', 'publish', { kind: 'product', productId: 'sales.orders' }],
      ['approve', 'approve', { kind: 'product', productId: 'sales.orders' }],
      ['administer', 'admin', { kind: 'product', productId: 'sales.orders' }],
    ] as const;
    for (const [action, scope, resource] of cases) {
      const allowedAlone = access.authorizer.isAllowed(scoped('olga', [scope]), action, resource);
      const withoutIt = access.authorizer.isAllowed(
        scoped('olga', ['discover', 'metadata'].includes(scope) ? ['admin'] : ['discover']),
        action,
        resource,
      );
      expect(allowedAlone.allowed, action).toBe(true);
      expect(withoutIt.allowed, action).toBe(false);
    }
    expect(access.authorizer.isAllowed(scoped('olga', []), 'discover', { kind: 'mesh' }).reason).toMatch(
      /has no scopes/,
    );
  });

  it('refuses a read plan to a token without the query scope', () => {
    const read = access.authorizer.planRead(scoped('olga', ['discover']), ORDERS);
    expect(read).toMatchObject({ allowed: false, decision: { allowed: false } });
  });
});

describe('read plans', () => {
  it('masks classified columns for a consumer, in contract order, and filters rows by region', () => {
    const read = access.authorizer.planRead(who('ana'), ORDERS);
    expect(plan(read)).toEqual({
      port: ORDERS,
      columns: [
        { name: 'id', treatment: { kind: 'clear' } },
        { name: 'name', treatment: { kind: 'clear' } },
        { name: 'amount', treatment: { kind: 'clear' } },
        { name: 'created_on', treatment: { kind: 'clear' } },
        { name: 'email', treatment: { kind: 'mask', strategy: 'partial', ruleId: 'email-partial' } },
        { name: 'region', treatment: { kind: 'clear' } },
        { name: 'note', treatment: { kind: 'mask', strategy: 'null', ruleId: 'free-text-null' } },
      ],
      rowFilters: [{ ruleId: 'regional', sql: `"region" = 'EU'` }],
      policyIds: ['consumer-query'],
    });
    expect(plan(access.authorizer.planRead(who('ben'), ORDERS)).rowFilters).toEqual([
      { ruleId: 'regional', sql: `"region" = 'NA'` },
    ]);
    expect(Object.isFrozen(plan(read).columns)).toBe(true);
  });

  it('gives the owner team every column in clear and every row', () => {
    const read = plan(access.authorizer.planRead(who('olga'), ORDERS));
    expect(read.columns.every((c) => c.treatment.kind === 'clear')).toBe(true);
    expect(read.rowFilters).toEqual([]);
    expect(read.policyIds).toEqual(['owner-all']);
  });

  it('lifts PII masks for a customer-care agreement, but not restricted ones, and records the agreement', () => {
    const ana = who('ana');
    const care = agreement('customer-care');
    const read = access.authorizer.planRead(ana, PAYMENTS, care);
    expect(treatments(read)).toMatchObject({ payer: 'clear', iban: 'redact' });
    expect(plan(read).agreement).toEqual(care.agreements![0]);
    expect(plan(read).policyIds).toEqual(['agreement-query', 'pii-care']);
    expect(treatments(access.authorizer.planRead(ana, PAYMENTS, agreement('churn')))).toMatchObject({
      payer: 'tokenize',
      iban: 'redact',
    });
  });

  it('does not attribute a read to an agreement the principal did not need', () => {
    const read = plan(access.authorizer.planRead(who('ana'), ORDERS, agreement('customer-care')));
    expect(read.agreement).toBeUndefined();
    expect(treatments(access.authorizer.planRead(who('ana'), ORDERS, agreement('customer-care'))).email).toBe('clear');
  });

  it('lets governance read every row, with PII still masked', () => {
    const read = access.authorizer.planRead(who('gus'), PAYMENTS);
    expect(plan(read).rowFilters).toEqual([]);
    expect(treatments(read)).toMatchObject({ payer: 'tokenize', iban: 'redact', id: 'clear' });
  });

  it('fails closed on the row filter for a principal without the attribute', () => {
    expect(plan(access.authorizer.planRead(who('finn'), ORDERS, agreement('x'))).rowFilters).toEqual([
      { ruleId: 'regional', sql: 'FALSE' },
    ]);
  });

  it('serves repeated decisions from its cache, and a new load starts afresh', () => {
    const ana = who('ana');
    access.authorizer.planRead(ana, ORDERS);
    const before = access.authorizer.cacheStats();
    for (let i = 0; i < 100; i++) access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: ORDERS });
    const after = access.authorizer.cacheStats();
    expect(after.misses).toBe(before.misses);
    expect(after.hits).toBe(before.hits + 100);
    // An equal but distinct principal object (as each request builds) hits the same entries.
    access.authorizer.isAllowed(freezePrincipal({ ...ana }), 'query', { kind: 'port', port: ORDERS });
    expect(access.authorizer.cacheStats().misses).toBe(before.misses);
    // A principal whose attributes changed is a different principal.
    const moved = freezePrincipal({ ...ana, attributes: { region: 'NA' } });
    expect(plan(access.authorizer.planRead(moved, ORDERS)).rowFilters[0]!.sql).toBe(`"region" = 'NA'`);
  });

  it('applies changed policies only through a new load, which does not share the old caches', async () => {
    const ana = who('ana');
    expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: ORDERS }).allowed).toBe(true);
    await ws.write(
      'policies/access/zz-freeze.cedar',
      '@id("freeze") @description("Nobody queries.") forbid (principal, action == Meshwork::Action::"query", resource);',
    );
    try {
      const reloaded = loadAccessPolicies(ws.root, model);
      expect(reloaded.authorizer.isAllowed(ana, 'query', { kind: 'port', port: ORDERS }).policyIds).toEqual(['freeze']);
      expect(access.authorizer.isAllowed(ana, 'query', { kind: 'port', port: ORDERS }).allowed).toBe(true);
    } finally {
      const { rm } = await import('node:fs/promises');
      await rm(`${ws.root}/policies/access/zz-freeze.cedar`);
    }
  });
});
