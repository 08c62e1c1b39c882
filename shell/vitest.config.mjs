// Unit tests of the shell's pure modules (run in node, no DOM): `pnpm --filter @comptoir/shell test`
// or, from the repository root, `npx vitest run --config shell/vitest.config.mjs`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['source'] },
  test: {
    name: 'shell',
    include: ['src/**/*.{spec,test}.ts'],
    environment: 'node',
  },
});
