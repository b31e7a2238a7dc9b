/** The reference page of a small hand-written OpenAPI document: order, tables, errors, shared shapes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from './openapi-types.js';
import { renderApiReference } from './render-api-reference.js';
import { TAG_GUIDES } from './tag-guides.js';

const error = { description: 'Default Response', content: { 'application/json': { schema: { type: 'object' } } } };
const agreement = {
  type: 'object',
  required: ['id', 'a', 'b', 'c', 'd', 'e'],
  properties: Object.fromEntries(['id', 'a', 'b', 'c', 'd', 'e'].map((name) => [name, { type: 'string' }])),
};
const json = (schema: object) => ({ description: 'Default Response', content: { 'application/json': { schema } } });

const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Test API', version: '9.9.9' },
  tags: [{ name: 'things', description: 'Things, and what they are.' }, { name: 'declared-but-unused' }],
  paths: {
    '/healthz': {
      get: {
        summary: 'Liveness',
        tags: ['ops'],
        security: [],
        responses: { 200: { description: 'Default Response' } },
      },
    },
    '/api/v1/things/{id}': {
      parameters: [],
      post: {
        summary: 'Change a thing',
        tags: ['things'],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'the thing | its id' }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string', minLength: 1 }, note: { type: 'string', description: 'why' } },
              },
            },
          },
        },
        responses: { 200: json(agreement), 409: error, 404: error },
      },
      get: { summary: 'One thing', tags: ['things'], responses: { 200: json(agreement), 404: error } },
    },
    '/api/v1/things': {
      get: {
        summary: 'List things',
        description: 'Newest first.',
        tags: ['things'],
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
          { name: 'status', in: 'query', schema: { anyOf: [{ const: 'open' }, { const: 'closed' }] } },
        ],
        responses: {
          200: {
            description: 'The things',
            content: {
              'application/json': {
                schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
              },
              'text/csv': { schema: { type: 'string', description: 'one line per thing' } },
            },
          },
        },
      },
    },
    '/api/v1/untagged': { delete: { summary: 'Gone', responses: { 204: { description: 'Default Response' } } } },
  },
};

const page = renderApiReference(document);
const section = (heading: string) => {
  const start = page.indexOf(`### ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = page.indexOf('\n#', start + 4);
  return page.slice(start, end === -1 ? undefined : end);
};

describe('renderApiReference', () => {
  it('groups operations by tag: declared tags first, then the others by name, untagged last as "Other"', () => {
    expect([...page.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
      'Conventions',
      'Contents',
      'Things',
      'Ops',
      'Other',
    ]);
    // Within a tag, paths in order and each path's methods in a fixed order.
    expect([...page.matchAll(/^### (.+\/.*)$/gm)].map((m) => m[1])).toEqual([
      'GET /api/v1/things',
      'GET /api/v1/things/{id}',
      'POST /api/v1/things/{id}',
      'GET /healthz',
      'DELETE /api/v1/untagged',
    ]);
    expect(page).toContain('5 operations, by tag: [Things](#things) (3), [Ops](#ops) (1), [Other](#other) (1).');
    expect(page).toContain('## Things\n\nThings, and what they are.');
  });

  it('shows parameters, the request body and a response with their types, escaping table cells', () => {
    expect(section('POST /api/v1/things/{id}')).toContain(
      [
        'Parameters:',
        '',
        '| Name | In | Type | Required | Description |',
        '|---|---|---|---|---|',
        '| `id` | path | any | yes | the thing \\| its id |',
        '',
        'Request body (`application/json`, required):',
        '',
        '| Field | Type | Required | Description |',
        '|---|---|---|---|',
        '| `name` | string (not empty) | yes |  |',
        '| `note` | string |  | why |',
      ].join('\n'),
    );
    expect(section('GET /api/v1/things')).toContain('| `status` | query | one of `open`, `closed` |  |  |\n');
  });

  it('lists the items of an array response, then the other media types, and marks optional fields', () => {
    expect(section('GET /api/v1/things')).toContain(['Newest first.', '', 'Parameters:'].join('\n'));
    expect(section('GET /api/v1/things')).toContain(
      [
        'Response `200` (`application/json`) — The things: an array, each item:',
        '',
        '| Field | Type | Description |',
        '|---|---|---|',
        '| `id` | string, optional |  |',
        '',
        'Also as `text/csv`: string — one line per thing',
      ].join('\n'),
    );
  });

  it('puts error statuses on one line, in order, and says which operations are open', () => {
    expect(section('POST /api/v1/things/{id}')).toContain('Errors: `404`, `409` ([error body](#errors)).');
    expect(section('GET /healthz')).toContain('Liveness\n\nOpen: no credential needed.\n\nResponse `200`.');
    expect(section('DELETE /api/v1/untagged')).toContain('Response `204`.');
    expect(page).not.toContain('Default Response');
  });

  it('shows a large shape once and links to it from the operations that answer it again', () => {
    expect(section('GET /api/v1/things/{id}')).toContain('| `e` | string |  |');
    expect(section('POST /api/v1/things/{id}')).toContain(
      'Response `200` (`application/json`): the same fields as the response `200` of [GET /api/v1/things/{id}](#get-apiv1thingsid).',
    );
  });

  it('names the lists that page differently from after + limit ≤ 1000', () => {
    expect(page).toContain(
      'Lists that page differently (see each operation):\n\n- `GET /api/v1/things`: `limit` integer (1–50)\n',
    );
  });

  it('keeps no state from one page to the next', () => {
    expect(renderApiReference(structuredClone(document))).toBe(page);
  });
});

describe('TAG_GUIDES', () => {
  it('links only to pages that exist', () => {
    const reference = join(import.meta.dirname, '../../../../docs/reference');
    const missing = Object.values(TAG_GUIDES)
      .flat()
      .map(([, path]) => path.split('#')[0]!)
      .filter((path) => !existsSync(join(reference, path)));
    expect(missing).toEqual([]);
  });
});
