import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICEBERG_FORMAT_CODES } from './iceberg-format-codes.js';

/** This folder's sources: no tests, no test support, not the registry itself. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test-support' ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'iceberg-format-codes.ts' ? [full] : [];
  });
}

const text = sources(import.meta.dirname)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const thrown = new Set([...text.matchAll(/'(MW\d{4})'/g)].map((match) => match[1]!));

describe('Iceberg format error codes', () => {
  it('stay in MW8201–MW8249 and each has a title and a fix sentence', () => {
    for (const [code, entry] of Object.entries(ICEBERG_FORMAT_CODES)) {
      expect(code).toMatch(/^MW82(0[1-9]|[1-3]\d|4[0-9])$/);
      expect(entry.title, code).toMatch(/\S/);
      expect(entry.fix, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('lists every code thrown here, and throws every code it lists', () => {
    expect([...thrown].sort()).toEqual(Object.keys(ICEBERG_FORMAT_CODES).sort());
  });
});
