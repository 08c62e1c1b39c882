// The vitest configuration Stryker runs: the package tests only (no e2e project), from TypeScript sources.
// Which test files run for a target is set by the target's `testFiles` (see targets.mjs).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['kernel/**/*.{spec,test}.ts', 'plugins/**/*.{spec,test}.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
