import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overallSeverity } from './change-severity.js';
import { classifyContractChange } from './classify-contract-change.js';
import { expectWellFormed } from './test-support/change-cases.js';
import {
  columnFieldsArbitrary,
  contractArbitrary,
  optionsArbitrary,
  reorderKeys,
} from './test-support/contract-arbitraries.js';
import { column, contract, table, type JsonObject } from './test-support/contract-builder.js';

const SEED = 20_261;
const RUNS = { seed: SEED, numRuns: 300 };
const columnsOf = (doc: JsonObject, t: number) => (doc.schema as JsonObject[])[t]!.properties as JsonObject[];

describe('classifyContractChange, for any contract', () => {
  it('finds no change between a contract and itself or a copy', () => {
    fc.assert(
      fc.property(contractArbitrary, (doc) => {
        expect(classifyContractChange(doc, doc)).toEqual([]);
        expect(classifyContractChange(doc, structuredClone(doc))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never calls adding an optional column breaking', () => {
    fc.assert(
      fc.property(contractArbitrary, columnFieldsArbitrary(false), fc.nat(), (doc, fields, at) => {
        const after = structuredClone(doc);
        const columns = columnsOf(after, at % (after.schema as JsonObject[]).length);
        const added = { ...fields, name: 'brand_new', required: false, primaryKey: false };
        columns.splice(at % (columns.length + 1), 0, added);
        const changes = classifyContractChange(doc, after);
        expect(changes.map((c) => c.kind)).toEqual(['column-added']);
        expect(overallSeverity(changes)).toBe('non-breaking');
      }),
      RUNS,
    );
  });

  it('always calls removing a column breaking', () => {
    fc.assert(
      fc.property(contractArbitrary, fc.nat(), fc.nat(), (doc, t, c) => {
        const after = structuredClone(doc);
        const columns = columnsOf(after, t % (after.schema as JsonObject[]).length);
        fc.pre(columns.length > 0);
        const [removed] = columns.splice(c % columns.length, 1);
        const changes = classifyContractChange(doc, after);
        expect(overallSeverity(changes)).toBe('breaking');
        expect(changes).toContainEqual(expect.objectContaining({ kind: 'column-removed', column: removed!.name }));
      }),
      RUNS,
    );
  });

  it('gives the same changes in the same order, whatever the order of keys', () => {
    fc.assert(
      fc.property(contractArbitrary, contractArbitrary, fc.integer(), (before, after, seed) => {
        const changes = classifyContractChange(before, after);
        expect(classifyContractChange(before, after)).toEqual(changes);
        expect(classifyContractChange(reorderKeys(before, seed) as object, reorderKeys(after, seed) as object)).toEqual(
          changes,
        );
      }),
      RUNS,
    );
  });

  it('gives well-formed changes: the kind’s severity, one sentence, a pointer that resolves', () => {
    fc.assert(
      fc.property(contractArbitrary, contractArbitrary, (before, after) => {
        for (const change of classifyContractChange(before, after)) expectWellFormed(change, before, after);
      }),
      RUNS,
    );
  });

  it('judges an option tightened one way and relaxed the other', () => {
    const flip: Record<string, string> = {
      'constraint-tightened': 'constraint-relaxed',
      'constraint-relaxed': 'constraint-tightened',
      'format-widened': 'format-narrowed',
      'format-narrowed': 'format-widened',
      'required-tightened': 'required-relaxed',
      'required-relaxed': 'required-tightened',
      'unique-tightened': 'unique-relaxed',
      'unique-relaxed': 'unique-tightened',
    };
    const flags = fc.record({ required: fc.boolean(), unique: fc.boolean() });
    fc.assert(
      fc.property(optionsArbitrary, optionsArbitrary, flags, flags, (x, y, fx, fy) => {
        // Between integer and float widths both directions lose values: narrowed either way.
        fc.pre(!([x.format, y.format].includes('f64') && x.format !== y.format));
        const doc = (options: JsonObject, f: JsonObject) =>
          contract([table('t', [column('c', { logicalType: 'integer', ...f, logicalTypeOptions: options })])]);
        const kinds = (a: JsonObject, b: JsonObject) => classifyContractChange(a, b).map((c) => c.kind as string);
        const forward = kinds(doc(x, fx), doc(y, fy));
        expect(kinds(doc(y, fy), doc(x, fx))).toEqual(forward.map((kind) => flip[kind] ?? kind));
      }),
      RUNS,
    );
  });
});

describe('classifyContractChange, for anything at all', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (before, after) => {
        expect(Array.isArray(classifyContractChange(before as object, after as object))).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never throws on contracts whose fields hold arbitrary values', () => {
    const keys = [
      'name',
      'logicalType',
      'physicalType',
      'physicalName',
      'required',
      'unique',
      'primaryKey',
      'primaryKeyPosition',
      'classification',
      'logicalTypeOptions',
      'quality',
      'properties',
      'items',
      'enum',
      'relationships',
      'description',
      'id',
      'partitioned',
    ];
    const wild = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withMap: true });
    const element = fc.dictionary(fc.constantFrom(...keys), wild, { maxKeys: 8 });
    const document = fc.record(
      {
        id: wild,
        status: wild,
        description: wild,
        servers: fc.oneof(wild, fc.array(fc.dictionary(fc.constantFrom('server', 'host', 'type'), wild))),
        slaProperties: fc.oneof(
          wild,
          fc.array(fc.dictionary(fc.constantFrom('property', 'value', 'unit', 'element'), wild)),
        ),
        schema: fc.oneof(
          wild,
          fc.array(
            fc.record({
              name: fc.constantFrom('t', 'u'),
              properties: fc.oneof(wild, fc.array(element, { maxLength: 4 })),
            }),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(document, document, (before, after) => {
        for (const change of classifyContractChange(before, after)) expect(typeof change.explanation).toBe('string');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
