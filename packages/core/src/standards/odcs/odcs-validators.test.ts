/**
 * What validateOdcs reports, on small hand-written contracts: the pointer and keyword of
 * each issue. These need no fixtures; equivalence with the official schemas is proven in
 * odcs-conformance.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ODCS_API_VERSIONS, validateOdcs, validateOdcsV30x } from './odcs-validators.js';
import type { OdcsV310Document } from './odcs-v3-1-0-document.js';
import type { OdcsV30xDocument } from './odcs-v3-0-x-document.js';

const v310 = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'orders', version: '1.0.0', status: 'active' };
const v302 = { ...v310, apiVersion: 'v3.0.2' };
const withProperty = (base: object, property: object) => ({
  ...base,
  schema: [{ name: 'orders', properties: [{ name: 'amount', ...property }] }],
});

describe('validateOdcs', () => {
  it('accepts minimal contracts and names the schema it used', () => {
    expect(validateOdcs(v310)).toEqual({ version: 'v3.1.0', issues: [] });
    expect(validateOdcs(v302)).toEqual({ version: 'v3.0.x', issues: [] });
    expect(validateOdcs({ ...v310, apiVersion: 'v3.0.0' }).version).toBe('v3.0.x');
  });

  it('reports a missing or unsupported apiVersion once, naming the supported versions', () => {
    const { apiVersion: _, ...withoutVersion } = v310;
    for (const doc of [withoutVersion, { ...v310, apiVersion: 'v3.2.0' }, { ...v310, apiVersion: 3.1 }]) {
      const result = validateOdcs(doc);
      expect(result.version).toBeUndefined();
      expect(result.issues).toEqual([{ pointer: '/apiVersion', keyword: 'apiVersion', message: expect.any(String) }]);
      for (const version of ODCS_API_VERSIONS) expect(result.issues[0]!.message).toContain(version);
    }
  });

  it('rejects a document that is not an object', () => {
    expect(validateOdcs([v310]).issues).toEqual([{ pointer: '', keyword: 'type', message: 'must be an object' }]);
  });

  it('points at an unknown top-level key', () => {
    expect(validateOdcs({ ...v310, owner: 'sales' }).issues).toEqual([
      { pointer: '/owner', keyword: 'additionalProperties', key: 'owner', message: 'unknown field "owner"' },
    ]);
  });

  it('reports a missing id at the document', () => {
    const { id: _, ...withoutId } = v310;
    expect(validateOdcs(withoutId).issues).toEqual([
      { pointer: '', keyword: 'required', key: 'id', message: 'missing required field "id"' },
    ]);
  });

  it('rejects logicalTypeOptions that do not fit the logicalType', () => {
    const doc = withProperty(v310, { logicalType: 'string', logicalTypeOptions: { maxLength: 9, maximum: 3 } });
    expect(validateOdcs(doc).issues).toEqual([
      expect.objectContaining({
        pointer: '/schema/0/properties/0/logicalTypeOptions/maximum',
        keyword: 'additionalProperties',
      }),
    ]);
  });

  it('knows what changed between versions: numeric bounds were boolean flags in v3.0.x', () => {
    const options = { logicalType: 'integer', logicalTypeOptions: { minimum: 0, exclusiveMinimum: 0 } };
    expect(validateOdcs(withProperty(v310, options)).issues).toEqual([]);
    expect(validateOdcsV30x(withProperty(v302, options))).toEqual([
      {
        pointer: '/schema/0/properties/0/logicalTypeOptions/exclusiveMinimum',
        keyword: 'type',
        message: 'must be boolean',
      },
    ]);
  });

  it('lets only array properties have items', () => {
    const doc = withProperty(v310, { logicalType: 'string', items: { logicalType: 'string' } });
    expect(validateOdcs(doc).issues).toEqual([
      expect.objectContaining({ pointer: '/schema/0/properties/0/items', keyword: 'additionalProperties' }),
    ]);
  });

  it('requires what a quality rule type needs, and nothing else', () => {
    const rules = (rule: object) => ({ ...v310, schema: [{ name: 'orders', quality: [rule] }] });
    expect(
      validateOdcs(rules({ type: 'sql', query: 'SELECT COUNT(*) FROM orders', mustBeGreaterThan: 0 })).issues,
    ).toEqual([]);
    expect(validateOdcs(rules({ type: 'sql', mustBe: 0 })).issues).toEqual([
      expect.objectContaining({ pointer: '/schema/0/quality/0', keyword: 'required', key: 'query' }),
    ]);
    expect(validateOdcs(rules({ type: 'text', query: 'SELECT 1' })).issues).toEqual([
      expect.objectContaining({ pointer: '/schema/0/quality/0/query', keyword: 'additionalProperties' }),
    ]);
    // In v3.0.x a rule without type is a library rule, which needs `rule`.
    expect(validateOdcsV30x({ ...v302, schema: [{ name: 'orders', quality: [{ description: 'x' }] }] })).toEqual([
      expect.objectContaining({ pointer: '/schema/0/quality/0', keyword: 'required', key: 'rule' }),
    ]);
  });

  it("requires a server's type-specific details without calling the others unknown", () => {
    const server = { server: 'main', type: 'postgres', host: 'db', database: 'shop', schema: 'public' };
    expect(validateOdcs({ ...v310, servers: [server] }).issues).toEqual([
      { pointer: '/servers/0', keyword: 'required', key: 'port', message: 'missing required field "port"' },
    ]);
    expect(validateOdcs({ ...v310, servers: [{ ...server, port: 5432, stream: 'x' }] }).issues).toEqual([
      expect.objectContaining({ pointer: '/servers/0/stream', keyword: 'additionalProperties' }),
    ]);
  });

  it('checks authoritative definitions and relationships', () => {
    expect(validateOdcs({ ...v310, authoritativeDefinitions: [{ url: 'https://wiki/orders' }] }).issues).toEqual([
      expect.objectContaining({ pointer: '/authoritativeDefinitions/0', keyword: 'required', key: 'type' }),
    ]);
    const doc = withProperty(v310, { relationships: [{ from: 'orders.amount', to: 'payments.amount' }] });
    expect(validateOdcs(doc).issues).toEqual([
      expect.objectContaining({
        pointer: '/schema/0/properties/0/relationships/0/from',
        keyword: 'additionalProperties',
      }),
    ]);
  });

  it('accepts a v3.0.x contract that only v3.1.0 describes, as the official v3.1.0 schema does', () => {
    const team = { name: 'Sales data', members: [{ username: 'ada', role: 'owner' }] };
    expect(validateOdcs({ ...v310, team })).toEqual({ version: 'v3.1.0', issues: [] });
    expect(validateOdcs({ ...v302, team })).toEqual({ version: 'v3.1.0', issues: [] });
    // When neither accepts it, the closer schema speaks: here v3.1.0, which knows team objects.
    expect(validateOdcs({ ...v302, team, owner: 'sales' })).toEqual({
      version: 'v3.1.0',
      issues: [expect.objectContaining({ pointer: '/owner', keyword: 'additionalProperties' })],
    });
  });
});

describe('ODCS document types', () => {
  it('narrow logicalTypeOptions by logicalType', () => {
    const contract: OdcsV310Document = {
      ...v310,
      kind: 'DataContract',
      apiVersion: 'v3.1.0',
      schema: [
        {
          name: 'orders',
          properties: [
            { name: 'id', logicalType: 'integer', logicalTypeOptions: { format: 'i64', minimum: 1 } },
            { name: 'lines', logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'sku' }] } },
            // @ts-expect-error: strings have no numeric bounds
            { name: 'code', logicalType: 'string', logicalTypeOptions: { maximum: 3 } },
          ],
        },
      ],
      servers: [{ server: 'main', type: 'postgres', host: 'db', port: 5432, database: 'shop', schema: 'public' }],
    };
    const legacy: OdcsV30xDocument = {
      ...v302,
      kind: 'DataContract',
      apiVersion: 'v3.0.2',
      team: [{ username: 'ada' }],
    };
    expect(validateOdcs(contract).issues).toHaveLength(1);
    expect(validateOdcs(legacy).issues).toEqual([]);
  });
});
