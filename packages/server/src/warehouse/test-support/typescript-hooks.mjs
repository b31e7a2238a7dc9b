/**
 * Node module hooks that let a child process run this repository's TypeScript sources directly:
 * each `.ts` file is transpiled in memory by the project's own `typescript` (one file at a time,
 * types erased, exactly what `verbatimModuleSyntax` allows), `./x.js` specifiers resolve to the
 * `./x.ts` beside them, and `@meshwork/core` resolves to its sources as in vitest.config.ts.
 *
 * Why: the kill -9 tests need a real second process running the real warehouse code. The compiled
 * `dist/` may be stale or absent, and a hand-written imitation of the on-disk protocol would test
 * the imitation. Used only by tests (see register-typescript.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

const coreIndex = new URL('../../../../core/src/index.ts', import.meta.url).href;

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
  const { outputText } = ts.transpileModule(readFileSync(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
