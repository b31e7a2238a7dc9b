/**
 * docs/reference/http-api.md is exactly what `npm run docs:api` writes from the OpenAPI document
 * a real server serves: a route added or changed without regenerating the page fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  listOperations,
  renderApiReference,
  servedOpenApiDocument,
  type OpenApiDocument,
} from '../packages/server/src/api-reference/index.js';

const PAGE = 'docs/reference/http-api.md';
const STALE = `${PAGE} is out of date: run \`npm run docs:api\` and commit the page`;

let document: OpenApiDocument;
let onDisk: string;

beforeAll(async () => {
  document = await servedOpenApiDocument();
  onDisk = readFileSync(join(import.meta.dirname, '..', PAGE), 'utf8');
});

/** Where two texts first differ, by line, or undefined when they are equal. */
function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  const [a, e] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: the page has ${JSON.stringify(a[at] ?? '(end)')}, the server's document gives ${JSON.stringify(e[at] ?? '(end)')}`;
}

describe(PAGE, () => {
  it('documents every operation the server serves', () => {
    const headings = new Set([...onDisk.matchAll(/^### (\S+ \S+)$/gm)].map((m) => m[1]));
    const missing = listOperations(document)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      .filter((heading) => !headings.has(heading));
    expect(missing, STALE).toEqual([]);
  });

  it('is the page rendered from the served OpenAPI document', () => {
    expect(firstDifference(onDisk, renderApiReference(document)), STALE).toBeUndefined();
  });
});
