/** The product never reads ../shared: only tests and benchmarks may name the fixtures. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function productSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (['node_modules', 'dist', 'test-support'].includes(name)) return [];
    if (statSync(full).isDirectory()) return productSources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.conformance.ts') ? [full] : [];
  });
}

it('no product source refers to the shared standards folder', () => {
  const offenders = productSources(join(root, 'packages')).filter((file) =>
    /shared\/standards|MESHWORK_STANDARDS_DIR/.test(readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
