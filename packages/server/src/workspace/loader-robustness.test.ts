/**
 * The loader never throws for bad input: random text and structural mutations of valid
 * documents produce diagnostics (each with a code and a file), never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadWorkspace } from '@meshwork/core';
import { productTemplate } from '../scaffold/product-template.js';
import { domainTemplate, workspaceTemplate } from '../scaffold/workspace-template.js';

function validFiles(): Map<string, string> {
  const files = new Map<string, string>([['mesh.yaml', workspaceTemplate('fuzz').get('mesh.yaml')!]]);
  files.set('domains/sales/domain.yaml', domainTemplate('sales', 'platform'));
  for (const [name, text] of productTemplate({
    domain: 'sales',
    product: 'orders',
    archetype: 'aggregate',
    ownerTeam: 'platform',
  })) {
    if (!name.includes('/')) files.set(`domains/sales/orders/${name}`, text);
  }
  return files;
}

const base = validFiles();
const paths = [...base.keys()].filter((p) => p.endsWith('.yaml'));

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A structural mutation: set, delete or retype a random node of the parsed document. */
function mutateValue(value: unknown, choices: number[], replacement: unknown): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0 || choices.length === 0) return replacement;
  const [choice, ...rest] = choices;
  const key = keys[choice! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...value };
  if (rest.length === 0 && choice! % 5 === 0) delete copy[key];
  else copy[key] = mutateValue(copy[key], rest, replacement);
  return copy;
}

function assertOnlyDiagnostics(files: Map<string, string>): void {
  const result = loadWorkspace({ files });
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^MW\d{4}$/);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
  }
}

describe('the workspace loader under random input', () => {
  it('the unmutated workspace is clean', () => {
    expect(loadWorkspace({ files: base }).diagnostics).toEqual([]);
  });

  it('never throws on structurally mutated documents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        anyJson,
        (path, choices, replacement) => {
          const files = new Map(base);
          files.set(path, stringify(mutateValue(parse(base.get(path)!), choices, replacement)));
          assertOnlyDiagnostics(files);
        },
      ),
      { numRuns: 400, seed: 20261121 },
    );
  });

  it('never throws on textually corrupted files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 20 }),
        (path, at, cut, insert) => {
          const text = base.get(path)!;
          const position = at % (text.length + 1);
          const files = new Map(base);
          files.set(path, text.slice(0, position) + insert + text.slice(position + cut));
          assertOnlyDiagnostics(files);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('never throws on arbitrary strings as any file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string({ unit: 'binary', maxLength: 200 }), (path, text) => {
        const files = new Map(base);
        files.set(path, text);
        assertOnlyDiagnostics(files);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
