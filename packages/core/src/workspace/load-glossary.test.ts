/**
 * The glossary inside loadWorkspace: files found by path, schema errors with file and line,
 * cross-file checks, contract bindings resolved into `terms` or reported at the binding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from './load-workspace.js';
import {
  CONTRACT_FILE,
  contractYaml,
  GLOSSARY_FILE,
  GLOSSARY_YAML,
  glossaryWorkspace,
} from './test-support/glossary-workspace.js';
import { classifyPath, isWorkspaceSourcePath } from './workspace-layout.js';

function load(overrides: Record<string, string | undefined> = {}) {
  return loadWorkspace({ files: glossaryWorkspace(overrides) });
}

const brief = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, pointer: d.pointer });

describe('glossary files in the workspace layout', () => {
  it('classifies YAML directly in glossary/ as glossary, and nothing else there', () => {
    expect(classifyPath('glossary/customers.yaml')).toEqual({ role: 'glossary' });
    expect(classifyPath('glossary/terms.yml')).toEqual({ role: 'glossary' });
    expect(classifyPath('glossary/README.md')).toEqual({ role: 'ignored' });
    expect(classifyPath('glossary/drafts/customers.yaml')).toEqual({ role: 'ignored' });
    expect(classifyPath('domains/sales/glossary/customers.yaml')).toEqual({ role: 'ignored' });
    expect(isWorkspaceSourcePath('glossary/customers.yaml')).toBe(true);
    expect(isWorkspaceSourcePath('glossary/README.md')).toBe(false);
  });
});

describe('loading a workspace with a glossary', () => {
  it('loads the fixture with no diagnostics and the glossary in the model', () => {
    const { model, diagnostics } = load();
    expect(diagnostics).toEqual([]);
    expect([...model.glossary.entities.keys()]).toEqual(['Customer', 'Order']);
    expect([...model.glossary.terms.keys()]).toEqual(['Region']);
    expect([...model.glossary.metrics.keys()]).toEqual(['CustomerLifetimeValue']);
    expect(model.glossary.files).toEqual([GLOSSARY_FILE]);
    const customer = model.glossary.entities.get('Customer')!;
    expect(customer).toMatchObject({
      urn: 'urn:meshwork:glossary:Customer',
      synonyms: ['client'],
      file: GLOSSARY_FILE,
      identifiers: [{ name: 'customer_id', logicalType: 'string', pattern: '^C[0-9]{7}$' }],
      relations: [{ name: 'places', target: 'Order', cardinality: 'one-to-many' }],
    });
    expect(model.glossary.metrics.get('CustomerLifetimeValue')).toMatchObject({
      measure: 'sum(Order.gross_amount)',
      grain: 'Customer',
      dimensions: ['Customer.segment'],
      filters: [],
    });
  });

  it('resolves bindings into the columns’ terms, ignoring other authoritative definitions', () => {
    const { model } = load();
    const columns = model.products.get('crm.customers')!.contracts[0]!.tables[0]!.columns;
    expect(columns.map((c) => [c.name, c.terms])).toEqual([
      ['customer_id', ['Customer.customer_id']],
      ['segment', ['Customer.segment']],
      ['region', []],
    ]);
  });

  it('is deep-frozen like the rest of the model', () => {
    const { model } = load();
    expect(Object.isFrozen(model.glossary)).toBe(true);
    expect(Object.isFrozen(model.glossary.entities.get('Customer')!.identifiers[0])).toBe(true);
    expect(() => (model.glossary.entities as Map<string, unknown>).set('X', {})).toThrow(TypeError);
  });

  it('gives a mesh without glossary/ an empty glossary', () => {
    const { model, diagnostics } = load({
      [GLOSSARY_FILE]: undefined,
      [CONTRACT_FILE]: contractYaml({}),
    });
    expect(diagnostics).toEqual([]);
    expect(model.glossary.entities.size).toBe(0);
    expect(model.glossary.files).toEqual([]);
  });

  it('reports unknown fields and wrong values with file, line and pointer', () => {
    const text = GLOSSARY_YAML.replace('    synonyms: [client]\n', '    synonyms: [client]\n    owner: crm\n').replace(
      'cardinality: one-to-many',
      'cardinality: lots',
    );
    const { diagnostics, model } = load({ [GLOSSARY_FILE]: text });
    expect(diagnostics.map(brief)).toEqual([
      { code: 'MW2001', file: GLOSSARY_FILE, line: 7, pointer: '/entities/0/owner' },
      { code: 'MW2004', file: GLOSSARY_FILE, line: 18, pointer: '/entities/0/relations/0/cardinality' },
    ]);
    expect(diagnostics[0]!.message).toContain('unknown field "owner"');
    // A schema error does not hide the entity from bindings.
    expect(model.glossary.entities.has('Customer')).toBe(true);
  });

  it('checks the kind, names and required fields of a glossary file', () => {
    const text = 'apiVersion: meshwork/v1\nkind: Glosary\nentities:\n  - name: customer\n';
    const { diagnostics } = load({ 'glossary/bad.yml': text });
    expect(diagnostics.filter((d) => d.file === 'glossary/bad.yml').map((d) => [d.code, d.line, d.pointer])).toEqual([
      ['MW2004', 2, '/kind'],
      ['MW2002', 4, '/entities/0'],
      ['MW2005', 4, '/entities/0/name'],
    ]);
  });

  it('reports a name defined twice across files at the second definition', () => {
    const other = 'apiVersion: meshwork/v1\nkind: Glossary\nterms:\n  - name: Customer\n    description: Dup.\n';
    const { diagnostics } = load({ 'glossary/zz-terms.yaml': other });
    expect(diagnostics.map(brief)).toEqual([
      { code: 'MW3101', file: 'glossary/zz-terms.yaml', line: 4, pointer: '/terms/0/name' },
    ]);
    expect(diagnostics[0]!.message).toContain(`already defined in ${GLOSSARY_FILE}`);
  });

  it('reports relations to unknown entities, bad patterns and unknown metric references', () => {
    const text = GLOSSARY_YAML.replace('target: Order', 'target: Purchase')
      .replace('pattern: ^C[0-9]{7}$', () => "pattern: '^C[0-9{7}$'")
      .replace('dimensions: [Customer.segment]', 'dimensions: [Customer.tier]');
    const { diagnostics } = load({ [GLOSSARY_FILE]: text });
    expect(diagnostics.map(brief)).toEqual([
      { code: 'MW3104', file: GLOSSARY_FILE, line: 10, pointer: '/entities/0/identifiers/0/pattern' },
      { code: 'MW3103', file: GLOSSARY_FILE, line: 16, pointer: '/entities/0/relations/0/target' },
      { code: 'MW3108', file: GLOSSARY_FILE, line: 31, pointer: '/metrics/0/dimensions/0' },
    ]);
  });
});

describe('bindings that do not resolve', () => {
  const withBinding = (url: string) => ({
    [CONTRACT_FILE]: contractYaml({ customer_id: ['urn:meshwork:glossary:Customer.customer_id'], region: [url] }),
  });

  it.each([
    ['urn:meshwork:glossary:Cstomer.customer_id', 'MW3105', 'no entity, term or metric named "Cstomer"'],
    ['urn:meshwork:glossary:Customer.region', 'MW3106', 'Customer has no identifier or attribute "region"'],
    ['urn:meshwork:glossary:Customer.places', 'MW3106', 'is a relation of Customer'],
    ['urn:meshwork:glossary:Region.code', 'MW3105', 'Region is a term or metric'],
    ['urn:meshwork:glossary:customer', 'MW3107', 'is not a glossary name'],
  ])('%s is %s at the binding’s url in the contract', (url, code, message) => {
    const { diagnostics, model } = load(withBinding(url));
    expect(diagnostics.map(brief)).toEqual([
      { code, file: CONTRACT_FILE, line: 27, pointer: '/schema/0/properties/2/authoritativeDefinitions/0/url' },
    ]);
    expect(diagnostics[0]!.message).toContain('column region: ');
    expect(diagnostics[0]!.message).toContain(message);
    expect(diagnostics[0]!.fix).toBeTruthy();
    const region = model.products.get('crm.customers')!.contracts[0]!.tables[0]!.columns[2]!;
    // Well-formed ids stay in terms as written (reported, not dropped); malformed ones are not ids.
    expect(region.terms).toEqual(code === 'MW3107' ? [] : [url.slice('urn:meshwork:glossary:'.length)]);
  });

  it('are not judged while a glossary file cannot be parsed: its YAML error is the one to fix', () => {
    const { diagnostics } = load({
      'glossary/broken.yaml': 'entities: [\n',
      ...withBinding('urn:meshwork:glossary:Cstomer'),
    });
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['MW1003', 'glossary/broken.yaml']]);
  });

  it('binds to entities, terms and metrics by their name alone', () => {
    const urls = ['Customer', 'Region', 'CustomerLifetimeValue'].map((n) => `urn:meshwork:glossary:${n}`);
    const { diagnostics, model } = load({
      [CONTRACT_FILE]: contractYaml({ region: [...urls, urls[0]!] }),
    });
    expect(diagnostics).toEqual([]);
    const region = model.products.get('crm.customers')!.contracts[0]!.tables[0]!.columns[2]!;
    expect(region.terms).toEqual(['Customer', 'Region', 'CustomerLifetimeValue']);
  });
});

describe('the loader under random glossary input', () => {
  it('never throws on structurally mutated glossary documents', () => {
    const base = parse(GLOSSARY_YAML) as unknown;
    const mutate = (value: unknown, path: number[], replacement: unknown): unknown => {
      if (value === null || typeof value !== 'object' || path.length === 0) return replacement;
      const keys = Object.keys(value);
      if (keys.length === 0) return replacement;
      const copy: Record<string, unknown> = Array.isArray(value) ? { ...[...value] } : { ...value };
      const key = keys[path[0]! % keys.length]!;
      copy[key] = mutate(copy[key], path.slice(1), replacement);
      return Array.isArray(value) ? Object.values(copy) : copy;
    };
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => {
        const text = stringify(mutate(base, path, replacement));
        const { diagnostics } = load({ [GLOSSARY_FILE]: text });
        for (const d of diagnostics) expect(d.code).toMatch(/^MW\d{4}$/);
      }),
      { numRuns: 200 },
    );
  });
});
