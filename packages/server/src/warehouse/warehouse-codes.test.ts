import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WAREHOUSE_CODES } from './warehouse-codes.js';

/** The warehouse's own sources: no tests, no conformance suite, not the registry itself. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test-support' ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.(test|conformance)\.ts$/.test(name) && name !== 'warehouse-codes.ts' ? [full] : [];
  });
}

const text = sources(import.meta.dirname)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const thrown = new Set([...text.matchAll(/'(MW\d{4})'/g)].map((match) => match[1]!));

describe('warehouse error codes', () => {
  it('stay in MW8100–MW8199 and each has a title and a fix sentence', () => {
    for (const [code, entry] of Object.entries(WAREHOUSE_CODES)) {
      expect(code).toMatch(/^MW81\d\d$/);
      expect(entry.title, code).toMatch(/\S/);
      expect(entry.fix, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('lists every code the warehouse throws, and throws every code it lists', () => {
    expect([...thrown].sort()).toEqual(Object.keys(WAREHOUSE_CODES).sort());
  });
});
