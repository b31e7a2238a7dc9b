import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DCS_CODES } from './dcs-codes.js';

const folder = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'dcs-codes.ts')
  .map((name) => readFileSync(join(folder, name), 'utf8'))
  .join('\n');
const used = new Set(sources.match(/MW5\d{3}/g));

describe('DCS_CODES', () => {
  it('lists every code the importer uses, and only those', () => {
    expect([...used].sort()).toEqual(Object.keys(DCS_CODES).sort());
  });

  it.each(Object.entries(DCS_CODES))('%s is in the importer range and has a title and a fix', (code, entry) => {
    expect(code).toMatch(/^MW51\d\d$/);
    expect(entry.title.length).toBeGreaterThan(5);
    expect(entry.fix).toMatch(/\.$/);
  });
});
