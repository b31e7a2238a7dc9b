import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStandardJson, standardsDir } from '../../../../../test-support/standards.js';
import { schemaPropertyNames } from '../odps/test-support/official-validator.js';
import {
  applyMutations,
  DEFAULT_ODD_STRINGS,
  mutationsArbitrary,
  type Json,
  type MutationPools,
} from '../odps/test-support/json-mutations.js';
import { validateOdcs } from '../odcs/index.js';
import { convertDcsToOdcs, DCS_VERSIONS } from './dcs-to-odcs.js';
import { dcsExamples, officialOdcsV310 } from './test-support/dcs-fixtures.js';

const SEED = 7_331;

/** Converting never throws, never hits the internal-failure net, and errors mean no document. */
function convertSafely(input: unknown) {
  let result: ReturnType<typeof convertDcsToOdcs> | undefined;
  expect(() => (result = convertDcsToOdcs(input))).not.toThrow();
  const { document, diagnostics } = result!;
  expect(diagnostics.filter((d) => d.code === 'MW5199')).toEqual([]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(document === undefined).toBe(errors.length > 0);
  for (const d of diagnostics) expect(d.code).toMatch(/^MW51\d\d$/);
  return result!;
}

describe('convertDcsToOdcs on arbitrary input', () => {
  it('never throws on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        convertSafely(value);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe.skipIf(!standardsDir)('convertDcsToOdcs output is valid ODCS whenever a document is returned', () => {
  const valid = officialOdcsV310();
  const expectValid = (input: unknown, what: string) => {
    const { document } = convertSafely(input);
    if (document !== undefined) {
      expect(valid(document), `${what}: ${valid.lastErrors()}`).toBe(true);
      // What `mesh import dcs` checks next: Meshwork's own ODCS schema must agree.
      expect(validateOdcs(document).issues, what).toEqual([]);
    }
    return document !== undefined;
  };

  it('for random documents with a valid header and random sections', () => {
    const section = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()));
    const field = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('string', 'decimal', 'timestamp_tz', 'date', 'array', 'object', 'map', 'bytes', 'uuid'),
          fc.jsonValue(),
        ),
        required: fc.oneof(fc.boolean(), fc.jsonValue()),
        minLength: fc.oneof(fc.integer(), fc.jsonValue()),
        minimum: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
        format: fc.oneof(fc.constantFrom('email', 'f64', 'i64'), fc.string()),
        enum: fc.array(fc.string()),
        references: fc.oneof(fc.constantFrom('a.b', 'a.b.c', '1x.y-z', 'x'), fc.string()),
        quality: fc.array(
          fc.dictionary(
            fc.constantFrom(
              'type',
              'query',
              'metric',
              'mustBe',
              'mustBeLessThan',
              'engine',
              'implementation',
              'description',
              'dimension',
            ),
            fc.oneof(fc.constantFrom('sql', 'library', 'custom', 'text', 'rowCount', 'nullValues'), fc.jsonValue()),
          ),
        ),
        $ref: fc.constantFrom(
          '#/definitions/d',
          '#/definitions/missing',
          'https://example.com/def',
          '#/definitions/loop',
        ),
        fields: fc.dictionary(fc.string(), fc.jsonValue()),
        items: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const contract = fc.record(
      {
        dataContractSpecification: fc.constantFrom(...DCS_VERSIONS),
        id: fc.string(),
        info: fc.record(
          {
            title: fc.jsonValue(),
            version: fc.string(),
            status: fc.jsonValue(),
            contact: section,
            owner: fc.jsonValue(),
          },
          { requiredKeys: ['version'] },
        ),
        servers: fc.dictionary(
          fc.string(),
          fc.oneof(
            section,
            fc.record(
              {
                type: fc.constantFrom('s3', 'postgres', 'kafka', 'dataframe', 'BigQuery'),
                location: fc.string(),
                host: fc.string(),
                port: fc.jsonValue(),
                roles: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        terms: section,
        models: fc.dictionary(
          fc.string(),
          fc.record(
            {
              type: fc.jsonValue(),
              fields: fc.dictionary(fc.string(), field),
              primaryKey: fc.array(fc.string()),
              quality: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        definitions: fc.constant({
          d: { type: 'string', name: 'd', domain: 'x' },
          loop: { $ref: '#/definitions/loop' },
        }),
        servicelevels: fc.dictionary(
          fc.constantFrom('availability', 'retention', 'latency', 'frequency', 'other'),
          section,
        ),
        links: section,
        tags: fc.jsonValue(),
        quality: section,
        examples: fc.jsonValue(),
      },
      { requiredKeys: ['dataContractSpecification', 'id', 'info'] },
    );
    let documents = 0;
    fc.assert(
      fc.property(contract, (dcs) => {
        if (expectValid(dcs, 'random contract')) documents += 1;
      }),
      { seed: SEED, numRuns: 500 },
    );
    expect(documents).toBeGreaterThan(400);
  });

  const dcsSchema = readStandardJson('datacontract-specification/schema/datacontract.schema.json');
  const pools: MutationPools = {
    knownKeys: schemaPropertyNames(dcsSchema),
    knownValues: [
      'text',
      'timestamp_tz',
      'P1Y',
      '25h',
      'orders.order_id',
      '#/definitions/order_id',
      '#/definitions/nothing',
      ['a', 'b'],
      [{ type: 'sql', query: 'select 1', mustBeLessThan: 1, mustBeGreaterThan: 0 }],
      [{ type: 'library', metric: 'rowCount' }],
      [{ type: 'custom', engine: 'soda' }],
      { nested: { type: 'string' } },
      { type: 'string' },
      42,
      true,
      null,
    ],
    oddStrings: [
      ...DEFAULT_ODD_STRINGS,
      'unknown-type',
      's3://bucket/{model}/*.json',
      '5000 USD per month',
      '1.2.1',
      '2.0.0',
    ],
  };

  it.each(dcsExamples().map((e) => [e.file, e.doc] as const))('for 400 mutations of %s', (_file, example) => {
    let documents = 0;
    fc.assert(
      fc.property(mutationsArbitrary, (mutations) => {
        const { doc, description } = applyMutations(example as Json, mutations, pools);
        if (expectValid(doc, description)) documents += 1;
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(documents).toBeGreaterThan(200);
  });
});
