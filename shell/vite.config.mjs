// @ts-check
import { defineConfig, defaultClientConditions } from 'vite';
import { comptoirPlugins } from './vite-plugin.mjs';

// Dev server (`pnpm --filter @comptoir/shell dev`) proxies /api to the kernel.
const apiTarget = process.env.COMPTOIR_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [comptoirPlugins()],
  resolve: {
    // `source` makes workspace packages (e.g. @comptoir/catalog/ui, @comptoir/shell) resolve to TypeScript sources.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
