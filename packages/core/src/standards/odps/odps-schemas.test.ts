import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readStandard, readStandardJson, standardFiles, standardsDir } from '../../../../../test-support/standards.js';
import { createDocumentValidator } from '../schema-validator.js';
import { validateOdps } from './odps-validators.js';
import { OdpsV090Schema } from './odps-v0-9-0-schema.js';
import { OdpsV100Schema } from './odps-v1-0-0-schema.js';
import {
  applyMutations,
  DEFAULT_ODD_STRINGS,
  everySingleMutation,
  mutationsArbitrary,
  type Json,
  type MutationPools,
} from './test-support/json-mutations.js';
import { asStrictOdpsV090, completeOdpsV100, withApiVersion } from './test-support/odps-fixtures.js';
import { compileOfficialSchema, schemaPropertyNames } from './test-support/official-validator.js';

const oursV100 = createDocumentValidator(OdpsV100Schema);
const oursV090 = createDocumentValidator(OdpsV090Schema);

describe.skipIf(!standardsDir)('ODPS schemas are equivalent to the official JSON Schemas', () => {
  const officialJson = {
    v100: readStandardJson('odps/schema/odps-json-schema-v1.0.0.json'),
    v090: readStandardJson('odps/schema/odps-json-schema-v0.9.0.json'),
  };
  const officialV100 = compileOfficialSchema(officialJson.v100);
  const officialV090 = compileOfficialSchema(officialJson.v090);
  const examples = standardFiles('odps/examples', /\.odps\.yaml$/).map((file) => ({
    file,
    doc: parse(readStandard(file)) as Json,
  }));

  /** Both official schemas and ours on one document, and what validateOdps should say. */
  const judge = (doc: unknown) => {
    const official = { v100: officialV100(doc), v090: officialV090(doc) };
    const ours = { v100: oursV100(doc).length === 0, v090: oursV090(doc).length === 0 };
    const apiVersion = (doc as { apiVersion?: unknown } | null)?.apiVersion;
    // validateOdps accepts a document when an official schema admitting its apiVersion does.
    const expected =
      apiVersion === 'v1.0.0' ? official.v100 : apiVersion === 'v0.9.0' ? official.v090 || official.v100 : false;
    return { official, ours, validateOdps: validateOdps(doc).issues.length === 0, expected };
  };

  const expectAgreement = (doc: Json, description: string) => {
    const result = judge(doc);
    expect(result.ours.v100, `v1.0.0 after: ${description}`).toBe(result.official.v100);
    expect(result.ours.v090, `v0.9.0 after: ${description}`).toBe(result.official.v090);
    expect(result.validateOdps, `validateOdps after: ${description}`).toBe(result.expected);
    return result.official.v100 || result.official.v090;
  };

  it('finds the official examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((e) => [e.file, e.doc] as const))('accepts %s like the official schema', (_file, doc) => {
    expect(officialV100(doc)).toBe(true);
    expect(oursV100(doc)).toEqual([]);
    expect(validateOdps(doc)).toEqual({ version: 'v0.9.0', issues: [] });
    expectAgreement(doc, 'nothing');
  });

  const pools: MutationPools = {
    knownKeys: [...new Set([...schemaPropertyNames(officialJson.v100), ...schemaPropertyNames(officialJson.v090)])],
    knownValues: [
      'text',
      'not a uri',
      'https://example.com/doc',
      '2024-05-01',
      '2024-05-01T12:00:00Z',
      ['tag'],
      [{ property: 'p', value: null }],
      [{ property: 'p' }],
      [{ type: 'businessDefinition', url: 'https://example.com/def' }],
      [{ type: 'wiki', url: 'https://example.com/def' }],
      { name: 'Team' },
      [{ username: 'someone' }],
      [{ name: 'member' }],
      [{ url: 'https://example.com/sbom' }],
      [{ id: 'c1', version: '1.0.0' }],
      42,
      true,
    ],
    oddStrings: DEFAULT_ODD_STRINGS,
  };

  const complete = completeOdpsV100();
  const bases = [
    ...examples.flatMap(({ file, doc }) => [
      { name: `${file} as published (v0.9.0)`, doc },
      { name: `${file} as v1.0.0`, doc: withApiVersion(doc, 'v1.0.0') },
      { name: `${file} in strict v0.9.0`, doc: asStrictOdpsV090(doc) },
    ]),
    { name: 'a v1.0.0 product using every field', doc: complete },
    { name: 'a v0.9.0 product using every field', doc: asStrictOdpsV090(complete) },
  ];

  it.each(bases.map((b) => [b.name, b.doc] as const))('base document %s is valid', (name, doc) => {
    expect(expectAgreement(doc, name)).toBe(true);
    expect(validateOdps(doc).issues).toEqual([]);
  });

  it.each(bases.map((b) => [b.name, b.doc] as const))(
    'agrees with the official schemas on 400 random mutations of %s',
    (_name, base) => {
      const outcomes = { accepted: 0, rejected: 0 };
      fc.assert(
        fc.property(mutationsArbitrary, (mutations) => {
          const { doc, description } = applyMutations(base, mutations, pools);
          outcomes[expectAgreement(doc, description) ? 'accepted' : 'rejected'] += 1;
        }),
        { seed: 20240501, numRuns: 400 },
      );
      // The mutations must exercise both outcomes, or agreement proves little.
      expect(outcomes.accepted).toBeGreaterThan(40);
      expect(outcomes.rejected).toBeGreaterThan(40);
    },
  );

  it.each([
    ['v1.0.0', complete],
    ['v0.9.0', asStrictOdpsV090(complete)],
  ] as const)('agrees with the official schemas on every single mutation of a complete %s product', (_v, base) => {
    let count = 0;
    for (const { doc, description } of everySingleMutation(base, pools)) {
      expectAgreement(doc, description);
      count += 1;
    }
    expect(count).toBeGreaterThan(10_000);
  });
});
