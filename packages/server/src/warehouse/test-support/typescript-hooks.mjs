/**
 * Node module hooks that let a child process run this repository's TypeScript sources directly:
 * each `.ts` file is transpiled in memory by the project's own `typescript` (one file at a time,
 * types erased, exactly what `verbatimModuleSyntax` allows), `./x.js` specifiers resolve to the
 * `./x.ts` beside them, and `@meshwork/core` resolves to its sources as in vitest.config.ts.
 *
 * Why: the kill -9 tests need a real second process running the real warehouse code. The compiled
 * `dist/` may be stale or absent, and a hand-written imitation of the on-disk protocol would test
 * the imitation. Used only by tests (see register-typescript.mjs).
 *
 * Transpiled files are cached in the OS temp folder by content hash, so that only the first child
 * pays for loading the compiler (about a second) and the others start quickly.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const coreIndex = new URL('../../../../core/src/index.ts', import.meta.url).href;
const cacheDir = join(tmpdir(), 'meshwork-typescript-hooks-cache');
let compiler;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@meshwork/core') return { url: coreIndex, shortCircuit: true };
  const parent = context.parentURL;
  if (parent?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const candidate = new URL(`${specifier.slice(0, -3)}.ts`, parent);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const source = readFileSync(fileName, 'utf8');
  const cached = join(
    cacheDir,
    `${createHash('sha256').update(fileName).update('\0').update(source).digest('hex')}.js`,
  );
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  compiler ??= (await import('typescript')).default;
  const { outputText } = compiler.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: compiler.ModuleKind.ESNext,
      target: compiler.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  // Written aside and renamed, so that a child starting at the same time never reads half a file.
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${cached}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, outputText);
  renameSync(temporary, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
