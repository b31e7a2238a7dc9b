import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METADATA_CODES } from './metadata-codes.js';

/** The store's own sources: no tests, no conformance suite, not the registry itself. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test-support' ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.(test|conformance)\.ts$/.test(name) && name !== 'metadata-codes.ts' ? [full] : [];
  });
}

const text = sources(import.meta.dirname)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const thrown = new Set([...text.matchAll(/'(MW\d{4})'/g)].map((match) => match[1]!));

describe('metadata error codes', () => {
  it('stay in MW6100–MW6199 and each has a title and a fix sentence', () => {
    for (const [code, entry] of Object.entries(METADATA_CODES)) {
      expect(code).toMatch(/^MW61\d\d$/);
      expect(entry.title, code).toMatch(/\S/);
      expect(entry.fix, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('lists every code the store throws, and throws every code it lists', () => {
    expect([...thrown].sort()).toEqual(Object.keys(METADATA_CODES).sort());
  });
});
