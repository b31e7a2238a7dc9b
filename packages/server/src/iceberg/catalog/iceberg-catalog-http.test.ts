/**
 * What iceberg-js cannot express, over raw HTTP against `mesh serve`: both route forms, `%1F`
 * namespace paths, HEAD, malformed bodies (400 naming the field), unknown update and requirement
 * types, ETags, and a 64-bit snapshot id (JSON.parse would round it) surviving a commit and a
 * load byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogPlatform, type CatalogPlatform } from './test-support/catalog-platform.js';
import { specProblems, standardsDir } from './test-support/spec-schemas.js';

let p: CatalogPlatform;
beforeAll(async () => {
  p = await startCatalogPlatform();
  await post('adam', '/v1/namespaces', { namespace: ['raw'] });
  await post('adam', '/v1/lake/namespaces', { namespace: ['raw', 'deep'] });
}, 180_000);
afterAll(async () => p?.close());

type Who = 'adam' | 'ana';

function post(as: Who, path: string, body: unknown): Promise<Response> {
  return p.fetch(as, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function error(response: Response): Promise<{ status: number; message: string; type: string }> {
  const body = (await response.json()) as { error: { message: string; type: string; code: number } };
  if (standardsDir) expect(specProblems('IcebergErrorResponse', body)).toEqual([]);
  expect(body.error.code).toBe(response.status);
  return { status: response.status, message: body.error.message, type: body.error.type };
}

const SCHEMA = { type: 'struct', fields: [{ id: 1, name: 'id', type: 'long', required: true }] };

describe('routes', () => {
  it('serve every operation with and without the prefix, and refuse another prefix', async () => {
    for (const path of ['/v1/namespaces/raw', '/v1/lake/namespaces/raw']) {
      expect(await (await p.fetch('ana', path)).json()).toEqual({ namespace: ['raw'], properties: {} });
    }
    const other = await error(await p.fetch('ana', '/v1/warehouse2/namespaces/raw'));
    expect(other).toMatchObject({ status: 404, type: 'NoSuchWarehouseException' });
    expect(other.message).toMatch(/^MW8267: no catalog "warehouse2" here/);
    expect((await error(await p.fetch('ana', '/v1/config?warehouse=other'))).status).toBe(404);
    expect((await p.fetch('ana', '/v1/config?warehouse=lake')).status).toBe(200);
  });

  it('join namespace levels with %1F in paths and in the parent parameter', async () => {
    expect(await (await p.fetch('ana', '/v1/namespaces/raw%1Fdeep')).json()).toEqual({
      namespace: ['raw', 'deep'],
      properties: {},
    });
    expect(await (await p.fetch('ana', '/v1/namespaces?parent=raw')).json()).toEqual({
      namespaces: [['raw', 'deep']],
      'next-page-token': null,
    });
    expect(await (await p.fetch('ana', '/v1/namespaces?parent=raw%1Fdeep')).json()).toEqual({
      namespaces: [],
      'next-page-token': null,
    });
    const created = await post('adam', '/v1/namespaces/raw%1Fdeep/tables', { name: 'events', schema: SCHEMA });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { 'metadata-location': string })['metadata-location']).toContain(
      '/.catalog/raw/deep/events/metadata/',
    );
    expect((await p.fetch('ana', '/v1/lake/namespaces/raw%1Fdeep/tables/events')).status).toBe(200);
    const bad = await error(await p.fetch('ana', '/v1/namespaces/raw%1FDeep'));
    expect(bad).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(bad.message).toMatch(/^MW8251: namespace\/1: namespace level "Deep" is not a valid name/);
    expect((await error(await p.fetch('ana', '/v1/namespaces/..%2Fescape/tables/x'))).status).toBe(400);
  });

  it('answer HEAD with 204 or 404 and no body', async () => {
    const cases: [string, number][] = [
      ['/v1/namespaces/raw%1Fdeep', 204],
      ['/v1/lake/namespaces/raw', 204],
      ['/v1/namespaces/nowhere', 404],
      ['/v1/namespaces/raw%1Fdeep/tables/events', 204],
      ['/v1/namespaces/sales/tables/orders', 204],
      ['/v1/namespaces/sales/tables/secret', 404],
      ['/v1/lake/namespaces/raw%1Fdeep/tables/none', 404],
    ];
    for (const [path, status] of cases) {
      const response = await p.fetch('ana', path, { method: 'HEAD' });
      expect([path, response.status]).toEqual([path, status]);
      expect(await response.text()).toBe('');
    }
  });

  it('page lists when asked for a page, and answer them whole otherwise', async () => {
    for (const name of ['a', 'b', 'c']) await post('adam', '/v1/namespaces/raw/tables', { name, schema: SCHEMA });
    const whole = (await (await p.fetch('ana', '/v1/namespaces/raw/tables?pageSize=1')).json()) as Record<
      string,
      unknown
    >;
    expect(whole).toEqual({
      identifiers: ['a', 'b', 'c'].map((name) => ({ namespace: ['raw'], name })),
      'next-page-token': null,
    });
    const names: string[] = [];
    let token = '';
    for (let page = 0; page < 5; page++) {
      const body = (await (await p.fetch('ana', `/v1/namespaces/raw/tables?pageToken=${token}&pageSize=2`)).json()) as {
        identifiers: { name: string }[];
        'next-page-token': string | null;
      };
      names.push(...body.identifiers.map((t) => t.name));
      if (body['next-page-token'] === null) break;
      token = encodeURIComponent(body['next-page-token']);
    }
    expect(names).toEqual(['a', 'b', 'c']);
    const top = (await (await p.fetch('ana', '/v1/namespaces?pageToken=&pageSize=1')).json()) as Record<
      string,
      unknown
    >;
    expect(top.namespaces).toEqual([['finance']]);
    expect(typeof top['next-page-token']).toBe('string');
    const forged = await error(await p.fetch('ana', '/v1/namespaces?pageToken=bm9wZQ'));
    expect(forged).toMatchObject({
      status: 400,
      message: expect.stringContaining('pageToken: not a token this catalog returned'),
    });
  });

  it('answer unknown and unsupported routes in the spec’s shape', async () => {
    const rename = await error(await post('adam', '/v1/lake/tables/rename', {}));
    expect(rename).toMatchObject({ status: 406, type: 'UnsupportedOperationException' });
    expect(rename.message).toMatch(/^MW8269: POST \/iceberg\/v1\/lake\/tables\/rename is not supported/);
    expect((await error(await p.fetch('ana', '/v1/namespaces/raw/views'))).status).toBe(406);
    expect(await error(await p.fetch('ana', '/v1/nothing/here/at/all'))).toMatchObject({
      status: 404,
      type: 'NotFoundException',
    });
    expect((await p.fetch(null, '/v1/nothing')).status).toBe(401);
  });
});

describe('request bodies', () => {
  it('are refused with 400 naming the field as a JSON pointer', async () => {
    const cases: [string, unknown, string][] = [
      ['/v1/namespaces', { namespace: 'raw' }, 'MW8251: /namespace: a namespace is an array of 1 to 16 levels'],
      ['/v1/namespaces', { namespace: ['x'], properties: { a: 1 } }, 'MW8250: /properties/a: must be a string'],
      ['/v1/namespaces', '{"namespace": ["x"]', 'MW8250: the request body is not valid JSON'],
      ['/v1/namespaces', '', 'MW8250: the request body is empty'],
      ['/v1/namespaces/raw/tables', { schema: SCHEMA }, 'MW8250: /name: is required (a string)'],
      [
        '/v1/namespaces/raw/tables',
        { name: 'x', schema: { type: 'struct', fields: [{ id: 1, name: 'a', type: 'text', required: true }] } },
        'MW8250: /schema/fields/0/type: unknown type "text"',
      ],
      [
        '/v1/namespaces/raw/tables/a',
        { requirements: [], updates: [{ action: 'add-snapshot', snapshot: { 'snapshot-id': '12' } }] },
        'MW8250: /updates/0/snapshot/snapshot-id: must be a 64-bit integer',
      ],
      [
        '/v1/namespaces/raw/tables/a',
        { requirements: [], updates: [{ action: 'add-snapshot', snapshot: { 'snapshot-id': 9223372036854775808 } }] },
        'MW8250: /updates/0/snapshot/snapshot-id: must be a 64-bit integer',
      ],
      [
        '/v1/namespaces/raw/tables/a',
        { requirements: [{ type: 'assert-ref-snapshot-id', ref: 'main' }], updates: [] },
        'MW8250: /requirements/0/snapshot-id: is required (a 64-bit integer)',
      ],
      [
        '/v1/namespaces/raw/properties',
        { updates: { a: 'x' }, removals: ['a'] },
        'MW8270: properties a are both in updates and in removals',
      ],
    ];
    for (const [path, body, message] of cases) {
      const response = await post(
        'adam',
        path,
        typeof body === 'string' ? body : JSON.stringify(body).replace('9223372036854776000', '9223372036854775808'),
      );
      const refused = await error(response);
      expect([path, refused.message.slice(0, message.length)]).toEqual([path, message]);
      expect(refused.type).toBe(refused.status === 422 ? 'UnprocessableEntityException' : 'BadRequestException');
    }
  });

  it('with an unknown update or requirement type are 400 naming the type', async () => {
    const update = await error(
      await post('adam', '/v1/namespaces/raw/tables/a', {
        requirements: [],
        updates: [{ action: 'add-encryption-key', 'encryption-key': {} }],
      }),
    );
    expect(update).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(update.message).toMatch(
      /^MW8252: \/updates\/0\/action: unknown or unsupported update type "add-encryption-key"; supported: assign-uuid,/,
    );
    const requirement = await error(
      await post('adam', '/v1/namespaces/raw/tables/a', { requirements: [{ type: 'assert-nothing' }], updates: [] }),
    );
    expect(requirement.message).toMatch(/^MW8252: \/requirements\/0\/type: unknown requirement type "assert-nothing"/);
  });
});

describe('64-bit snapshot ids', () => {
  const MAX = '9223372036854775807';
  const PARENT = '9007199254740993'; // 2^53 + 1: the first integer a double cannot hold

  it('survive a commit and a load exactly', async () => {
    await post('adam', '/v1/namespaces/raw/tables', { name: 'longs', schema: SCHEMA });
    const append = (id: string, parent: string | null) =>
      `{"requirements":[{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":${parent}}],"updates":[` +
      `{"action":"add-snapshot","snapshot":{"snapshot-id":${id},${parent === null ? '' : `"parent-snapshot-id":${parent},`}` +
      `"timestamp-ms":1717000000000,"manifest-list":"file:///tmp/m-${id}.avro","summary":{"operation":"append"}}},` +
      `{"action":"set-snapshot-ref","ref-name":"main","type":"branch","snapshot-id":${id}}]}`;
    expect((await post('adam', '/v1/namespaces/raw/tables/longs', append(PARENT, null))).status).toBe(200);
    const committed = await post('adam', '/v1/lake/namespaces/raw/tables/longs', append(MAX, PARENT));
    const commitText = await committed.text();
    expect(committed.status).toBe(200);
    for (const text of [commitText, await (await p.fetch('ana', '/v1/namespaces/raw/tables/longs')).text()]) {
      expect(text).toContain(`"current-snapshot-id":${MAX}`);
      expect(text).toContain(`"snapshot-id":${MAX},"parent-snapshot-id":${PARENT}`);
      expect(text).toContain(`"refs":{"main":{"snapshot-id":${MAX},"type":"branch"}}`);
      expect(text).not.toContain('9223372036854775808');
      expect(text).not.toContain('9007199254740992');
    }
    // The requirement compares the long exactly too: one less is another snapshot.
    const stale = await error(
      await post('adam', '/v1/namespaces/raw/tables/longs', append('1', '9223372036854775806')),
    );
    expect(stale.message).toContain(`expected ref main at snapshot 9223372036854775806, it is at snapshot ${MAX}`);
    if (standardsDir) {
      expect(specProblems('CommitTableResponse', JSON.parse(commitText))).toEqual([]);
    }
  });

  it('come with an ETag that answers 304 while the metadata is unchanged', async () => {
    const first = await p.fetch('ana', '/v1/namespaces/raw/tables/longs');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(
      (await p.fetch('ana', '/v1/namespaces/raw/tables/longs', { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    await post('adam', '/v1/namespaces/raw/tables/longs', {
      requirements: [],
      updates: [{ action: 'set-properties', updates: { k: 'v' } }],
    });
    expect(
      (await p.fetch('ana', '/v1/namespaces/raw/tables/longs', { headers: { 'if-none-match': etag } })).status,
    ).toBe(200);
    const refs = await (await p.fetch('ana', '/v1/namespaces/raw/tables/longs?snapshots=refs')).text();
    expect(refs).toContain(`"snapshots":[{"snapshot-id":${MAX}`);
    expect(refs).not.toContain(`"snapshot-id":${PARENT},`);
  });
});

describe.skipIf(!standardsDir)('the spec fixture', () => {
  it('rejects what the spec rejects, so the shape checks above can fail', () => {
    expect(specProblems('LoadTableResult', { 'metadata-location': 'x' })).not.toEqual([]);
    expect(specProblems('IcebergErrorResponse', { error: { message: 'x', type: 'Y' } })).not.toEqual([]);
    expect(specProblems('ListNamespacesResponse', { namespaces: [[1]] })).not.toEqual([]);
  });
});
