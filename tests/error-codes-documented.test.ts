/**
 * Every diagnostic and error code is registered with a title and a fix, used somewhere, and
 * documented in docs/reference/errors.md — and the docs list no code that no longer exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodeRegistries } from './code-registries.js';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'test-support') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const registered = new Map(allCodeRegistries.flatMap((r) => Object.entries(r)));
const documented = new Set(
  [...readFileSync(join(root, 'docs/reference/errors.md'), 'utf8').matchAll(/^### (MW\d{4})\b/gm)].map((m) => m[1]!),
);
const sources = sourceFiles(join(root, 'packages')).map((f) => readFileSync(f, 'utf8'));
const used = new Set(sources.flatMap((text) => [...text.matchAll(/'(MW\d{4})'/g)].map((m) => m[1]!)));

describe('error codes', () => {
  it('no code is registered twice (each range belongs to one registry)', () => {
    const all = allCodeRegistries.flatMap((r) => Object.keys(r));
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([]);
  });

  it('every code used in the sources is registered with a title and a fix', () => {
    const unregistered = [...used].filter((code) => !registered.has(code));
    expect(unregistered).toEqual([]);
    for (const [code, entry] of registered) {
      expect(entry.title, code).toBeTruthy();
      expect(entry.fix, code).toMatch(/\S/);
    }
  });

  it('every registered code is documented in docs/reference/errors.md', () => {
    expect([...registered.keys()].filter((code) => !documented.has(code))).toEqual([]);
  });

  it('the docs list no code that no longer exists', () => {
    expect([...documented].filter((code) => !registered.has(code))).toEqual([]);
  });

  it('codes are not registered twice with different meanings', () => {
    const all = allCodeRegistries.flatMap((r) => Object.keys(r));
    expect(all.length).toBe(new Set(all).size);
  });
});
