// @ts-check
/**
 * What the shell's build and the plugins' UI builds share (`@comptoir/shell/vite-plugin`).
 *
 * Plugins ship their UI as ES modules built in their own package; at run time they import `lit` (and its
 * sub-paths) and `@comptoir/shell` by those bare names, and the import map the server writes into index.html
 * points each name at the shell's own built module. So:
 *
 * - SHARED_MODULES lists those names: `@comptoir/shell` and every module `lit` exports.
 * - sharedModules() makes the shell's build emit one entry per shared module and write
 *   `dist/shared-modules.json` ({ "lit": "assets/shared-lit-<hash>.js", … }), read by the server at start.
 * - devImportMap() gives the Vite dev server the same import map, pointing at modules it serves.
 * - pluginUiConfig(dir) is the Vite config of a plugin's UI build (what `comptoir-dev ui` runs): every
 *   top-level module of `src/ui/` becomes `dist/ui/<name>.js`, shared code goes to `dist/ui/chunks/<name>-<hash>.js`,
 *   and the shared modules stay imports, never copies.
 * - precompress() writes `.br` and `.gz` next to each text file of a build, for the server to send as they are.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const shellDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The lit package's own package.json (not exported by lit: found next to its main module). */
function litPackage() {
  let dir = path.dirname(require.resolve('lit'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** Module names a plugin UI imports from the shell at run time. */
export const SHARED_MODULES = [
  '@comptoir/shell',
  ...Object.keys(litPackage().exports)
    .filter((k) => k !== './package.json' && !k.includes('polyfill-support') && !k.startsWith('./development'))
    .map((k) => (k === '.' ? 'lit' : `lit/${k.slice(2)}`)),
];
const SHARED = new Set(SHARED_MODULES);

/** Packages whose copies must never be bundled into a plugin: a second Lit breaks every element. */
const LIT_FAMILY = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;

/** The entry name of a shared module in the shell's build: 'lit/directives/repeat.js' → 'shared-lit-directives-repeat'. */
export function sharedEntryName(specifier) {
  return `shared-${specifier.replace(/^@/, '').replace(/\.js$/, '').replace(/[^a-z0-9]+/gi, '-')}`;
}

/**
 * Vite plugin of the shell's own build: the app (index.html) plus one entry per shared module, their exports
 * kept as they are, and `shared-modules.json` naming the file built for each.
 * @returns {import('vite').Plugin}
 */
export function sharedModules() {
  const byEntry = new Map(SHARED_MODULES.map((s) => [sharedEntryName(s), s]));
  return {
    name: 'comptoir-shared-modules',
    apply: 'build',
    config() {
      const input = { index: path.join(shellDir, 'index.html') };
      for (const [name, specifier] of byEntry) input[name] = specifier === '@comptoir/shell' ? path.join(shellDir, 'src/index.ts') : specifier;
      // Two chunks load at start: Lit, and the shell's frame with its public API; each shared entry is a small
      // facade over them (so a plugin's `lit` is the shell's Lit), and the kernel's screens stay lazy.
      const codeSplitting = {
        groups: [
          { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/ },
          { name: 'shell', test: /shell[\\/]src[\\/](?!screens[\\/])/ },
        ],
      };
      return { build: { rolldownOptions: { input, preserveEntrySignatures: 'strict', output: { codeSplitting } } } };
    },
    generateBundle(_options, bundle) {
      /** @type {Record<string, string>} */
      const files = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && byEntry.has(chunk.name)) files[/** @type {string} */ (byEntry.get(chunk.name))] = chunk.fileName;
      }
      const missing = SHARED_MODULES.filter((s) => !files[s]);
      if (missing.length) this.error(`shared modules without a built file: ${missing.join(', ')}`);
      this.emitFile({ type: 'asset', fileName: 'shared-modules.json', source: JSON.stringify(files, null, 2) + '\n' });
    },
  };
}

/**
 * Vite plugin of the shell's dev server: an import map in index.html whose names lead to modules the dev
 * server serves, so that plugin UIs loaded from the kernel (`/plugins/…`, proxied) share the dev shell's Lit.
 * `@comptoir/shell` is the shell's own source entry; each lit name is a one-line module re-exporting it,
 * which Vite rewrites to the very URL the shell's code imports.
 * @returns {import('vite').Plugin}
 */
export function devImportMap() {
  const PREFIX = '/@comptoir-shared/';
  return {
    name: 'comptoir-dev-import-map',
    apply: 'serve',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0comptoir-shared:${id.slice(PREFIX.length)}` : null;
    },
    load(id) {
      if (!id.startsWith('\0comptoir-shared:')) return null;
      const specifier = decodeURIComponent(id.slice('\0comptoir-shared:'.length)).replace(/\.shared\.js$/, '');
      if (!SHARED.has(specifier)) return null;
      return `export * from ${JSON.stringify(specifier)};\n`;
    },
    transformIndexHtml() {
      /** @type {Record<string, string>} */
      const imports = {};
      for (const s of SHARED_MODULES) imports[s] = s === '@comptoir/shell' ? '/src/index.ts' : `${PREFIX}${encodeURIComponent(s)}.shared.js`;
      return [{ tag: 'script', attrs: { type: 'importmap' }, children: JSON.stringify({ imports }), injectTo: 'head-prepend' }];
    },
  };
}

const TEXT = /\.(js|mjs|css|json|svg|map|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` next to each text file of 1 KB or more that the build wrote, when they are
 * smaller; the server sends them as they are instead of compressing on each start.
 * @returns {import('vite').Plugin}
 */
export function precompress() {
  return {
    name: 'comptoir-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.dirname(/** @type {string} */ (options.file));
      for (const fileName of Object.keys(bundle)) {
        if (!TEXT.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
        if (br.length < body.length) writeFileSync(`${file}.br`, br);
        const gz = gzipSync(body, { level: 9 });
        if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

/**
 * Vite plugin of a plugin's UI build: the shared modules stay imports (resolved by the import map at run time);
 * a lit module the shell does not share, or lit-html / lit-element / @lit/reactive-element imported directly,
 * stops the build with the fix, because a copy of Lit inside a plugin breaks its elements.
 * @returns {import('vite').Plugin}
 */
export function externalShared() {
  return {
    name: 'comptoir-external-shared',
    enforce: 'pre',
    resolveId(id, importer) {
      if (SHARED.has(id)) return { id, external: true };
      if (LIT_FAMILY.test(id) && importer && !importer.includes(`${path.sep}node_modules${path.sep}`)) {
        this.error(`${importer} imports '${id}', which the shell does not share. Import from 'lit' or its documented modules (${SHARED_MODULES.filter((s) => s.startsWith('lit')).slice(0, 4).join(', ')}, …) or from '@comptoir/shell'.`);
      }
      return null;
    },
  };
}

/**
 * The top-level modules of a plugin's `src/ui/` (each becomes `dist/ui/<name>.js`): `.ts` and `.js` files,
 * not specs nor declaration files.
 * @param {string} srcDir
 */
export function uiEntries(srcDir) {
  /** @type {Record<string, string>} */
  const entries = {};
  for (const f of readdirSync(srcDir).sort()) {
    if (!/\.(ts|mts|js|mjs)$/.test(f) || /\.(spec|test)\.[mc]?[jt]s$/.test(f) || f.endsWith('.d.ts')) continue;
    entries[f.replace(/\.[mc]?[jt]s$/, '')] = path.join(srcDir, f);
  }
  return entries;
}

/**
 * The Vite configuration that builds a plugin's UI (ES modules named after their sources, minified, no source maps).
 * @param {{ root: string, srcDir?: string, outDir?: string, watch?: boolean }} options root: the plugin's folder
 * @returns {import('vite').InlineConfig}
 */
export function pluginUiConfig({ root, srcDir = 'src/ui', outDir = 'dist/ui', watch = false }) {
  const src = path.resolve(root, srcDir);
  const entries = uiEntries(src);
  if (!Object.keys(entries).length) throw new Error(`${src} has no module to build (src/ui/*.ts)`);
  return {
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [externalShared(), precompress()],
    build: {
      outDir: path.resolve(root, outDir),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      watch: watch ? {} : null,
      // Not library mode: that keeps whitespace in ES output for bundlers to tree-shake, while these files
      // go to browsers as they are. Entries keep their names and exports; only chunks/ and assets/ are hashed.
      modulePreload: false,
      rolldownOptions: {
        input: entries,
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  };
}
