/**
 * The demo mesh's glossary and bindings: it loads with no diagnostic, every identifier column
 * of every contract is bound to its glossary identifier, and declares that identifier's type,
 * format and pattern — so products of different domains join on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardsDir } from '../../../../test-support/standards.js';
import { loadOfficialOdcs } from '../standards/odcs/test-support/official-odcs-schemas.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import { isWorkspaceSourcePath } from '../workspace/workspace-layout.js';
import { glossaryIdentifier } from './resolve-term.js';

const root = join(import.meta.dirname, '../../../../examples/demo-mesh');

function demoFiles(): { files: Map<string, string>; otherPaths: string[] } {
  const files = new Map<string, string>();
  const otherPaths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const path = relative(root, full).split('\\').join('/');
      if (entry.isDirectory()) walk(full);
      else if (isWorkspaceSourcePath(path) && !path.endsWith('.sql')) files.set(path, readFileSync(full, 'utf8'));
      else otherPaths.push(path);
    }
  };
  walk(root);
  return { files, otherPaths };
}

type Loose = Record<string, unknown>;
const { model, diagnostics } = loadWorkspace(demoFiles());

/** Every column of every contract with its raw ODCS property. */
const columns = [...model.products.values()].flatMap((product) =>
  product.contracts.flatMap((contract) =>
    contract.tables.flatMap((table, t) =>
      table.columns.map((column, c) => {
        const schema = (contract.document as unknown as { schema: { properties: Loose[] }[] }).schema;
        return { where: `${contract.file} ${column.name}`, column, raw: schema[t]!.properties[c]! };
      }),
    ),
  ),
);

describe('the demo mesh glossary', () => {
  it('loads with no error or warning', () => {
    // Infos remain: the demo reads a deprecated port version on purpose (MW3018).
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('defines the entities and metrics the demo promises', () => {
    expect([...model.glossary.entities.keys()]).toEqual(
      expect.arrayContaining(['Campaign', 'Customer', 'Invoice', 'Order', 'Product', 'Ticket']),
    );
    expect([...model.glossary.metrics.keys()]).toEqual(['ChurnRate', 'CustomerLifetimeValue']);
    expect(model.glossary.entities.get('Customer')!.synonyms).toEqual(['client', 'account holder']);
    for (const entity of model.glossary.entities.values()) expect(entity.identifiers.length, entity.name).toBe(1);
  });

  it('binds every identifier column to its glossary identifier', () => {
    const identifiers = new Map(
      [...model.glossary.entities.values()].flatMap((e) => e.identifiers.map((i) => [i.name, `${e.name}.${i.name}`])),
    );
    const idColumns = columns.filter(({ column }) => identifiers.has(column.name));
    expect(idColumns.length).toBeGreaterThanOrEqual(30);
    for (const { where, column } of idColumns) expect(column.terms, where).toContain(identifiers.get(column.name));
  });

  it("gives every bound column the identifier's logical type, format and pattern, and examples that match", () => {
    for (const { where, column, raw } of columns) {
      for (const term of column.terms) {
        const identifier = glossaryIdentifier(model.glossary, term);
        if (!identifier) continue;
        const options = (raw.logicalTypeOptions ?? {}) as Loose;
        expect([column.logicalType, options.format, options.pattern], where).toEqual([
          identifier.logicalType,
          identifier.format,
          identifier.pattern,
        ]);
        const examples = Array.isArray(raw.examples) ? raw.examples : [];
        for (const example of examples) expect(String(example), where).toMatch(new RegExp(identifier.pattern!));
      }
    }
  });

  it.skipIf(!standardsDir)('keeps every demo contract valid against the official ODCS v3.1.0 schema', () => {
    const official = loadOfficialOdcs();
    for (const { contracts } of model.products.values()) {
      for (const contract of contracts)
        expect(official.v310(structuredClone(contract.document)), contract.file).toBe(true);
    }
  });
});
