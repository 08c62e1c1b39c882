// @ts-check
import { defineConfig, defaultClientConditions } from 'vite';
import { devImportMap, precompress, sharedModules } from './vite-plugin.mjs';

// Dev server (`pnpm --filter @comptoir/shell dev`) proxies the API and the plugins' built UIs to a running kernel.
const apiTarget = process.env.COMPTOIR_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [sharedModules(), devImportMap(), precompress()],
  resolve: {
    // `source` makes workspace packages resolve to their TypeScript sources.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Production builds carry no source maps (they would double what the browser downloads on a slow link).
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/plugins': { target: apiTarget, changeOrigin: false },
    },
  },
});
