/**
 * Module hooks that run the `mesh` command from this repository's TypeScript sources in a child
 * process: the warehouse tests' hooks (typescript-hooks.mjs: transpile, `.js` → `.ts`,
 * `@meshwork/core` → sources, a transpile cache), plus `@meshwork/server` → its sources.
 *
 * Why: the crash tests kill a real `mesh run` with SIGKILL, and they must exercise the code under
 * test, not a `dist/` that may be older. Used only by tests (see register-cli-typescript.mjs).
 */
import { URL } from 'node:url';
import * as typescriptHooks from '../../../server/src/warehouse/test-support/typescript-hooks.mjs';

const serverIndex = new URL('../../../server/src/index.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@meshwork/server') return { url: serverIndex, shortCircuit: true };
  return typescriptHooks.resolve(specifier, context, nextResolve);
}

export const load = typescriptHooks.load;
