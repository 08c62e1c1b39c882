// The vitest configuration Stryker runs: the package tests only (no e2e project), from TypeScript sources.
// Which test files run is the target's `testFiles` (targets.mjs), passed by base.mjs in MUTATION_TESTS.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: process.env.MUTATION_TESTS ? JSON.parse(process.env.MUTATION_TESTS) : ['kernel/**/*.{spec,test}.ts', 'plugins/**/*.{spec,test}.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
