import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICEBERG_CATALOG_CODES } from './iceberg-catalog-codes.js';

/** The catalog's own sources: no tests, no test support, not the registry itself. */
const text = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'iceberg-catalog-codes.ts')
  .map((name) => readFileSync(join(import.meta.dirname, name), 'utf8'))
  .join('\n');
const thrown = new Set([...text.matchAll(/'(MW82[5-9]\d)'/g)].map((match) => match[1]!));

describe('Iceberg catalog error codes', () => {
  it('stay in MW8250–MW8299, each with a title and a fix sentence', () => {
    for (const [code, entry] of Object.entries(ICEBERG_CATALOG_CODES)) {
      expect(code).toMatch(/^MW82[5-9]\d$/);
      expect(entry.title, code).toMatch(/\S/);
      expect(entry.fix, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('lists every code the catalog throws, and throws every code it lists', () => {
    expect([...thrown].sort()).toEqual(Object.keys(ICEBERG_CATALOG_CODES).sort());
  });
});
