/**
 * A product whose contract has 500 columns, added to a workspace with the same scaffolding users
 * run: how the portal copes with a very wide schema. It is never built; its page shows the contract.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../packages/cli/src/test-support/run-cli.js';

export const WIDE_COLUMNS = 500;

/** Scaffolds `<domain>/<name>` and replaces its contract's columns; returns the product id. */
export async function addWideProduct(root: string, domain: string, name: string): Promise<string> {
  const created = await runCli(['new', 'product', `${domain}/${name}`], root);
  expect(created.code, created.stderr).toBe(0);
  const file = join(root, 'domains', domain, name, `${name.replaceAll('-', '_')}.odcs.yaml`);
  const contract = await readFile(file, 'utf8');
  const columns = Array.from({ length: WIDE_COLUMNS }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return [
      `      - name: measure_${n}`,
      '        logicalType: number',
      '        physicalType: DOUBLE',
      `        classification: ${i % 50 === 0 ? 'confidential' : 'internal'}`,
      `        description: Measure ${n} of the wide ledger.`,
    ].join('\n');
  });
  // The table's `properties:` up to its own `quality:` (columns' rules are indented deeper).
  const wide = contract.replace(
    / {4}properties:\n[\s\S]*?\n {4}quality:\n/,
    `    properties:\n${columns.join('\n')}\n    quality:\n`,
  );
  expect(wide, 'the scaffolded contract changed shape').not.toBe(contract);
  await writeFile(file, wide);
  return `${domain}.${name}`;
}
