/**
 * Locates the official standards fixtures (`../shared/standards` beside the repository, or
 * `MESHWORK_STANDARDS_DIR`). Only tests use them; the product never reads them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentAvailable } from './components.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function locate(): string | undefined {
  const candidates = [process.env.MESHWORK_STANDARDS_DIR, resolve(repoRoot, '../shared/standards')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'SOURCES.md')));
}

const found = locate();

/** The standards directory, or undefined when absent (then the caller's tests skip). */
export const standardsDir: string | undefined = componentAvailable(
  'standards fixtures',
  found !== undefined,
  'expected ../shared/standards beside the repository, or set MESHWORK_STANDARDS_DIR',
)
  ? found
  : undefined;

/** Every file under `dir` (relative to the standards directory) whose name matches. */
export function standardFiles(dir: string, pattern: RegExp): string[] {
  if (!standardsDir) return [];
  const root = join(standardsDir, dir);
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push(relative(standardsDir!, full));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

export function readStandard(path: string): string {
  if (!standardsDir) throw new Error('standards fixtures are not available');
  return readFileSync(join(standardsDir, path), 'utf8');
}

export function readStandardJson(path: string): unknown {
  return JSON.parse(readStandard(path));
}
