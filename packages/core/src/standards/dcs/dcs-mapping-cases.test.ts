import { describe, expect, it } from 'vitest';
import { standardsDir } from '../../../../../test-support/standards.js';
import { convertDcsToOdcs } from './dcs-to-odcs.js';
import { customValue, officialOdcsV310, type Obj } from './test-support/dcs-fixtures.js';

const contract = (extra: Obj = {}): Obj => ({
  dataContractSpecification: '1.2.1',
  id: 'c1',
  info: { title: 'C', version: '1.0.0', status: 'active' },
  ...extra,
});
const withField = (field: Obj, extra: Obj = {}): Obj =>
  contract({ models: { m: { type: 'table', fields: { f: field } } }, ...extra });
const property = (document: Obj | undefined, index = 0): Obj =>
  ((document!.schema as Obj[])[0]!.properties as Obj[])[index]!;
const codes = (dcs: unknown) => convertDcsToOdcs(dcs).diagnostics.map((d) => d.code);

describe('convertDcsToOdcs rejects what is not a DCS contract', () => {
  it.each([null, 42, 'dataContractSpecification: 1.2.1', [], true])('%j is not an object', (input) => {
    const result = convertDcsToOdcs(input);
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MW5101', severity: 'error', pointer: '' })]);
  });

  it('reports a missing dataContractSpecification', () => {
    const { document, diagnostics } = convertDcsToOdcs({ id: 'x', info: { title: 't', version: '1' } });
    expect(document).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'MW5102', pointer: '/dataContractSpecification', fix: expect.any(String) }),
    ]);
  });

  it.each(['2.0.0', '0.8', 1.2])('reports unsupported version %j and names the supported ones', (version) => {
    const { document, diagnostics } = convertDcsToOdcs(contract({ dataContractSpecification: version }));
    expect(document).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MW5103', pointer: '/dataContractSpecification' })]);
    expect(diagnostics[0]!.message).toContain('1.2.1');
  });

  it.each([
    ['id', { id: undefined }, '/id'],
    ['info', { info: undefined }, '/info'],
    ['info.version', { info: { title: 'C' } }, '/info/version'],
  ])('reports a missing %s, which ODCS requires', (_what, change, pointer) => {
    const { document, diagnostics } = convertDcsToOdcs(contract(change));
    expect(document).toBeUndefined();
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'MW5104', severity: 'error', pointer }));
  });

  it('warns about an unknown field type and keeps it as the physical type', () => {
    const { document, diagnostics } = convertDcsToOdcs(withField({ type: 'uuid', required: true }));
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'MW5105', severity: 'warning', pointer: '/models/m/fields/f/type' }),
    ]);
    expect(property(document)).toEqual({ name: 'f', physicalType: 'uuid', required: true });
  });
});

describe('convertDcsToOdcs maps each DCS construct', () => {
  const valid = standardsDir ? officialOdcsV310() : undefined;
  const convert = (dcs: Obj) => {
    const result = convertDcsToOdcs(dcs);
    expect(result.document).toBeDefined();
    if (valid) expect(valid(result.document), valid.lastErrors()).toBe(true);
    return result;
  };

  it('keeps precision and scale of a decimal as custom properties', () => {
    const { document } = convert(withField({ type: 'decimal', precision: 10, scale: 2, minimum: 0 }));
    expect(property(document)).toEqual({
      name: 'f',
      logicalType: 'number',
      logicalTypeOptions: { minimum: 0 },
      physicalType: 'decimal',
      customProperties: [
        { property: 'precision', value: 10 },
        { property: 'scale', value: 2 },
      ],
    });
  });

  it('records whether a timestamp carries its time zone', () => {
    const { document } = convert(withField({ type: 'timestamp_tz', format: 'iso' }));
    expect(property(document)).toMatchObject({
      logicalType: 'timestamp',
      logicalTypeOptions: { format: 'iso', timezone: true },
    });
  });

  it('keeps constraints the logical type cannot hold as custom properties', () => {
    const { document } = convert(withField({ type: 'integer', minLength: 3, format: 'int64', maximum: 9 }));
    expect(property(document)).toMatchObject({
      logicalTypeOptions: { maximum: 9 },
      customProperties: [
        { property: 'minLength', value: 3 },
        { property: 'format', value: 'int64' },
      ],
    });
  });

  it('maps a map to an object and keeps its key and value types', () => {
    const { document } = convert(withField({ type: 'map', keys: { type: 'string' }, values: { type: 'integer' } }));
    expect(property(document)).toEqual({
      name: 'f',
      logicalType: 'object',
      physicalType: 'map',
      customProperties: [
        { property: 'keys', value: { type: 'string' } },
        { property: 'values', value: { type: 'integer' } },
      ],
    });
  });

  it('turns a sql check with two thresholds into two rules, renaming deprecated operators', () => {
    const { document } = convert(
      withField({
        type: 'int',
        quality: [
          { type: 'sql', query: 'select 1', dialect: 'postgres', mustBeGreaterThanOrEqualTo: 1, mustBeLessThan: 9 },
        ],
      }),
    );
    const dialect = [{ property: 'dialect', value: 'postgres' }];
    expect(property(document).quality).toEqual([
      { type: 'sql', query: 'select 1', mustBeGreaterOrEqualTo: 1, customProperties: dialect },
      { type: 'sql', query: 'select 1', mustBeLessThan: 9, customProperties: dialect },
    ]);
  });

  it.each([
    ['a library metric ODCS does not know', { type: 'library', metric: 'freshness', mustBeLessThan: 3 }],
    ['a library check without threshold', { type: 'library', metric: 'rowCount' }],
    ['a sql check without threshold', { type: 'sql', query: 'select 1' }],
    ['a custom check without implementation', { type: 'custom', engine: 'soda' }],
    ['a check of unknown type', { type: 'great-expectations', description: 'd' }],
  ])('keeps %s as a text rule', (_case, check) => {
    const { document, diagnostics } = convert(withField({ type: 'string', quality: [check] }));
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'MW5109', pointer: '/models/m/fields/f/quality/0' }),
    );
    const [rule] = property(document).quality as Obj[];
    expect(rule!.type).toBe('text');
    for (const [key, value] of Object.entries(check)) {
      if (key !== 'description') expect(customValue(rule, key), key).toEqual(value);
    }
  });

  it('maps library metrics, custom checks and enums to ODCS rules', () => {
    const { document } = convert(
      withField({
        type: 'string',
        enum: ['a', 'b'],
        quality: [
          { type: 'library', metric: 'nullValues', mustBe: 0, dimension: 'completeness' },
          { type: 'custom', engine: 'soda', implementation: 'checks: []' },
        ],
      }),
    );
    expect(property(document).quality).toEqual([
      expect.objectContaining({
        type: 'library',
        metric: 'invalidValues',
        arguments: { validValues: ['a', 'b'] },
        mustBe: 0,
      }),
      { type: 'library', dimension: 'completeness', metric: 'nullValues', mustBe: 0 },
      { type: 'custom', engine: 'soda', implementation: 'checks: []' },
    ]);
  });

  it('links a definition outside the file and reports it', () => {
    const { document, diagnostics } = convert(withField({ $ref: 'https://example.com/definitions/sku.yaml' }));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MW5106', pointer: '/models/m/fields/f/$ref' })]);
    expect(property(document).authoritativeDefinitions).toEqual([
      { type: 'definition', url: 'https://example.com/definitions/sku.yaml' },
    ]);
  });

  it('reports missing and circular definitions', () => {
    const definitions = { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } };
    expect(codes(withField({ $ref: '#/definitions/none' }))).toEqual(['MW5106']);
    expect(codes(withField({ $ref: '#/definitions/a' }, { definitions }))).toEqual(['MW5107']);
  });

  it('inlines a definition, keeps its metadata and what the field overrides, and keeps unused definitions', () => {
    const definitions = {
      sku: { type: 'string', domain: 'inventory', description: 'Stock keeping unit', pii: false },
      unused: { type: 'int' },
    };
    const { document } = convert(withField({ $ref: '#/definitions/sku', description: 'Article' }, { definitions }));
    expect(property(document)).toEqual({
      name: 'f',
      description: 'Article',
      logicalType: 'string',
      physicalType: 'string',
      customProperties: [
        { property: 'definition', value: '#/definitions/sku' },
        { property: 'domain', value: 'inventory' },
        { property: 'definitionDescription', value: 'Stock keeping unit' },
        { property: 'pii', value: false },
      ],
    });
    expect(customValue(document, 'definitions')).toEqual({ unused: { type: 'int' } });
  });

  it('writes nested references in the fully-qualified form and keeps what ODCS cannot express', () => {
    const nested = convert(withField({ type: 'string', references: 'orders.address.street' }));
    expect(property(nested.document).relationships).toEqual([
      { type: 'foreignKey', to: 'schema/orders/properties/address/properties/street' },
    ]);
    const odd = convert(withField({ type: 'string', references: 'other contract.id' }));
    expect(odd.diagnostics).toEqual([expect.objectContaining({ code: 'MW5110' })]);
    expect(customValue(property(odd.document), 'references')).toBe('other contract.id');
  });

  it('numbers primary key columns from the model list, then flagged fields', () => {
    const { document, diagnostics } = convert(
      contract({
        models: {
          m: {
            primaryKey: ['b', 'ghost', 'a'],
            fields: { a: { type: 'int' }, b: { type: 'int' }, c: { type: 'int', primaryKey: true } },
          },
        },
      }),
    );
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MW5111', pointer: '/models/m/primaryKey' })]);
    const positions = ((document!.schema as Obj[])[0]!.properties as Obj[]).map((p) => [p.name, p.primaryKeyPosition]);
    expect(positions).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 3],
    ]);
    expect(customValue((document!.schema as Obj[])[0], 'primaryKey')).toEqual(['ghost']);
  });

  it('imports a server lacking what ODCS requires as a custom server', () => {
    const { document, diagnostics } = convert(
      contract({
        servers: {
          db: { type: 'postgres', host: 'h', database: 'd', schema: 's' },
          events: { type: 'kafka', host: 'broker:9092', topic: 'orders', format: 'avro' },
          frame: { type: 'dataframe' },
        },
      }),
    );
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['MW5108', '/servers/db'],
      ['MW5108', '/servers/frame'],
    ]);
    expect(document!.servers).toEqual([
      {
        server: 'db',
        type: 'custom',
        host: 'h',
        database: 'd',
        schema: 's',
        customProperties: [{ property: 'dcsType', value: 'postgres' }],
      },
      {
        server: 'events',
        type: 'kafka',
        host: 'broker:9092',
        format: 'avro',
        customProperties: [{ property: 'topic', value: 'orders' }],
      },
      { server: 'frame', type: 'custom', customProperties: [{ property: 'dcsType', value: 'dataframe' }] },
    ]);
  });

  it('maps contact, policies without URL and unreadable billing', () => {
    const { document } = convert(
      contract({
        info: {
          title: 'C',
          version: '1',
          status: 'active',
          contact: { name: 'Ops', email: 'ops@example.com', phone: '123' },
        },
        terms: { policies: [{ name: 'retention', description: 'Keep 1y' }], billing: 'free for partners' },
      }),
    );
    expect(document!.support).toEqual([
      {
        channel: 'Ops',
        url: 'mailto:ops@example.com',
        tool: 'email',
        customProperties: [{ property: 'phone', value: '123' }],
      },
    ]);
    expect(document!.description).toEqual({
      customProperties: [{ property: 'policy', value: { name: 'retention', description: 'Keep 1y' } }],
    });
    expect(customValue(document, 'billing')).toBe('free for partners');
    expect(document).not.toHaveProperty('price');
  });

  it('defaults a missing status to draft, with a note', () => {
    const { document, diagnostics } = convert(contract({ info: { title: 'C', version: '1' } }));
    expect(document!.status).toBe('draft');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MW5113', severity: 'info' })]);
  });
});
