import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '@meshwork/core';
import { ACCESS_CODES } from './access-codes.js';
import { loadAccessPolicies } from './load-access-policies.js';
import { loadCedarPolicies } from './load-cedar-policies.js';
import { BASE_POLICIES, createAccessWorkspace, type AccessWorkspace } from './test-support/access-workspace.js';

let ws: AccessWorkspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

async function load(files: Record<string, string>) {
  ws = await createAccessWorkspace(files);
  return loadCedarPolicies(ws.root, await ws.model());
}

/** The text at a diagnostic's position, to check lines and columns against the file. */
async function textAt(d: Diagnostic): Promise<string> {
  const line = (await ws!.read(d.file!)).split('\n')[d.line! - 1]!;
  return line.slice(d.column! - 1);
}

describe('loading Cedar policies', () => {
  it('loads global and domain policies with their annotations and positions', async () => {
    const { policies, diagnostics } = await load({
      'policies/access/base.cedar': BASE_POLICIES,
      'domains/finance/policies/finance.cedar': `// finance
@id("finance-analysts")
@description("Analysts see all rows of payments.")
@rationale("Because.")
permit (principal in Meshwork::Group::"analysts", action == Meshwork::Action::"readAllRows", resource in Meshwork::Domain::"finance");
`,
    });
    expect(diagnostics).toEqual([]);
    expect(policies.map((p) => p.id)).toEqual([
      'discover-all',
      'owner-all',
      'consumer-query',
      'agreement-query',
      'governance-read',
      'pii-care',
      'finance-analysts',
    ]);
    expect(policies.at(-1)).toMatchObject({
      domain: 'finance',
      effect: 'permit',
      description: 'Analysts see all rows of payments.',
      rationale: 'Because.',
      file: 'domains/finance/policies/finance.cedar',
      line: 2,
      column: 1,
    });
  });

  it('reports a syntax error at its line and column, and keeps checking the other policies', async () => {
    const { policies, diagnostics } = await load({
      'policies/access/a.cedar': `@id("ok") @description("fine") permit (principal, action, resource);
// a comment; with a semicolon and a "quote
@id("broken")
@description("é accents before the error shift bytes, not characters")
permit (principal, action, resource) when { principal.roles.contains( };
@id("also-ok") @description("fine") permit (principal, action, resource);
`,
    });
    expect(policies.map((p) => p.id)).toEqual(['ok', 'also-ok']);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ code: 'MW5501', severity: 'error', file: 'policies/access/a.cedar', line: 5 });
    expect(await textAt(d)).toBe('};');
    expect(d.fix).toBe(ACCESS_CODES.MW5501.fix);
  });

  it('reports text after the last policy that is not a policy', async () => {
    const { diagnostics } = await load({
      'policies/access/a.cedar':
        '@id("a") @description("d") permit (principal, action, resource);\npermit (principal, action\n',
    });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['MW5501', 2]]);
  });

  it('requires an @id, unique across all files, and expects a @description', async () => {
    const { policies, diagnostics } = await load({
      'policies/access/a.cedar': `@id("same") @description("first") permit (principal, action, resource);

permit (principal, action, resource);
`,
      'policies/access/b.cedar': `// the second one

@id("same") @description("second") forbid (principal, action, resource);
@id("quiet") permit (principal, action, resource);
`,
    });
    expect(policies.map((p) => p.id)).toEqual(['same', 'quiet']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['MW5502', 'error', 'policies/access/a.cedar', 3, 1],
      ['MW5503', 'error', 'policies/access/b.cedar', 3, 1],
      ['MW5506', 'warning', 'policies/access/b.cedar', 4, 1],
    ]);
    expect(diagnostics[1]!.message).toContain('already used at policies/access/a.cedar:1');
  });

  it('validates against the Meshwork schema: unknown attributes, actions, types and unguarded tags', async () => {
    const { diagnostics } = await load({
      'policies/access/a.cedar': `@id("typo") @description("d")
permit (principal, action == Meshwork::Action::"query", resource)
when { resource.clasification == "pii" };

@id("no-such-action") @description("d")
permit (principal, action == Meshwork::Action::"delete", resource);

@id("unguarded-tag") @description("d")
permit (principal, action == Meshwork::Action::"query", resource)
when { principal.getTag("region") == "EU" };

@id("every-resource") @description("d")
permit (principal, action, resource) when { resource.classification == "pii" };
`,
    });
    expect(diagnostics.every((d) => d.code === 'MW5504' && d.severity === 'error')).toBe(true);
    const byLine = new Map(diagnostics.map((d) => [d.line ?? 0, d]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([3, 6, 10, 13]);
    expect(await textAt(byLine.get(3)!)).toMatch(/^resource\.clasification/);
    expect(byLine.get(3)!.message).toMatch(/clasification/);
    expect(byLine.get(6)!.message).toMatch(/delete/);
    expect(byLine.get(10)!.message).toMatch(/hasTag/);
    // One diagnostic per mistake, not one per resource type Cedar checked it against.
    expect(diagnostics.filter((d) => d.line === 13)).toHaveLength(1);
  });

  it('confines domain policies to their domain', async () => {
    const { policies, diagnostics } = await load({
      'domains/finance/policies/p.cedar': `@id("own-domain") @description("d")
permit (principal, action, resource in Meshwork::Domain::"finance");
@id("own-product") @description("d")
permit (principal, action, resource is Meshwork::OutputPort in Meshwork::Product::"finance.payments");
@id("own-column") @description("d")
forbid (principal, action, resource == Meshwork::Column::"finance.payments/payments@1/iban");
@id("everything") @description("d")
permit (principal, action, resource);
@id("other-domain") @description("d")
permit (principal, action, resource in Meshwork::Domain::"sales");
@id("other-product") @description("d")
permit (principal, action, resource in Meshwork::Product::"sales.orders");
@id("all-of-a-type") @description("d")
permit (principal, action, resource is Meshwork::Product);
@id("the-mesh") @description("d")
permit (principal, action, resource == Meshwork::Mesh::"access-test");
`,
    });
    expect(policies.map((p) => p.id)).toEqual(['own-domain', 'own-product', 'own-column']);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['MW5505', 7],
      ['MW5505', 9],
      ['MW5505', 11],
      ['MW5505', 13],
      ['MW5505', 15],
    ]);
    expect(diagnostics[1]!.message).toContain('belongs to domain "sales", not "finance"');
  });

  it('accepts sub-domains of the policy domain', async () => {
    ws = await createAccessWorkspace({
      'domains/billing/domain.yaml': 'apiVersion: meshwork/v1\nkind: Domain\nname: billing\nparent: finance\n',
      'domains/finance/policies/p.cedar':
        '@id("sub") @description("d") permit (principal, action, resource in Meshwork::Domain::"billing");',
    });
    const { diagnostics, policies } = loadCedarPolicies(ws.root, await ws.model());
    expect(diagnostics).toEqual([]);
    expect(policies.map((p) => p.id)).toEqual(['sub']);
  });

  it('warns about policies of a domain the mesh does not have, and reports unreadable files', async () => {
    ws = await createAccessWorkspace({
      'domains/ghost/policies/p.cedar':
        '@id("g") @description("d") permit (principal, action, resource in Meshwork::Domain::"ghost");',
    });
    await ws.write('policies/access/latin1.cedar', '');
    await writeFile(`${ws.root}/policies/access/latin1.cedar`, Buffer.from('// caf\xe9\n', 'latin1'));
    const { diagnostics } = loadCedarPolicies(ws.root, await ws.model());
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['MW5507', 'error', 'policies/access/latin1.cedar'],
      ['MW5518', 'warning', 'domains/ghost/policies/p.cedar'],
    ]);
  });

  it('fails closed when anything does not load, and warns when there are no policies', async () => {
    ws = await createAccessWorkspace({ 'policies/access/a.cedar': 'permit (principal, action, resource);' });
    const model = await ws.model();
    const broken = loadAccessPolicies(ws.root, model);
    const ana = {
      kind: 'user',
      id: 'ana',
      teams: [],
      groups: [],
      roles: [],
      attributes: {},
      authenticatedBy: 't',
    } as const;
    const decision = broken.authorizer.isAllowed(ana, 'discover', { kind: 'mesh' });
    expect(decision).toMatchObject({ allowed: false, policyIds: [] });
    expect(decision.reason).toMatch(/1 error \(MW5516\).*mesh policy test/);

    await ws.write('policies/access/a.cedar', '');
    const empty = loadAccessPolicies(ws.root, model);
    expect(empty.diagnostics.map((d) => [d.code, d.severity])).toEqual([['MW5517', 'warning']]);
    expect(empty.authorizer.isAllowed(ana, 'discover', { kind: 'mesh' })).toMatchObject({
      allowed: false,
      reason: 'no access policy permits discover on mesh',
    });
  });
});
