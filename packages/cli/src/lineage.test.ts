/**
 * `mesh lineage` and `mesh impact` on a runtime workspace where sales.orders (a CSV) feeds
 * sales.summary: `mesh run --all` builds both, and the lineage its runs recorded (column lineage
 * from the extractor) is read back from the metadata store — as people and programs read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath, type ImpactResult, type LineageResult } from '@meshwork/server';
import { createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: lineage-cli
teams:
  - { id: platform, name: Platform team, members: [admin, olga] }
users:
  - { id: admin, name: Administrator, teams: [platform], roles: [admin] }
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`;
const HIDDEN = `@id("orders-hidden")
@description("Only the platform team finds sales.orders.")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.orders")
unless { principal in Meshwork::Team::"platform" };
`;
const AGREEMENT = 'c0000000-0000-4000-8000-00000000000c';

let ws: RuntimeWorkspace;

beforeAll(async () => {
  ws = await createRuntimeWorkspace([
    ['sales', 'orders'],
    ['sales', 'summary', 'aggregate'],
  ]);
  await ws.write('mesh.yaml', MESH);
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  await ws.edit('domains/sales/summary/pipeline.yaml', (yaml) =>
    yaml.replace(
      '  - name: raw_input\n    kind: file\n    path: data/sample.csv\n    format: csv',
      '  - name: raw_input\n    kind: product\n    product: sales.orders\n    port: orders\n    majorVersion: 1',
    ),
  );
  await ws.edit('domains/sales/summary/summary.sql', (sql) => sql.replace('MIN(created_at)', 'MIN(created_on)'));
  const run = await ws.mesh(['run', '--all']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  try {
    await store.createAgreement({
      id: AGREEMENT,
      principalId: 'ana',
      productId: 'sales.summary',
      port: 'summary',
      major: 1,
      purpose: 'monthly sales review',
      startsAt: '2024-01-01T00:00:00.000Z',
      endsAt: '2099-01-01T00:00:00.000Z',
    });
    await store.updateAgreementStatus({ id: AGREEMENT, from: 'pending', to: 'approved', by: 'olga' });
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(() => ws?.dispose());

describe('mesh lineage', () => {
  it('prints where a column comes from as a tree, with the transforms the run recorded', async () => {
    const run = await ws.mesh(['lineage', 'sales.summary.summary.amount', '--upstream']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('sales.summary.summary@1.amount  column');
    expect(lines).toContain('upstream — where it comes from');
    expect(lines).toContain('  ← sales.orders.orders@1.amount  aggregate');
    expect(lines).toContain('    ← file:domains/sales/orders/data/sample.csv#amount  expression');
    expect(run.stdout).not.toContain('downstream');
  });

  it('prints JSON for programs, with the recorded column edges', async () => {
    const { run, value } = await ws.meshJson<LineageResult>(['lineage', 'sales/summary.summary.amount', '--upstream']);
    expect(run.code).toBe(0);
    expect(value).toMatchObject({ ref: 'sales.summary.summary@1.amount', direction: 'upstream', columns: true });
    expect(value.edges).toContainEqual({
      from: 'sales.orders.orders@1.amount',
      to: 'sales.summary.summary@1.amount',
      kind: 'column',
      transform: 'aggregate',
      source: 'pipeline',
    });
  });

  it('follows products downstream and stops at --depth', async () => {
    const run = await ws.mesh(['lineage', 'sales/orders', '--downstream']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'sales.orders  product\n\ndownstream — what it feeds\n  sales.orders.orders@1\n    → sales.summary.summary@1\n',
    );
    const { value } = await ws.meshJson<LineageResult>(['lineage', 'sales.orders', '--depth', '1', '--columns']);
    expect(value.depth).toBe(1);
    expect(value.nodes.some((n) => n.ref === 'sales.summary.summary@1.amount' && n.downstream === 1)).toBe(true);
  });

  it('shows only what --as may discover, and says how much it left out', async () => {
    const run = await ws.mesh(['lineage', 'sales.summary.summary.amount', '--upstream', '--as', 'ana']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('sales.orders');
    expect(run.stdout).toContain('nothing known');
    expect(run.stderr).toMatch(/^\d+ node\(s\) left out: their products are not discoverable by you$/m);
    const hidden = await ws.mesh(['lineage', 'sales.orders', '--as', 'ana']);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toBe('error MW8820: no lineage node "sales.orders"\n');
  });

  it('refuses bad input with a coded message and no stack trace', async () => {
    const unknown = await ws.mesh(['lineage', 'sales.ordrs']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error MW8820: no lineage node "sales.ordrs"; did you mean "sales.orders"?\n');
    const column = await ws.mesh(['lineage', 'sales.orders.orders.amout']);
    expect(column.stderr).toBe('error MW8822: sales.orders.orders@1 has no column "amout"; did you mean "amount"?\n');
    const depth = await ws.mesh(['lineage', 'sales.orders', '--depth', 'ten']);
    expect(depth.code).toBe(1);
    expect(depth.stderr).toBe('error MW8823: --depth must be a whole number from 1 to 50; got "ten"\n');
    expect((await ws.mesh(['lineage', 'sales.orders', '--depth', '51'])).code).toBe(1);
    const who = await ws.mesh(['lineage', 'sales.orders', '--as', 'nobody']);
    expect(who.stderr).toMatch(/^error MW5220: no user or service account "nobody"/);
    expect((await ws.mesh(['lineage'])).code).toBe(2);
  });
});

describe('mesh impact', () => {
  it('lists the downstream ports and columns and the consumers a change would affect', async () => {
    const run = await ws.mesh(['impact', 'sales.orders.orders.amount']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Impact of a change to sales.orders.orders@1.amount\n');
    expect(run.stdout).toContain('2 port(s) in 2 product(s) (1 downstream), 2 column(s), 0 external dataset(s)');
    expect(run.stdout).toMatch(/^1 {9}sales\.summary\.summary@1$/m);
    expect(run.stdout).toMatch(/^1 {9}sales\.summary\.summary@1\.amount$/m);
    expect(run.stdout).toMatch(
      /^ana {8}sales\.summary\.summary@1 {2}monthly sales review {2}2099-01-01T00:00:00\.000Z$/m,
    );
    expect(run.stdout).toMatch(/^platform {2}sales\.summary$/m);
  });

  it('prints the impact as JSON, and counts instead of names for a caller who may not approve', async () => {
    const { run, value } = await ws.meshJson<ImpactResult>(['impact', 'sales.orders.orders@1.amount']);
    expect(run.code).toBe(0);
    expect(value.columns.map((c) => [c.ref, c.distance])).toEqual([
      ['sales.orders.orders@1.amount', 0],
      ['sales.summary.summary@1.amount', 1],
    ]);
    expect(value.consumers.agreements).toEqual([
      expect.objectContaining({ id: AGREEMENT, principalId: 'ana', purpose: 'monthly sales review' }),
    ]);
    const asAna = await ws.meshJson<ImpactResult>(['impact', 'sales.summary.summary', '--as', 'ana']);
    expect(asAna.value.consumers.agreements).toEqual([]);
    expect(asAna.value.consumers.withheld).toEqual([
      expect.objectContaining({ productId: 'sales.summary', activeAgreements: 1 }),
    ]);
  });
});
