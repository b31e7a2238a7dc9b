import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against sources, not the compiled dist, so they never see a stale build.
    alias: {
      '@meshwork/core': src('core'),
      '@meshwork/server': src('server'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['./test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI asks for a JSON report too, to prove that no test was skipped.
    reporters: process.env.MESHWORK_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.MESHWORK_VITEST_JSON ? { json: process.env.MESHWORK_VITEST_JSON } : undefined,
  },
});
