import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '@meshwork/core';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from './load-workspace-from-disk.js';

let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const codes = (diagnostics: readonly Diagnostic[]) => errorsOf(diagnostics).map((d) => d.code);

describe('loading a workspace from disk', () => {
  it('loads scaffolded products of every archetype without a single diagnostic', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders', 'source-aligned'],
      ['sales', 'revenue', 'aggregate'],
      ['marketing', 'campaign-report', 'consumer-aligned'],
    ]);
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(diagnostics).toEqual([]);
    expect([...model.products.keys()]).toEqual(['marketing.campaign-report', 'sales.orders', 'sales.revenue']);
    const orders = model.products.get('sales.orders')!;
    expect(orders).toMatchObject({
      archetype: 'source-aligned',
      status: 'draft',
      ownerTeam: 'platform',
      urn: 'urn:meshwork:sales:orders',
    });
    expect(orders.outputPorts[0]).toMatchObject({ name: 'orders', major: 1 });
    expect(orders.outputPorts[0]!.contract?.tables[0]?.columns.map((c) => c.name)).toEqual([
      'id',
      'name',
      'amount',
      'created_on',
    ]);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(orders.outputPorts[0]!.contract!.document)).toBe(true);
    expect(() => (model.products as Map<string, unknown>).delete('sales.orders')).toThrow(/immutable/);
  });

  it('reports a folder without mesh.yaml as MW1001', async () => {
    ws = await createTempWorkspace();
    await ws.write('mesh.yaml', '');
    const { diagnostics } = await loadWorkspaceFromDisk(`${ws.root}/domains`, {});
    expect(codes(diagnostics)).toEqual(['MW1001']);
  });

  it('reports every problem of a broken workspace at once, each with file, line and column', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['sales', 'refunds'],
    ]);
    await ws.edit('domains/sales/orders/product.odps.yaml', (t) =>
      t.replace('status: draft', 'status: draft\ncolour: blue'),
    );
    await ws.edit('domains/sales/refunds/refunds.odcs.yaml', (t) => t.replace(/^version: 1\.0\.0$/m, 'version: one'));
    await ws.edit('domains/sales/refunds/pipeline.yaml', (t) => t.replace('sql: refunds.sql', 'sql: missing.sql'));
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(codes(diagnostics).sort()).toEqual(['MW2001', 'MW3006', 'MW3013']);
    const unknown = diagnostics.find((d) => d.code === 'MW2001')!;
    expect(unknown).toMatchObject({ file: 'domains/sales/orders/product.odps.yaml', pointer: '/colour' });
    const text = await ws.read('domains/sales/orders/product.odps.yaml');
    expect(text.split('\n')[unknown.line! - 1]).toBe('colour: blue');
    expect(unknown.column).toBe(1);
    for (const d of diagnostics) {
      expect(d.fix, d.code).toBeTruthy();
      expect(d.line, d.code).toBeGreaterThan(0);
    }
  });

  it('reports malformed YAML, duplicate keys, non-mappings and non-UTF-8 files without throwing', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['sales', 'refunds'],
      ['sales', 'returns'],
      ['sales', 'fees'],
    ]);
    await ws.write('domains/sales/orders/product.odps.yaml', 'apiVersion: v1.0.0\nkind: [DataProduct\n');
    await ws.edit('domains/sales/refunds/product.odps.yaml', (t) => `${t}status: active\n`);
    await ws.write('domains/sales/returns/product.odps.yaml', '- just\n- a list\n');
    await ws.write('domains/sales/fees/product.odps.yaml', 'apiVersion: v1.0.0\nname: caf\xe9\n');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      `${ws.root}/domains/sales/fees/product.odps.yaml`,
      Buffer.from('apiVersion: v1.0.0\nname: caf\xe9\n', 'latin1'),
    );
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const byFile = (file: string) =>
      codes(diagnostics.filter((d) => d.file === `domains/sales/${file}/product.odps.yaml`));
    expect(byFile('orders')).toContain('MW1003');
    expect(byFile('refunds')).toContain('MW1004');
    expect(byFile('returns')).toEqual(['MW1006']);
    expect(byFile('fees')).toEqual(['MW1002']);
    expect(diagnostics.find((d) => d.code === 'MW1002')).toMatchObject({ line: 2, column: 10 });
  });

  it('detects duplicate ids, unresolved contracts and output ports without contracts', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['sales', 'refunds'],
    ]);
    const orders = await ws.read('domains/sales/orders/product.odps.yaml');
    const id = /^id: (.+)$/m.exec(orders)![1]!;
    await ws.edit('domains/sales/refunds/product.odps.yaml', (t) =>
      t.replace(/^id: .+$/m, `id: ${id}`).replace(/contractId: .+$/m, 'contractId: does-not-exist'),
    );
    await ws.edit('domains/sales/orders/product.odps.yaml', (t) => t.replace(/^\s+contractId: .+\n/m, ''));
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(codes(diagnostics).sort()).toEqual(['MW3001', 'MW3002', 'MW3004']);
    expect(diagnostics.filter((d) => d.code === 'MW3014').length).toBe(2);
  });

  it('checks pipeline references to products, ports, versions and connections', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['finance', 'revenue', 'aggregate'],
    ]);
    await ws.edit('domains/finance/revenue/pipeline.yaml', (t) =>
      t.replace(
        'inputs:\n',
        `inputs:
  - name: orders
    kind: product
    product: sales.orders
    port: orders
    majorVersion: 1
  - name: old_orders
    kind: product
    product: sales.orders
    port: orders
    majorVersion: 3
  - name: ghosts
    kind: product
    product: sales.ghosts
    port: x
  - name: crm
    kind: postgres
    connection: crm
    table: customers
`,
      ),
    );
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const messages = errorsOf(diagnostics).map((d) => `${d.code} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^MW3005 .*has no major version 3 \(has v1\)/),
      expect.stringMatching(/^MW3005 .*"sales.ghosts", which does not exist/),
      expect.stringMatching(/^MW3005 .*connection "crm", which mesh.yaml does not declare/),
    ]);
    expect(model.products.get('finance.revenue')!.dependsOn).toEqual(['sales.ghosts', 'sales.orders']);
  });

  it('checks that ODPS input ports and pipeline product inputs agree, and notes deprecated inputs', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['finance', 'revenue', 'aggregate'],
    ]);
    const ordersContract = /^id: (.+)$/m.exec(await ws.read('domains/sales/orders/orders.odcs.yaml'))![1]!;
    await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) => t.replace('status: draft', 'status: deprecated'));
    await ws.edit('domains/finance/revenue/pipeline.yaml', (t) =>
      t.replace(
        'inputs:\n',
        'inputs:\n  - name: orders\n    kind: product\n    product: sales.orders\n    port: orders\n',
      ),
    );
    const missingPort = await loadWorkspaceFromDisk(ws.root, {});
    expect(missingPort.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info MW3018', 'warning MW3017']);
    expect(missingPort.diagnostics[1]!.message).toContain(`reads sales.orders.orders v1 (contract ${ordersContract})`);

    await ws.edit('domains/finance/revenue/product.odps.yaml', (t) =>
      t.replace(
        'outputPorts:',
        `inputPorts:\n  - name: orders\n    version: 1.0.0\n    contractId: ${ordersContract}\noutputPorts:`,
      ),
    );
    const agreed = await loadWorkspaceFromDisk(ws.root, {});
    expect(agreed.diagnostics.map((d) => d.code)).toEqual(['MW3018']);

    await ws.edit('domains/finance/revenue/pipeline.yaml', (t) => t.replace(/ {2}- name: orders\n( {4}.*\n){3}/, ''));
    const unread = await loadWorkspaceFromDisk(ws.root, {});
    expect(unread.diagnostics.map((d) => d.code)).toEqual(['MW3017']);
    expect(unread.diagnostics[0]!.message).toContain('which the pipeline does not read');
  });

  it('a domain.yaml that does not parse is reported once, not as a missing domain for each product', async () => {
    ws = await createTempWorkspace([
      ['sales', 'orders'],
      ['sales', 'refunds'],
    ]);
    await ws.write('domains/sales/domain.yaml', 'name: [sales\n');
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(codes(diagnostics)).toEqual(['MW1003']);
  });

  it('names the whole dependency cycle between products', async () => {
    ws = await createTempWorkspace([
      ['a', 'one'],
      ['a', 'two'],
      ['a', 'three'],
    ]);
    const readFrom = (product: string) => (t: string) =>
      t.replace(
        'inputs:\n',
        `inputs:\n  - name: up\n    kind: product\n    product: a.${product}\n    port: ${product}\n`,
      );
    await ws.edit('domains/a/one/pipeline.yaml', readFrom('two'));
    await ws.edit('domains/a/two/pipeline.yaml', readFrom('three'));
    await ws.edit('domains/a/three/pipeline.yaml', readFrom('one'));
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const cycles = diagnostics.filter((d) => d.code === 'MW3007');
    expect(cycles.map((d) => d.file)).toEqual([
      'domains/a/one/pipeline.yaml',
      'domains/a/three/pipeline.yaml',
      'domains/a/two/pipeline.yaml',
    ]);
    expect(cycles[0]!.message).toContain('a.one → a.three → a.two → a.one');
  });

  it('substitutes ${VAR} in mesh.yaml after parsing and reports unset variables with their key', async () => {
    ws = await createTempWorkspace();
    await ws.edit(
      'mesh.yaml',
      (t) =>
        `${t}connections:\n  crm:\n    kind: postgres\n    url: \${CRM_URL}\n  erp:\n    kind: postgres\n    url: \${ERP_URL:-postgres://localhost/erp}\n`,
    );
    const ok = await loadWorkspaceFromDisk(ws.root, { CRM_URL: 'postgres://u:secret@db/crm' });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.model.config.connections?.crm?.url).toBe('postgres://u:secret@db/crm');
    expect(ok.model.config.connections?.erp?.url).toBe('postgres://localhost/erp');
    const missing = await loadWorkspaceFromDisk(ws.root, {});
    expect(missing.diagnostics).toEqual([
      expect.objectContaining({
        code: 'MW4001',
        file: 'mesh.yaml',
        pointer: '/connections/crm/url',
        line: 25,
        column: 10,
      }),
    ]);
  });

  it('rejects unknown keys and wrong types in mesh.yaml', async () => {
    ws = await createTempWorkspace();
    await ws.edit('mesh.yaml', (t) =>
      t.replace('kind: Mesh', 'kind: Mesh\nwarehous: x').replace('roles: [admin]', 'roles: [wizard]'),
    );
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(codes(diagnostics).sort()).toEqual(['MW2001', 'MW2004']);
  });

  it('refuses files over the size limit', async () => {
    ws = await createTempWorkspace([['sales', 'orders']]);
    await ws.edit('mesh.yaml', (t) => `${t}limits:\n  maxFileBytes: 2048\n`);
    await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) => `${t}\n# ${'x'.repeat(4096)}\n`);
    const { diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(codes(diagnostics)).toContain('MW1005');
  });
});
