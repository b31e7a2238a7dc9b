import { describe, expect, it } from 'vitest';
import { standardsDir } from '../../../../../test-support/standards.js';
import { validateOdcs } from '../odcs/index.js';
import { convertDcsToOdcs } from './dcs-to-odcs.js';
import { customValue, dcsExamples, isObj, leaves, officialOdcsV310, type Obj } from './test-support/dcs-fixtures.js';

describe.skipIf(!standardsDir)('importing the official DCS examples', () => {
  const examples = dcsExamples();
  const valid = officialOdcsV310();
  const convert = (doc: Obj) => {
    const { document, diagnostics } = convertDcsToOdcs(doc);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(document).toBeDefined();
    return document as Obj;
  };

  it('finds examples of every DCS version in the fixtures, 1.2.1 included', () => {
    const versions = new Set(examples.map((e) => e.doc.dataContractSpecification));
    expect([...versions].sort()).toEqual(['0.9.3', '1.2.0', '1.2.1']);
  });

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s becomes a document the official ODCS v3.1.0 schema accepts',
    (_file, dcs) => {
      const document = convert(dcs);
      expect(valid(document), valid.lastErrors()).toBe(true);
      expect(document).toMatchObject({ apiVersion: 'v3.1.0', kind: 'DataContract' });
      expect(validateOdcs(document).issues).toEqual([]);
    },
  );

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s keeps its header, servers, service levels and terms',
    (_file, dcs) => {
      const document = convert(dcs);
      const info = dcs.info as Obj;
      expect(document.id).toBe(dcs.id);
      expect(document.name).toBe(info.title);
      expect(document.version).toBe(info.version);
      expect(document.status).toBe(info.status ?? 'draft');
      if (info.owner) expect(document.team).toEqual({ name: info.owner });
      if (dcs.tags) expect(document.tags).toEqual(dcs.tags);
      expect(customValue(document, 'dataContractSpecification')).toBe(dcs.dataContractSpecification);
      const servers = (document.servers ?? []) as Obj[];
      expect(servers.map((s) => s.server)).toEqual(Object.keys((dcs.servers as Obj | undefined) ?? {}));
      const levels = ((document.slaProperties ?? []) as Obj[]).map((p) => p.property);
      for (const level of Object.keys((dcs.servicelevels as Obj | undefined) ?? {})) expect(levels).toContain(level);
      const terms = (dcs.terms ?? {}) as Obj;
      const description = (document.description ?? {}) as Obj;
      expect(description.usage).toBe(terms.usage);
      expect(description.limitations).toBe(terms.limitations);
      expect(description.purpose).toBe(info.description);
    },
  );

  it.each(examples.map((e) => [e.file, e.doc] as const))('%s keeps every model and field', (_file, dcs) => {
    const document = convert(dcs);
    const models = (dcs.models ?? {}) as Obj;
    const schema = (document.schema ?? []) as Obj[];
    expect(schema.map((s) => s.name)).toEqual(Object.keys(models));
    for (const object of schema) {
      const model = models[object.name as string] as Obj;
      expect(object).toMatchObject({ physicalName: object.name, logicalType: 'object' });
      if (model.type) expect(object.physicalType).toBe(model.type);
      expectFieldsKept((model.fields ?? {}) as Obj, (object.properties ?? []) as Obj[], dcs);
      ((model.primaryKey ?? []) as string[]).forEach((key, index) => {
        const property = (object.properties as Obj[]).find((p) => p.name === key);
        expect(property, `primary key ${key}`).toMatchObject({ primaryKey: true, primaryKeyPosition: index + 1 });
      });
      if (model.quality)
        expect(((object.quality ?? []) as Obj[]).length).toBeGreaterThanOrEqual((model.quality as unknown[]).length);
    }
  });

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s loses no value: every scalar of the source is in the output',
    (_file, dcs) => {
      const out = leaves(convert(dcs));
      const strings = out.filter((v): v is string => typeof v === 'string');
      for (const value of leaves(dcs)) {
        if (typeof value !== 'string') {
          expect(out, `value ${JSON.stringify(value)}`).toContain(value);
          continue;
        }
        // Amounts such as "25h" or "99.9%" are split into value and unit; billing into a price.
        const amount = /^\s*(-?\d+(?:\.\d+)?)\s*(\S+?)(?:\s+per\s+(\S+))?\s*$/.exec(value);
        const kept =
          strings.some((s) => s.includes(value)) ||
          (amount !== null && out.includes(Number(amount[1])) && strings.includes(amount[2]!));
        expect(kept, `value ${JSON.stringify(value)}`).toBe(true);
      }
    },
  );

  it('maps the orders-latest example as a reader of ODCS would expect', () => {
    const dcs = examples.find((e) => e.file.includes('/orders-latest/'))!.doc;
    const document = convert(dcs);
    expect(document.price).toEqual({ priceAmount: 5000, priceCurrency: 'USD', priceUnit: 'month' });
    expect(document.support).toEqual([
      { channel: 'John Doe (Data Product Owner)', url: 'https://teams.microsoft.com/l/channel/example/checkout' },
    ]);
    expect(customValue(document, 'noticePeriod')).toBe('P3M');
    expect(document.slaProperties).toEqual(
      expect.arrayContaining([
        {
          property: 'availability',
          value: 99.9,
          unit: '%',
          description: 'The server is available during support hours',
        },
        expect.objectContaining({ property: 'latency', value: 25, unit: 'h', element: 'orders.order_timestamp' }),
        { property: 'latencyProcessedTimestampField', value: 'orders.processed_timestamp' },
        expect.objectContaining({ property: 'frequency', value: 'daily', scheduler: 'cron', schedule: '0 0 * * *' }),
        { property: 'supportResponseTime', value: 1, unit: 'h' },
      ]),
    );
    const [orders, lineItems] = document.schema as Obj[];
    const orderId = (orders!.properties as Obj[])[0]!;
    expect(orderId).toMatchObject({
      name: 'order_id',
      businessName: 'Order ID',
      logicalType: 'string',
      physicalType: 'text',
      logicalTypeOptions: { format: 'uuid' },
      required: true,
      unique: true,
      primaryKey: true,
      primaryKeyPosition: 1,
      classification: 'restricted',
      tags: ['orders'],
    });
    expect(customValue(orderId, 'pii')).toBe(true);
    expect(customValue(orderId, 'definition')).toBe('#/definitions/order_id');
    const email = (orders!.properties as Obj[]).find((p) => p.name === 'customer_email_address')!;
    expect(customValue(email, 'lineage')).toMatchObject({ inputFields: [{ field: 'email_address' }] });
    const total = (orders!.properties as Obj[]).find((p) => p.name === 'order_total')!;
    expect(total.quality).toEqual([expect.objectContaining({ type: 'sql', mustBeBetween: [1000, 49900] })]);
    const lineOrderId = (lineItems!.properties as Obj[]).find((p) => p.name === 'order_id')!;
    expect(lineOrderId).toMatchObject({
      relationships: [{ type: 'foreignKey', to: 'orders.order_id' }],
      primaryKeyPosition: 1,
    });
    const sku = (lineItems!.properties as Obj[]).find((p) => p.name === 'sku')!;
    expect(sku.authoritativeDefinitions).toEqual([
      { type: 'wikipedia', url: 'https://en.wikipedia.org/wiki/Stock_keeping_unit' },
    ]);
    const server = (document.servers as Obj[])[0]!;
    expect(server).toMatchObject({
      type: 's3',
      location: 's3://datacontract-example-orders-latest/v2/%7Bmodel%7D/*.json',
    });
    expect(customValue(server, 'location')).toBe('s3://datacontract-example-orders-latest/v2/{model}/*.json');
  });

  it('maps the DCS 0.9.3 examples: legacy quality, examples, enum, nesting, info links', () => {
    const byName = (part: string) => convert(examples.find((e) => e.file.includes(part))!.doc);
    const covid = byName('covid-cases');
    expect((covid.schema as Obj[])[0]!.quality).toEqual([
      {
        type: 'custom',
        engine: 'soda',
        implementation: { 'checks for covid_cases': expect.any(Array) },
        customProperties: [{ property: 'dcsType', value: 'SodaCL' }],
      },
    ]);
    expect(covid.authoritativeDefinitions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'blog' })]));
    const lastUpdate = ((covid.schema as Obj[])[0]!.properties as Obj[]).find((p) => p.name === 'last_update');
    expect(lastUpdate).toMatchObject({
      logicalType: 'timestamp',
      physicalType: 'timestamp_ntz',
      logicalTypeOptions: { timezone: false },
    });

    const mull = byName('muellimperium');
    const garbage = (mull.schema as Obj[])[0]!;
    expect(customValue(garbage, 'examples')).toEqual([expect.objectContaining({ model: 'garbage_collection' })]);
    const garbageType = (garbage.properties as Obj[]).find((p) => p.name === 'garbage_type')!;
    expect(garbageType.quality).toEqual([
      expect.objectContaining({
        type: 'library',
        metric: 'invalidValues',
        arguments: { validValues: expect.arrayContaining(['paper']) },
        mustBe: 0,
      }),
    ]);
    expect(customValue(mull, 'contract')).toMatchObject({ email: 'the-emperor@muellimperium.com' });

    const nested = byName('orders-latest-nested');
    const address = ((nested.schema as Obj[])[0]!.properties as Obj[]).find((p) => p.name === 'address')!;
    expect(address).toMatchObject({
      logicalType: 'object',
      properties: [
        { name: 'street' },
        { name: 'city' },
        { name: 'additional_lines', logicalType: 'array', items: { logicalType: 'string', physicalType: 'text' } },
      ],
    });
    const nestedOrderId = ((nested.schema as Obj[])[0]!.properties as Obj[])[0]!;
    expect(nestedOrderId).toMatchObject({ primaryKey: true, examples: ['243c25e5-a081-43a9-aeab-6d5d5b6cb5e2'] });
    expect(customValue(nestedOrderId, 'domain')).toBe('checkout');
  });

  it('maps the DCS 1.2.1 time and variant types', () => {
    const time = convert(examples.find((e) => e.file.includes('time-example'))!.doc);
    const opening = ((time.schema as Obj[])[0]!.properties as Obj[]).find((p) => p.name === 'opening_time');
    expect(opening).toMatchObject({
      logicalType: 'time',
      physicalType: 'time',
      required: true,
      examples: ['09:00:00', '08:30:00'],
    });
    const variant = convert(examples.find((e) => e.file.includes('variant-json'))!.doc);
    const [, profile, metadata] = (variant.schema as Obj[])[0]!.properties as Obj[];
    expect(profile).toMatchObject({ name: 'profile_data', physicalType: 'variant', required: false });
    expect(profile).not.toHaveProperty('logicalType');
    expect(metadata).toMatchObject({ name: 'metadata', physicalType: 'json' });
  });
});

/** Fields and properties correspond one to one, recursively, with their flags kept. */
function expectFieldsKept(fields: Obj, properties: Obj[], dcs: Obj): void {
  expect(properties.map((p) => p.name)).toEqual(Object.keys(fields));
  for (const [name, raw] of Object.entries(fields)) {
    const field = inline(raw as Obj, dcs);
    const property = properties.find((p) => p.name === name)!;
    const at = `field ${name}`;
    if (field.required === true) expect(property.required, at).toBe(true);
    if (field.unique === true) expect(property.unique, at).toBe(true);
    if (field.primaryKey === true || field.primary === true) expect(property.primaryKey, at).toBe(true);
    if (field.pii !== undefined) expect(customValue(property, 'pii'), at).toBe(field.pii);
    if (field.classification) expect(property.classification, at).toBe(field.classification);
    if (field.description) expect(property.description, at).toBe(field.description);
    if (field.type) expect(property.physicalType, at).toBe(field.type);
    if (field.tags) expect(property.tags, at).toEqual(field.tags);
    for (const example of (field.examples ?? []) as unknown[]) expect(property.examples, at).toContainEqual(example);
    if (field.enum) expect(JSON.stringify(property.quality), at).toContain(JSON.stringify(field.enum));
    if (field.quality)
      expect(((property.quality ?? []) as unknown[]).length, at).toBeGreaterThanOrEqual(
        (field.quality as unknown[]).length,
      );
    if (isObj(field.fields)) expectFieldsKept(field.fields, (property.properties ?? []) as Obj[], dcs);
    if (isObj(field.items)) {
      expect(property.items, at).toBeDefined();
      const items = inline(field.items, dcs);
      if (isObj(items.fields)) expectFieldsKept(items.fields, ((property.items as Obj).properties ?? []) as Obj[], dcs);
    }
  }
}

function inline(field: Obj, dcs: Obj): Obj {
  const ref = field.$ref;
  if (typeof ref !== 'string') return field;
  const name = ref.replace('#/definitions/', '');
  return { ...((dcs.definitions as Obj)[name] as Obj), ...field };
}
