/**
 * The values mutations draw from. Many are near misses: valid in one ODCS version and not
 * the other, or valid for one logical/quality/server type and not another.
 */
import fc from 'fast-check';
import type { Json } from './json-tree.js';

export const unknownKeys = ['x-unknown', 'extra', 'Name', 'apiversion'];

/** Values of every JSON type, for `retype`. */
export const typedValues: Json[] = [0, 7, -1, 2.5, 'text', '', true, false, null, [], ['a'], [1, 2], {}, { a: 1 }];

export const oddStrings: string[] = [
  '',
  ' ',
  'not-in-any-enum',
  'DataContract',
  'v3.1.0',
  'v3.0.2',
  'v3.0.0',
  'v2.2.0',
  'v3.2.0',
  '2024-02-30',
  '2024-01-31',
  '31/01/2024',
  '2024-01-31T10:00:00Z',
  '2024-01-31T10:00:00',
  'not a uri',
  'https://example.com/a b',
  'https://example.com/data',
  'mailto:someone@example.com',
  'someone@',
  'sftp://host/path',
  's3://bucket/key',
  'a.b',
  'tbl/col_1',
  'schema/orders/properties/id',
  'bad id!',
  'ok_id-1',
  'string',
  'date',
  'timestamp',
  'object',
  'array',
  'integer',
  'text',
  'library',
  'sql',
  'custom',
  'rowCount',
  'accuracy',
  'kafka',
  'postgres',
  'duckdb',
  'parquet',
  'avro',
  'new_line',
  'foreignKey',
  'i64',
  'f32',
];

export const anyValues: Json[] = [
  ...typedValues,
  'https://example.com',
  '2024-01-31',
  [{ name: 'x' }],
  [{ username: 'u' }],
  [{ url: 'https://example.com', type: 'businessDefinition' }],
  [{ property: 'p', value: 1 }],
  { name: 'x', logicalType: 'string' },
];

export const logicalTypes = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
  'uuid',
];

export const logicalTypeOptions: Json[] = [
  {},
  { minLength: 1, maxLength: 5 },
  { minLength: -1 },
  { pattern: '^[A-Z]', format: 'email' },
  { format: 'yyyy-MM-dd' },
  { format: 'i64' },
  { format: 'f32', multipleOf: 0.5 },
  { format: 'i32', minimum: 0, maximum: 10 },
  { exclusiveMinimum: true },
  { exclusiveMaximum: false, maximum: '2030-01-01' },
  { exclusiveMinimum: 0 },
  { exclusiveMaximum: '2030-01-01' },
  { timezone: true, defaultTimezone: 'Etc/UTC' },
  { timezone: true },
  { defaultTimezone: 'Europe/Paris', format: 'HH:mm:ss' },
  { minimum: '2020-01-01', maximum: '2030-01-01' },
  { minimum: 0, exclusiveMaximum: 10 },
  { maxLength: 10, format: 'uuid' },
  { multipleOf: 0 },
  { maxProperties: 2, minProperties: 1 },
  { required: ['a'] },
  { required: [] },
  { required: ['a', 'a'] },
  { maxItems: 3, uniqueItems: true },
  { minItems: 1.5 },
  { unknownOption: 1 },
  'not an object',
  null,
];

export const nesting: Json[] = [
  { logicalType: 'string' },
  { name: 'x', logicalType: 'object', properties: [{ name: 'y', logicalType: 'string' }] },
  { properties: [{ name: 'y' }] },
  { logicalType: 'string', properties: [{ name: 'y' }] },
  { logicalType: 'array', items: { logicalType: 'integer', logicalTypeOptions: { format: 'i8' } } },
  {},
  [{ name: 'c', logicalType: 'string' }],
  [{ logicalType: 'string' }],
  [{ name: 'c', items: { logicalType: 'string' } }],
  [{ name: 'c', logicalType: 'timestamp', logicalTypeOptions: { timezone: false } }],
  [],
  'x',
];

export const curatedQualityRules: Json[] = [
  { type: 'library', metric: 'rowCount', mustBeGreaterThan: 0 },
  { metric: 'nullValues', mustBe: 0, unit: 'rows' },
  { metric: 'duplicateValues', mustBeBetween: [0, 5] },
  { type: 'library', rule: 'nullCheck', mustBe: 0 },
  { rule: 'duplicateCount', mustBeLessThan: 10, mustBeGreaterThan: 0 },
  { type: 'sql', query: 'SELECT COUNT(*) FROM t', mustBeLessOrEqualTo: 10 },
  { type: 'sql', query: 'SELECT 1' },
  { type: 'custom', engine: 'soda', implementation: 'checks: []' },
  { type: 'custom', engine: 'gx', implementation: { expectation: 'x' } },
  { type: 'text', description: 'Values are plausible.' },
  { description: 'No type at all.' },
  { id: 'q1', type: 'text', dimension: 'accuracy', severity: 'error' },
];

export const generatedQualityRules = fc.sample(
  fc.record(
    {
      type: fc.constantFrom('text', 'library', 'sql', 'custom', 'bogus'),
      metric: fc.constantFrom('rowCount', 'invalidValues', 'bogus', 5),
      rule: fc.constantFrom('nullCheck', 5),
      query: fc.constant('SELECT 1'),
      engine: fc.constant('soda'),
      implementation: fc.constantFrom('x', { a: 1 }, 5),
      mustBe: fc.constantFrom(0, 'x', null),
      mustNotBe: fc.constant(1),
      mustBeGreaterThan: fc.constantFrom(1, 'x'),
      mustBeBetween: fc.constantFrom([0, 1], [1, 1], [1], [0, 'a']),
      arguments: fc.constantFrom({ column: 'c' }, 'c'),
      dimension: fc.constantFrom('completeness', 'bogus'),
      id: fc.constantFrom('q1', 'bad id'),
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  ),
  { seed: 20_240_131, numRuns: 60 },
) as Json[];

export const servers: Json[] = [
  { server: 's', type: 'postgres', host: 'h', port: 5432, database: 'd', schema: 'public' },
  { server: 's', type: 'postgresql', host: 'h', port: '5432', database: 'd', schema: 'public' },
  { server: 's', type: 's3', location: 's3://bucket/key', format: 'parquet' },
  { server: 's', type: 's3', location: 's3://bucket/key', format: 'avro', delimiter: 'line' },
  { server: 's', type: 'sftp', location: 'sftp://host/path' },
  { server: 's', type: 'sftp', location: 'https://host/path' },
  { server: 's', type: 'duckdb', database: 'd.db', schema: 'main' },
  { server: 's', type: 'duckdb', database: 'd.db', schema: 1 },
  { server: 's', type: 'custom', stream: 'orders' },
  { server: 's', type: 'custom', location: 'not a uri' },
  { server: 's', type: 'hive', host: 'h', database: 'd' },
  { server: 's', type: 'zen', host: 'h', database: 'd', port: 1583 },
  { server: 's', type: 'kafka', host: 'h', format: 'avro' },
  { server: 's', type: 'azure', location: 'az://account/container', format: 'delta', delimiter: 'array' },
  { server: 's', type: 'api', location: 'https://api.example.com/v1' },
  { server: 's', type: 'local', path: './data.csv', format: 'csv' },
  { server: 's', type: 'kinesis' },
  { server: 's', type: 'bigquery', project: 'p', dataset: 'd', id: 'srv-1' },
  { server: 's', type: 'snowflake', account: 'a', database: 'd', schema: 's', environment: 'prod', extra: 1 },
  { server: 's', type: 'trino', host: 'h', port: 8080, catalog: 'c', schema: 's', roles: [{ role: 'r' }] },
  { server: 's', type: 'oracle', host: 'h', port: 1521, serviceName: 'svc', customProperties: [{ property: 'p' }] },
];

export const serverValues: Json[] = [
  'parquet',
  'avro',
  'new_line',
  'x',
  5432,
  '5432',
  's3://b/k',
  'sftp://h/p',
  'not a uri',
  true,
];
export const serverKeys = ['type', 'location', 'format', 'delimiter', 'host', 'port', 'database', 'schema', 'catalog'];

export const teams: Json[] = [
  [{ username: 'u' }],
  [{ name: 'n' }],
  { name: 't', members: [{ username: 'u', role: 'owner' }] },
  { members: [{ name: 'no username' }] },
  { name: 't', extra: 1 },
  { id: 'team-1', tags: ['a'], customProperties: [{ property: 'p', value: 1 }] },
  [],
  {},
  [{ username: 'u', dateIn: '2024-02-30' }],
  [{ username: 'u', dateIn: '2024-01-31', dateOut: '2024-12-31', extra: 1 }],
  [{ username: 'u', tags: ['a'], authoritativeDefinitions: [{ url: 'u', type: 't' }] }],
  'team',
];

export const relationships: Json[] = [
  [{ from: 'a.b', to: 'c.d' }],
  [{ from: ['a.b', 'a.c'], to: ['d.e', 'd.f'] }],
  [{ from: 'a.b', to: ['d.e'] }],
  [{ to: 'c.d' }],
  [{ from: 'a.b', to: 'c.d', type: 'foreignKey' }],
  [{ to: 'schema/tbl/properties/col' }],
  [{ to: 'https://example.com/other.yaml#/schema/tbl/properties/col' }],
  [{ to: 'not a reference' }],
  [{ to: 'c.d', type: 'other' }],
  [{ to: 'c.d', customProperties: [{ property: 'p', value: 1 }] }],
  [{ from: [], to: [] }],
  [{ to: 'c.d', extra: 1 }],
  [],
];

export const authoritativeDefinitions: Json[] = [
  [{ url: 'https://example.com', type: 'businessDefinition' }],
  [{ url: 'https://example.com' }],
  [{ url: 'u', type: 't', description: 'd' }],
  [{ url: 'u', type: 't', id: 'a1' }],
  [{ url: 'u', type: 't', id: 'bad id' }],
  [{ url: 'u', type: 't', extra: 1 }],
  [],
  [{}],
  'x',
];

export const customProperties: Json[] = [
  [{ property: 'p', value: 1 }],
  [{ property: 'p', value: null }],
  [{ property: 'p' }],
  [{ value: 1 }],
  [{ property: 'p', value: 'v', description: 'd', id: 'c1' }],
  [{ property: 'p', value: { a: 1 }, extra: 1 }],
  [],
  [{}],
];

export const rootValues: Json[] = [
  [{ channel: 'c', url: 'https://example.com' }],
  [{ channel: 'c' }],
  [{ channel: 'c', url: 'u', id: 's1', customProperties: [] }],
  { priceAmount: 1, priceCurrency: 'EUR', priceUnit: 'GB' },
  { priceAmount: '1' },
  { priceAmount: 1, id: 'p' },
  [{ property: 'latency', value: 4, unit: 'd' }],
  [{ property: 'latency' }],
  [{ property: 'x', value: null, scheduler: 'cron', schedule: '0 0 * * *' }],
  [{ property: 'x', value: [1] }],
  [{ property: 'x', value: 1, valueExt: {} }],
  [{ role: 'r' }],
  [{ role: 'r', id: 'r1' }],
  [{ access: 'read' }],
  { usage: 'u', purpose: 'p', extra: 1 },
  { authoritativeDefinitions: [{ url: 'u' }] },
  '2024-01-31T10:00:00Z',
  '2024-01-31',
  'Contract',
  ['a', 1],
];
