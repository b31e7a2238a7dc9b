import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '@meshwork/core';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import { loadAccessPolicies } from './load-access-policies.js';
import {
  BASE_MASKS,
  BASE_POLICIES,
  createAccessWorkspace,
  type AccessWorkspace,
} from './test-support/access-workspace.js';

let ws: AccessWorkspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

async function load(files: Record<string, string>) {
  ws = await createAccessWorkspace({ 'policies/access/base.cedar': BASE_POLICIES, ...files });
  const model = await ws.model();
  return { ...loadAccessPolicies(ws.root, model), model };
}

const summary = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column]);

async function textAt(d: Diagnostic): Promise<string> {
  return (await ws!.read(d.file!)).split('\n')[d.line! - 1]!.slice(d.column! - 1);
}

describe('masking rules', () => {
  it('reports schema problems at their line, like the workspace loader', async () => {
    const { diagnostics, authorizer } = await load({
      'policies/access/masking.yaml': `apiVersion: meshwork/v1
kind: MaskingRules
masks:
  - id: one
    description: d
    match: { classification: pii }
    strategy: scramble
  - id: two
    description: d
    match: {}
    strategy: redact
  - id: three
    description: d
    match: { columns: ['sales.orders'] }
    strategy: hash
    colour: blue
`,
    });
    expect(summary(diagnostics)).toEqual([
      ['MW2004', 'error', 'policies/access/masking.yaml', 7, 15],
      ['MW2005', 'error', 'policies/access/masking.yaml', 10, 12],
      ['MW2005', 'error', 'policies/access/masking.yaml', 14, 24],
      ['MW2001', 'error', 'policies/access/masking.yaml', 16, 5],
    ]);
    expect(diagnostics[0]!.message).toMatch(/redact/);
    // A broken masking file must not leave columns unmasked: everything is denied instead.
    expect(
      authorizer.isAllowed(resolvePrincipal(await ws!.model(), 'ana')!, 'discover', { kind: 'mesh' }).allowed,
    ).toBe(false);
  });

  it('reports YAML syntax errors, duplicate ids and masks that match nothing', async () => {
    const broken = await load({ 'policies/access/masking.yaml': 'masks: [\n' });
    expect(summary(broken.diagnostics).map((d) => d[0])).toEqual(['MW1003']);
    await ws!.dispose();
    const { diagnostics } = await load({
      'policies/access/masking.yaml': `${BASE_MASKS}  - id: email-partial
    description: again
    match: { classification: pii }
    strategy: hash
  - id: nothing
    description: typo in the glob
    match: { columns: ['sales.order/*/email'] }
    strategy: redact
  - id: for-later
    description: no secret column yet, and that is fine
    match: { classification: secret }
    strategy: redact
`,
    });
    expect(summary(diagnostics)).toEqual([
      ['MW5509', 'error', 'policies/access/masking.yaml', 16, 9],
      ['MW5513', 'warning', 'policies/access/masking.yaml', 22, 12],
    ]);
  });

  it('matches by classification (any case), column glob with or without major, and tags; first match wins', async () => {
    const { authorizer, model } = await load({
      'policies/access/masking.yaml': `apiVersion: meshwork/v1
kind: MaskingRules
masks:
  - id: orders-v1-name
    description: d
    match: { columns: ['sales.orders/orders@1/name'] }
    strategy: hash
  - id: any-amount
    description: d
    match: { columns: ['*.*/*/amount'] }
    strategy: 'null'
  - id: free-text
    description: d
    match: { tags: [free-text, other] }
    strategy: redact
  - id: pii
    description: d
    match: { classification: [Pii] }
    strategy: tokenize
  - id: pii-again
    description: never reached
    match: { classification: pii }
    strategy: redact
`,
    });
    const read = authorizer.planRead(resolvePrincipal(model, 'ana')!, {
      productId: 'sales.orders',
      port: 'orders',
      major: 1,
    });
    if (!read.allowed) throw new Error(read.decision.reason);
    expect(Object.fromEntries(read.plan.columns.map((c) => [c.name, c.treatment]))).toEqual({
      id: { kind: 'clear' },
      name: { kind: 'mask', strategy: 'hash', ruleId: 'orders-v1-name' },
      amount: { kind: 'mask', strategy: 'null', ruleId: 'any-amount' },
      created_on: { kind: 'clear' },
      email: { kind: 'mask', strategy: 'tokenize', ruleId: 'pii' },
      region: { kind: 'clear' },
      note: { kind: 'mask', strategy: 'redact', ruleId: 'free-text' },
    });
  });
});

describe('row filters', () => {
  const filters = (body: string) => ({
    'policies/access/row-filters.yaml': `apiVersion: meshwork/v1\nkind: RowFilters\nfilters:\n${body}`,
  });

  it('reports a filter that does not parse at the offending character', async () => {
    const { diagnostics } = await load(
      filters(`  - id: plain
    description: d
    match: { column: region }
    filter: region = principal.region AND
  - id: quoted
    description: d
    match: { column: region }
    filter: "region === 'EU'"
`),
    );
    expect(summary(diagnostics).map((d) => d.slice(0, 2))).toEqual([
      ['MW5510', 'error'],
      ['MW5510', 'error'],
    ]);
    expect(await textAt(diagnostics[0]!)).toBe('');
    expect(diagnostics[0]!.line).toBe(7);
    expect(diagnostics[0]!.message).toMatch(/row filter "plain": expected a column/);
    expect(await textAt(diagnostics[1]!)).toBe(`== 'EU'"`);
  });

  it('reports columns no port has as errors, and ports lacking a column as warnings whose rows are hidden', async () => {
    const { diagnostics } = await load(
      filters(`  - id: no-such-column
    description: d
    match: { column: regoin }
    filter: regoin = principal.region
  - id: partly
    description: d
    match: { column: name }
    filter: name = principal.region OR region = principal.region
  - id: typo-in-filter
    description: d
    match: { column: region }
    filter: regio = 'EU'
  - id: duplicate
    description: d
    match: { column: region }
    filter: region = 'EU'
  - id: duplicate
    description: d
    match: { column: region }
    filter: region = 'NA'
  - id: nowhere
    description: d
    match: { column: region, products: ['marketing.*'] }
    filter: region = 'EU'
`),
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['MW5511', 'error', 6],
      ['MW5512', 'warning', 11],
      ['MW5511', 'error', 15],
      ['MW5509', 'error', 20],
      ['MW5513', 'warning', 26],
    ]);
    expect(diagnostics[1]!.message).toContain('finance.payments/payments@1');
  });

  it('applies to the ports of the products it names, and hides every row of a port lacking a column', async () => {
    const { authorizer, model, diagnostics } = await load(
      filters(`  - id: regional-sales
    description: d
    match: { column: name, products: ['sales.*'] }
    filter: name = principal.region
  - id: both
    description: d
    match: { column: name }
    filter: name <> 'x' AND region = principal.region
`),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['MW5512']);
    const ana = resolvePrincipal(model, 'ana')!;
    const orders = authorizer.planRead(ana, { productId: 'sales.orders', port: 'orders', major: 1 });
    const payments = authorizer.planRead(
      ana,
      { productId: 'finance.payments', port: 'payments', major: 1 },
      {
        agreements: [{ id: 'a', purpose: 'p', endsAt: '9999-01-01T00:00:00Z' }],
      },
    );
    if (!orders.allowed || !payments.allowed) throw new Error('denied');
    expect(orders.plan.rowFilters).toEqual([
      { ruleId: 'regional-sales', sql: `"name" = 'EU'` },
      { ruleId: 'both', sql: `"name" <> 'x' AND "region" = 'EU'` },
    ]);
    expect(payments.plan.rowFilters).toEqual([{ ruleId: 'both', sql: 'FALSE' }]);
  });
});
