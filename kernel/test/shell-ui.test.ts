import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';

// The server hands out the built shell and the enabled plugins' UI folders the way a browser needs them:
// index.html with the import map, content types, compression, caching by content hash, nothing outside the folders.

const root = mkdtempSync(join(tmpdir(), 'comptoir-shell-ui-'));
const shellDir = join(root, 'shell');
const shelfDir = join(root, 'shelf-ui');
const hiddenDir = join(root, 'hidden-ui');
const big = `export const text = ${JSON.stringify('Rayon des bières belges. '.repeat(400))};\n`;

function write(file: string, body: string | Buffer): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, body);
}

// A built shell: index.html as Vite writes it, its assets, and the list of shared modules.
write(join(shellDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Comptoir</title>\n    <script type="module" crossorigin src="/assets/index-AbC123.js"></script>\n    <link rel="modulepreload" href="/assets/lit-Xyz789.js"></head><body><cpt-app></cpt-app></body></html>\n');
write(join(shellDir, 'assets', 'index-AbC123.js'), big);
write(join(shellDir, 'assets', 'lit-Xyz789.js'), 'export const LitElement = class {};\n');
write(join(shellDir, 'assets', 'shared-comptoir-shell-Q1w2E3.js'), 'export * from "./index-AbC123.js";\n');
write(join(shellDir, 'shared-modules.json'), JSON.stringify({ '@comptoir/shell': 'assets/shared-comptoir-shell-Q1w2E3.js', lit: 'assets/lit-Xyz789.js' }));
// A precompressed sibling the build wrote: the server sends it as it is.
write(join(shellDir, 'assets', 'lit-Xyz789.js.gz'), gzipSync('export const LitElement = class {}; // from the precompressed file\n'));
// Two plugin UIs: `shelf` is enabled, `hidden` is installed but off.
write(join(shelfDir, 'index.js'), 'export default { messages: { fr: { "shelf.title": "Rayons" } } };\n');
write(join(shelfDir, 'shelf-screen.js'), big);
write(join(shelfDir, 'chunks', 'labels-9f8e7d6c.js'), 'export const n = 1;\n');
write(join(shelfDir, 'styles.css'), ':host { display: block; }\n');
write(join(shelfDir, '.secret.js'), 'export const token = "nope";\n');
write(join(root, 'outside.js'), 'export const leaked = true;\n');
symlinkSync(join(root, 'outside.js'), join(shelfDir, 'link-out.js'));
write(join(hiddenDir, 'hidden-screen.js'), 'export {};\n');
// The sibling must not look older than the file it compresses.
utimesSync(join(shellDir, 'assets', 'lit-Xyz789.js.gz'), new Date(), new Date(Date.now() + 1000));

const shelf = definePlugin({
  name: 'shelf', version: '1.4.0', kernel: '^0.1.0',
  permissions: { 'shelf.read': { label: { fr: 'Voir les rayons', en: 'See the shelves' }, roles: ['manager'] } },
  screens: [
    { path: 'shelf/aisles', tag: 'cpt-shelf-aisles', module: 'shelf-screen.js', title: 'shelf.title', icon: 'box', permission: 'shelf.read', order: 300 },
    // Declared, but its module was never built: left out with a warning, the rest works.
    { path: 'shelf/missing', tag: 'cpt-shelf-missing', module: 'missing-screen.js', title: 'shelf.title', permission: 'shelf.read' },
  ],
  widgets: [{ zone: 'catalog.article.aside', tag: 'cpt-shelf-place', module: 'shelf-screen.js', permission: 'shelf.read', order: 5 }],
});
const hidden = definePlugin({
  name: 'hidden', version: '0.1.0', kernel: '^0.1.0', defaultEnabled: false,
  screens: [{ path: 'hidden', tag: 'cpt-hidden', module: 'hidden-screen.js', title: { fr: 'Caché', nl: 'Verborgen', en: 'Hidden' }, permission: 'authenticated' }],
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(testDialects())('the shell and the plugins’ UIs over HTTP (%s)', (dialect) => {
  let tk: TestKernel;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${tk.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [shelf, hidden], shellDir, uiDirs: { shelf: shelfDir, hidden: hiddenDir } });
  });
  afterAll(async () => tk?.close());

  it('answers index.html with the import map of the shell’s shared modules before any module script, never cached', async () => {
    const res = await get('/');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const map = /<script type="importmap">(.*?)<\/script>/.exec(html);
    expect(JSON.parse(map![1])).toEqual({ imports: { '@comptoir/shell': '/assets/shared-comptoir-shell-Q1w2E3.js', lit: '/assets/lit-Xyz789.js' } });
    expect(html.indexOf('type="importmap"')).toBeLessThan(html.indexOf('type="module"'));
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toEqual(['<script type="importmap">']);
    // What a Content-Security-Policy allows it by: the hash of exactly the bytes sent.
    expect(tk.kernel.http.comptoirShell!.scriptHashes).toEqual([`'sha256-${createHash('sha256').update(map![1]).digest('base64')}'`]);
    // A client-side address answers the same page; its ETag lets the browser revalidate for nothing.
    const deep = await get('/catalog/articles');
    expect(await deep.text()).toBe(html);
    expect((await get('/', { 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
  });

  it('compresses what it sends: brotli or gzip as the browser accepts, the build’s .gz as it is', async () => {
    const br = await fetch(`${tk.baseUrl}/assets/index-AbC123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(big.length / 10);
    expect(await br.text()).toBe(big);
    const res = await fetch(`${tk.baseUrl}/assets/lit-Xyz789.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch unpacks gzip: what arrives is the precompressed file's content, not a compression of the source.
    expect(await res.text()).toContain('from the precompressed file');
    const plain = await get('/assets/index-AbC123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBe(big.length);
  });

  it('caches the shell’s hashed files and a plugin’s chunks for a year, revalidates a plugin’s named modules', async () => {
    const asset = await get('/assets/lit-Xyz789.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const chunk = await get('/plugins/shelf/chunks/labels-9f8e7d6c.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const screen = await get('/plugins/shelf/shelf-screen.js');
    expect(screen.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/plugins/shelf/shelf-screen.js', { 'if-none-match': screen.headers.get('etag')! })).status).toBe(304);
    expect((await get('/plugins/shelf/styles.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves only enabled plugins, only files inside their UI folder', async () => {
    expect((await get('/plugins/hidden/hidden-screen.js')).status).toBe(404);
    expect((await get('/plugins/nobody/index.js')).status).toBe(404);
    expect((await get('/plugins/shelf/.secret.js')).status).toBe(404);
    expect((await get('/plugins/shelf/link-out.js')).status).toBe(404);
    expect((await get('/plugins/shelf/..%2F..%2Foutside.js')).status).toBe(404);
    expect((await get('/plugins/shelf/%2e%2e/outside.js')).status).toBe(404);
    expect((await get('/assets/..%2Fshared-modules.json')).status).toBe(404);
    // A missing file is a 404, not the shell's page (a script tag would otherwise get HTML).
    const missing = await get('/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toContain('text/html');
  });

  it('tells the signed-in shell which enabled plugins have screens and widgets, and where their modules are', async () => {
    expect((await tk.anonymous().get('/api/ui')).status).toBe(401);
    const res = await tk.admin.get('/api/ui');
    expect(res.status).toBe(200);
    expect(res.body.plugins).toEqual([
      {
        name: 'shelf', version: '1.4.0', base: '/plugins/shelf/', entry: '/plugins/shelf/index.js',
        screens: [{ plugin: 'shelf', path: 'shelf/aisles', tag: 'cpt-shelf-aisles', module: '/plugins/shelf/shelf-screen.js', title: 'shelf.title', icon: 'box', permission: 'shelf.read', order: 300 }],
        widgets: [{ plugin: 'shelf', zone: 'catalog.article.aside', tag: 'cpt-shelf-place', module: '/plugins/shelf/shelf-screen.js', permission: 'shelf.read', order: 5 }],
      },
    ]);
    // The module a browser is told to import is served.
    expect((await get(res.body.plugins[0].screens[0].module)).status).toBe(200);
  });
});
