/** Parsing on two threads gives exactly the model and diagnostics of parsing on one. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadWorkspace } from '@meshwork/core';
import { initWorkspace, newDomain, newProduct } from '../scaffold/scaffold-service.js';
import { parseYamlInParallel, PARALLEL_PARSE_THRESHOLD } from './parallel-yaml.js';
import { readWorkspaceFiles } from './read-workspace-files.js';

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-parallel-'));
  root = await initWorkspace(join(parent, 'mesh'));
  await newDomain(root, 'sales', 'platform');
  // Each scaffolded product has three YAML files.
  const products = Math.ceil(PARALLEL_PARSE_THRESHOLD / 3) + 1;
  for (let i = 0; i < products; i++) await newProduct(root, 'sales', `p${i}`);
  await writeFile(join(root, 'domains/sales/p7/product.odps.yaml'), 'apiVersion: v1.0.0\nkind: [DataProduct\n');
  await writeFile(join(root, 'domains/sales/p8/pipeline.yaml'), 'a: &x 1\nb: *x\n');
}, 120_000);
afterAll(() => rm(parent, { recursive: true, force: true }));

it('gives the same model and the same positioned diagnostics', async () => {
  const { files, otherPaths, diagnostics } = await readWorkspaceFiles(root);
  const parsed = await parseYamlInParallel(files);
  expect(parsed).toBeDefined();
  expect(parsed!.size).toBeGreaterThan(PARALLEL_PARSE_THRESHOLD - 10);
  expect(parsed!.has('domains/sales/p7/product.odps.yaml')).toBe(false); // left to the loader
  const parallel = loadWorkspace({ files, otherPaths, readDiagnostics: diagnostics, parsed });
  const serial = loadWorkspace({ files, otherPaths, readDiagnostics: diagnostics });
  expect(parallel.diagnostics).toEqual(serial.diagnostics);
  expect(
    parallel.diagnostics.some(
      (d) => d.code === 'MW1003' && d.file === 'domains/sales/p7/product.odps.yaml' && d.line! >= 2,
    ),
  ).toBe(true);
  expect(JSON.stringify([...parallel.model.products.values()])).toBe(
    JSON.stringify([...serial.model.products.values()]),
  );
});

it('leaves small workspaces to the main thread', async () => {
  expect(await parseYamlInParallel(new Map([['mesh.yaml', 'a: 1']]))).toBeUndefined();
});
