/**
 * fast-check arbitraries of ODCS contracts for the classifier's property tests: realistic
 * enough to reach every comparison (types, options, keys, quality, SLOs), small enough to
 * shrink to a readable counterexample.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from './contract-builder.js';

const LOGICAL = ['string', 'integer', 'number', 'date', 'timestamp', 'boolean', 'object', 'array'];
const PHYSICAL = [
  'VARCHAR',
  'VARCHAR(10)',
  'TEXT',
  'INTEGER',
  'BIGINT',
  'DECIMAL(12,2)',
  'DOUBLE',
  'DATE',
  'TIMESTAMP',
  'BOOLEAN',
  'JSON',
];
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii', 'restricted', 'secret-ish'];
const NAMES = [
  'id',
  'order_id',
  'customer_id',
  'amount',
  'status',
  'country',
  'created_at',
  'email',
  'qty',
  'note',
  'region',
  'sku',
];

/** Options drawn from every logical type's keys, so comparisons of each kind are reached. */
export const optionsArbitrary: fc.Arbitrary<JsonObject> = fc.record(
  {
    minimum: fc.integer({ min: -5, max: 5 }),
    maximum: fc.integer({ min: 5, max: 15 }),
    exclusiveMinimum: fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 5 })),
    minLength: fc.nat(5),
    maxLength: fc.integer({ min: 5, max: 10 }),
    pattern: fc.constantFrom('^[A-Z]+$', '^[a-z]+$'),
    format: fc.constantFrom('email', 'uri', 'i32', 'i64', 'f64', 'yyyy-MM-dd'),
    multipleOf: fc.constantFrom(0.01, 0.1, 1, 3),
    uniqueItems: fc.boolean(),
    timezone: fc.boolean(),
  },
  { requiredKeys: [] },
);

const ruleArbitrary: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record(
    {
      metric: fc.constantFrom('nullValues', 'duplicateValues', 'rowCount', 'invalidValues'),
      mustBe: fc.nat(3),
      severity: fc.constantFrom('error', 'warning'),
      arguments: fc.record({ validValues: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }) }),
    },
    { requiredKeys: ['metric', 'mustBe'] },
  ),
  fc.record({ type: fc.constant('sql'), query: fc.constantFrom('SELECT 1', 'SELECT 2'), mustBeLessThan: fc.nat(9) }),
  fc.record({ rule: fc.constantFrom('nullCheck', 'validValues'), mustBeLessOrEqualTo: fc.nat(9) }),
);

/** Column fields without a name; nested properties one level down. */
export function columnFieldsArbitrary(nested: boolean): fc.Arbitrary<JsonObject> {
  return fc.record(
    {
      logicalType: fc.constantFrom(...LOGICAL),
      physicalType: fc.constantFrom(...PHYSICAL),
      required: fc.boolean(),
      unique: fc.boolean(),
      primaryKey: fc.boolean(),
      primaryKeyPosition: fc.integer({ min: -1, max: 3 }),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      description: fc.constantFrom('An id.', 'Amount in EUR.', 'Replaces v1 note.'),
      logicalTypeOptions: optionsArbitrary,
      quality: fc.array(ruleArbitrary, { maxLength: 2 }),
      tags: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
      ...(nested ? { properties: columnsArbitrary(false) } : {}),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<JsonObject>;
}

export function columnsArbitrary(nested: boolean): fc.Arbitrary<JsonObject[]> {
  return fc
    .uniqueArray(fc.constantFrom(...NAMES), { maxLength: nested ? 6 : 3 })
    .chain((names) => fc.tuple(...names.map((name) => columnFieldsArbitrary(nested).map((f) => ({ name, ...f })))));
}

const tableArbitrary = (name: string): fc.Arbitrary<JsonObject> =>
  fc.record(
    {
      name: fc.constant(name),
      physicalName: fc.constantFrom(name, `${name}_tbl`),
      physicalType: fc.constantFrom('table', 'view'),
      dataGranularityDescription: fc.constantFrom('One row per id.', 'One row per day.'),
      quality: fc.array(ruleArbitrary, { maxLength: 1 }),
      properties: columnsArbitrary(true),
    },
    { requiredKeys: ['name', 'properties'] },
  );

const slaArbitrary: fc.Arbitrary<JsonObject> = fc.record(
  {
    property: fc.constantFrom('latency', 'frequency', 'retention', 'availability', 'endOfLife', 'timeOfAvailability'),
    value: fc.oneof(fc.nat(10) as fc.Arbitrary<Json>, fc.constantFrom('2030-01-01', '06:00Z', 'soon')),
    unit: fc.constantFrom('h', 'd', 'y', 'percent'),
  },
  { requiredKeys: ['property', 'value'] },
);

export const contractArbitrary: fc.Arbitrary<JsonObject> = fc
  .uniqueArray(fc.constantFrom('orders', 'customers', 'lines'), { minLength: 1, maxLength: 2 })
  .chain((tables) =>
    fc.record({
      apiVersion: fc.constantFrom('v3.1.0', 'v3.0.2'),
      kind: fc.constant('DataContract'),
      id: fc.constantFrom('c1', 'c2'),
      version: fc.constant('1.0.0'),
      status: fc.constantFrom('active', 'deprecated', 'draft'),
      schema: fc.tuple(...tables.map(tableArbitrary)),
      slaProperties: fc.array(slaArbitrary, { maxLength: 3 }),
    }),
  ) as fc.Arbitrary<JsonObject>;

/** The same value with every object's keys in another order (arrays keep theirs). */
export function reorderKeys(value: Json, seed: number): Json {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, seed));
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => [...key].reduce((hash, c) => (hash * 31 + c.charCodeAt(0) + seed) | 0, seed);
  const keys = Object.keys(value).sort((x, y) => rank(x) - rank(y));
  return Object.fromEntries(keys.map((key) => [key, reorderKeys(value[key]!, seed)]));
}
