/**
 * `mesh diff` on a runtime workspace: a product published (its contract registered as 1.0.0),
 * then its contract edited in the workspace — no change, an optional column added, a column
 * removed — and compared between two registered versions, as people and CI read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductContractDiff } from '@meshwork/server';
import { createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const CONTRACT = 'domains/sales/orders/orders.odcs.yaml';
const NOTE_COLUMN =
  '      - name: note\n        logicalType: string\n        physicalType: VARCHAR\n' +
  '        classification: internal\n        description: Free-text remark.\n';

let ws: RuntimeWorkspace;
let published: string;

const diff = (...args: string[]) => ws.meshJson<ProductContractDiff>(['diff', 'sales/orders', ...args]);
const addNote = (text: string) => text.replace(/(\n {4}quality:\n)/, `\n${NOTE_COLUMN.trimEnd()}$1`);

beforeAll(async () => {
  ws = await createRuntimeWorkspace([['sales', 'orders']]);
}, 60_000);
afterAll(() => ws?.dispose());

describe('mesh diff', () => {
  it('says so when the contract was never published, and exits 0', async () => {
    const run = await ws.mesh(['diff', 'sales/orders', '--fail-on', 'risky']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('orders: nothing published → workspace');
    expect(run.stderr).toMatch(/orders@1: contract \S+ was never published/);
    const { value } = await diff();
    expect(value.ports).toEqual([
      expect.objectContaining({ from: null, to: 'workspace', overall: 'none', changes: [] }),
    ]);
  });

  it('finds no change between the published contract and the workspace', async () => {
    const publish = await ws.mesh(['publish', 'sales/orders']);
    expect(publish.code, publish.stderr).toBe(0);
    published = await ws.read(CONTRACT);
    const run = await ws.mesh(['diff', 'sales/orders', '--fail-on', 'risky']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('orders: 1.0.0 → workspace\nno changes\noverall: none\n');
  });

  it('classifies an optional column added as non-breaking, which --fail-on breaking lets pass', async () => {
    await ws.edit(CONTRACT, addNote);
    const run = await ws.mesh(['diff', 'sales/orders', '--fail-on', 'breaking']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^severity {2,}kind {2,}column {2,}explanation$/m);
    expect(run.stdout).toMatch(
      /^non-breaking {2}column-added {2}orders\.note {2}Optional column orders\.note was added/m,
    );
    expect(run.stdout).toContain('overall: non-breaking (0 breaking, 0 risky, 1 non-breaking)');
    const { value } = await diff();
    expect(value.ports[0]!.changes.map((c) => [c.severity, c.kind, c.table, c.column])).toEqual([
      ['non-breaking', 'column-added', 'orders', 'note'],
    ]);
  });

  it('classifies a column removed as breaking and fails CI under --fail-on breaking', async () => {
    await ws.edit(CONTRACT, (text) => text.replace(/ {6}- name: amount\n(?: {8}.*\n)+/, ''));
    const run = await ws.mesh(['diff', 'sales/orders', '--fail-on', 'breaking']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^breaking {6}column-removed {2}orders\.amount {2}Column orders\.amount was removed/m);
    expect(run.stdout).toContain('overall: breaking (1 breaking, 0 risky, 1 non-breaking)');
    expect((await ws.mesh(['diff', 'sales/orders'])).code).toBe(0);
    expect((await ws.mesh(['diff', 'sales/orders', '--fail-on', 'risky'])).code).toBe(1);
  });

  it('compares two registered versions with --from and --to', async () => {
    // Version 1.1.0 adds the optional column, and the pipeline fills it.
    await ws.write(CONTRACT, addNote(published).replace('version: 1.0.0', 'version: 1.1.0'));
    await ws.edit('domains/sales/orders/orders.sql', (sql) =>
      sql.replace('AS created_on', 'AS created_on,\n  CAST(NULL AS VARCHAR)         AS note'),
    );
    const publish = await ws.mesh(['publish', 'sales/orders']);
    expect(publish.code, publish.stdout + publish.stderr).toBe(0);

    const { value: latest } = await diff();
    expect(latest.ports[0]).toMatchObject({ from: '1.1.0', to: 'workspace', changes: [] });
    const { run, value: forward } = await diff('--from', '1.0.0', '--to', '1.1.0', '--fail-on', 'breaking');
    expect(run.code).toBe(0);
    expect(forward.ports[0]).toMatchObject({ from: '1.0.0', to: '1.1.0', overall: 'non-breaking' });
    const { run: back, value: backward } = await diff('--from', '1.1.0', '--to', '1.0.0', '--fail-on', 'breaking');
    expect(back.code).toBe(1);
    expect(backward.ports[0]!.changes.map((c) => c.kind)).toEqual(['column-removed']);
    const text = await ws.mesh(['diff', 'sales/orders', '--port', 'orders', '--from', '1.0.0']);
    expect(text.stdout).toMatch(/^orders: 1\.0\.0 → workspace$/m);
  });

  it('prints {productId, overall, ports: [{port, major, contractId, from, to, overall, changes}]} with --json', async () => {
    const { run, value } = await diff('--from', '1.0.0', '--to', '1.1.0');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(Object.keys(value)).toEqual(['productId', 'overall', 'ports']);
    expect(value).toMatchObject({ productId: 'sales.orders', overall: 'non-breaking' });
    expect(value.ports).toEqual([
      {
        port: 'orders',
        major: 1,
        contractId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        from: '1.0.0',
        to: '1.1.0',
        overall: 'non-breaking',
        changes: [
          {
            kind: 'column-added',
            severity: 'non-breaking',
            table: 'orders',
            column: 'note',
            pointer: '/schema/0/properties/4',
            after: 'note',
            explanation: expect.stringContaining('Optional column orders.note was added'),
          },
        ],
      },
    ]);
  });

  it('refuses an unknown version, port or product with a coded error', async () => {
    const version = await ws.mesh(['diff', 'sales/orders', '--from', '9.9.9']);
    expect(version.code).toBe(1);
    expect(version.stderr).toMatch(
      /error MW7014: sales\.orders orders@1: contract \S+ has no registered version "9\.9\.9" \(registered: 1\.0\.0, 1\.1\.0; or "workspace"\)/,
    );
    const port = await ws.mesh(['diff', 'sales/orders', '--port', 'returns']);
    expect(port).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('error MW7013: sales.orders has no output port "returns"'),
    });
    expect((await ws.mesh(['diff', 'sales/nothing'])).stderr).toContain('error MW7006');
    expect((await ws.mesh(['diff', 'sales/orders', '--fail-on', 'minor'])).code).toBe(2);
  });
});
