/**
 * `mesh export all` and `mesh export catalog` on a copy of the demo mesh: the bulk export gives
 * back every ODPS/ODCS document byte for byte (and each validates), an existing target is refused,
 * and a failure mid-way leaves neither the target nor its staging folder behind.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateOdcs, validateOdps } from '@meshwork/core';
import { exportAllDocuments, loadWorkspaceFromDisk, type BulkExportIndex } from '@meshwork/server';
import { runCli } from './test-support/run-cli.js';

const DEMO = join(import.meta.dirname, '../../../examples/demo-mesh');
let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-bulk-'));
  root = join(parent, 'mesh');
  await cp(DEMO, root, { recursive: true, filter: (src) => !src.includes('.meshwork') });
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('mesh export all', () => {
  it('writes every descriptor and contract as written, with an index', async () => {
    const result = await runCli(['export', 'all', '--out', join(parent, 'bulk')], root);
    expect(result.code, result.stderr).toBe(0);
    const index = JSON.parse(await readFile(join(parent, 'bulk/index.json'), 'utf8')) as BulkExportIndex;
    const { model } = await loadWorkspaceFromDisk(root, {});
    expect(index.mesh).toBe('acme-retail');
    expect(index.products.map((p) => p.id)).toEqual([...model.products.keys()]);
    let documents = 0;
    for (const entry of index.products) {
      const product = model.products.get(entry.id)!;
      const odps = await readFile(join(parent, 'bulk', entry.odps), 'utf8');
      expect(odps).toBe(await readFile(join(root, product.descriptorFile), 'utf8'));
      expect(validateOdps(parse(odps)).issues).toEqual([]);
      expect(entry.odcs.map((c) => c.id).sort()).toEqual(product.contracts.map((c) => c.id).sort());
      for (const contract of entry.odcs) {
        const text = await readFile(join(parent, 'bulk', contract.file), 'utf8');
        const original = product.contracts.find((c) => c.id === contract.id)!;
        expect(text).toBe(await readFile(join(root, original.file), 'utf8'));
        expect(validateOdcs(parse(text)).issues).toEqual([]);
        expect(parse(text)).toEqual(original.document);
      }
      documents += 1 + entry.odcs.length;
    }
    expect(result.stdout).toContain(`Exported ${documents} documents of ${index.products.length} products`);
  });

  it('refuses a target that exists, and needs --out', async () => {
    const exists = await runCli(['export', 'all', '--out', join(parent, 'bulk')], root);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('MW7016');
    const missing = await runCli(['export', 'all'], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MW7017');
  });

  it('leaves nothing behind when a document cannot be copied mid-way', async () => {
    const { model } = await loadWorkspaceFromDisk(root, {});
    const last = [...model.products.values()].at(-1)!;
    await rm(join(root, last.descriptorFile));
    const out = join(parent, 'interrupted');
    await expect(exportAllDocuments({ root, model, out })).rejects.toThrow(/ENOENT/);
    expect((await readdir(parent)).filter((name) => name.includes('interrupted'))).toEqual([]);
  });
});

describe('mesh export catalog', () => {
  it('writes the workspace as DCAT-3 JSON-LD', async () => {
    const file = join(parent, 'catalog.jsonld');
    const result = await runCli(
      ['export', 'catalog', '--format', 'dcat', '--out', file, '--base-url', 'https://mesh.example.com'],
      root,
    );
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(doc['@type']).toBe('dcat:Catalog');
    expect((doc['dcat:dataset'] as unknown[]).length).toBeGreaterThan(10);
    const printed = await runCli(['export', 'catalog', '--base-url', 'https://mesh.example.com'], root);
    expect(printed.stdout).toBe(await readFile(file, 'utf8'));
  });

  it('rejects an unknown format and a base URL that is not http(s)', async () => {
    expect((await runCli(['export', 'catalog', '--format', 'rdfxml'], root)).code).toBe(2);
    const bad = await runCli(['export', 'catalog', '--base-url', 'mesh.example.com'], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('MW7017');
  });
});
