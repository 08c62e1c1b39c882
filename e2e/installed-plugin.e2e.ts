import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runComptoir, startComptoir, type RunningServer } from './harness.js';

/**
 * A shop installs the example plugin from its npm package, switches it on with the CLI and restarts: its
 * screen and its widget beside the article form show, and nothing of the shell was rebuilt.
 *
 * How the installation is made, with no network:
 * - `npm pack` turns examples/shop-notes (built by `pnpm build`: dist/ with the server code and dist/ui with the
 *   browser modules) into a tarball, as `npm publish` would upload it.
 * - A shop folder outside the workspace gets `npm install <tarball> --offline`; `--legacy-peer-deps` because the
 *   plugin's peers (kernel, catalogue, shell) come from the next step, not from the registry.
 * - The kernel, the catalogue and the shell are this workspace's built packages, linked into the shop's
 *   node_modules (node_modules/@comptoir/<name> → the workspace folder) and listed in its package.json as
 *   `file:` dependencies, which is what `npm install <folder>` would have written.
 * - The CLI is the linked kernel's `dist/cli.js`, run from the shop folder, which finds the plugins among the
 *   dependencies of the shop's package.json that have a `comptoir.plugin` field.
 */
const repo = join(import.meta.dirname, '..');
const example = join(repo, 'examples', 'shop-notes');

describe('a plugin installed from its npm package', () => {
  let work: string;
  let shop: string;
  let cli: string;
  let browser: Browser;
  let server: RunningServer | null = null;

  beforeAll(async () => {
    for (const built of ['dist/index.js', 'dist/ui/index.js', 'dist/ui/recent-notes-screen.js', 'dist/ui/article-notes-widget.js']) {
      if (!existsSync(join(example, built))) throw new Error(`examples/shop-notes/${built} is missing: run \`pnpm build\` first.`);
    }
    work = mkdtempSync(join(tmpdir(), 'comptoir-npm-'));
    const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: example, encoding: 'utf8' }).trim().split('\n').pop()!;
    const tarball = join(work, packed);

    shop = join(work, 'shop');
    mkdirSync(join(shop, 'node_modules', '@comptoir'), { recursive: true });
    writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'ma-boutique', private: true }, null, 2));
    execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps'], { cwd: shop, stdio: 'pipe' });
    const links = { kernel: 'kernel', catalog: 'plugins/catalog', shell: 'shell' };
    const manifest = JSON.parse(readFileSync(join(shop, 'package.json'), 'utf8'));
    for (const [name, folder] of Object.entries(links)) {
      symlinkSync(join(repo, folder), join(shop, 'node_modules', '@comptoir', name), 'dir');
      manifest.dependencies[`@comptoir/${name}`] = `file:${join(repo, folder)}`;
    }
    writeFileSync(join(shop, 'package.json'), JSON.stringify(manifest, null, 2));
    cli = join(shop, 'node_modules', '@comptoir', 'kernel', 'dist', 'cli.js');
    // A shop with the demo catalogue and its people (the plugin is off: notes are not on by default).
    await runComptoir({ cli, cwd: shop, args: ['--data', join(shop, 'data'), 'demo', '--no-listen'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const start = () => startComptoir({ cli, cwd: shop, args: ['--data', join(shop, 'data'), 'start'] });

  async function signIn(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.getByTestId('login-username').fill('gerant');
    await page.getByTestId('login-password').fill('demo-gerant');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('nav-catalog/articles').count(), { timeout: 15_000 }).toBe(1);
  }

  it('the package holds the plugin’s built server code and browser modules, and installs as a dependency of the shop', () => {
    const installed = join(shop, 'node_modules', '@comptoir-example', 'shop-notes');
    expect(JSON.parse(readFileSync(join(shop, 'package.json'), 'utf8')).dependencies['@comptoir-example/shop-notes']).toMatch(/^file:.*\.tgz$/);
    expect(existsSync(join(installed, 'dist', 'index.js'))).toBe(true);
    expect(readFileSync(join(installed, 'dist', 'ui', 'recent-notes-screen.js'), 'utf8')).toContain('from"@comptoir/shell"');
  });

  it('is not shown before it is enabled', async () => {
    server = await start();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
    await signIn(page, server.url);
    expect(await page.getByTestId('nav-notes/recent').count()).toBe(0);
    expect((await page.request.get(`${server.url}/plugins/notes/index.js`)).status()).toBe(404);
    await page.close();
    await server.stop();
    server = null;
  });

  it('is enabled by its package name with the CLI, and after a restart its screen is in the navigation and works', async () => {
    const listed = await runComptoir({ cli, cwd: shop, args: ['--data', join(shop, 'data'), 'plugins', 'list'] });
    expect(listed).toMatch(/disabled\s+notes\s+0\.1\.0\s+\(@comptoir-example\/shop-notes\)/);
    const enabled = await runComptoir({ cli, cwd: shop, args: ['--data', join(shop, 'data'), 'plugins', 'enable', 'shop-notes'] });
    expect(enabled).toContain("Plugin 'notes' enabled. Restart Comptoir for it to take effect.");

    server = await start();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await signIn(page, server.url);
    await expect.poll(() => page.getByTestId('nav-notes/recent').textContent()).toContain('Notes');
    await page.getByTestId('nav-notes/recent').click();

    const article = await page.evaluate(async () => (await (await fetch('/api/catalog/articles?pageSize=1')).json()).items[0]);
    await page.getByTestId('notes-code').fill(article.code);
    await page.getByTestId('notes-text').fill('Livraison prévue mardi');
    await page.getByTestId('notes-save').click();
    await expect.poll(() => page.getByTestId('notes-row').first().textContent(), { timeout: 10_000 }).toContain('Livraison prévue mardi');
    expect(await page.getByTestId('notes-row').first().textContent()).toContain(article.name);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('fills the zone beside the article form with the article’s notes, and adds one there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
    await signIn(page, server!.url);
    const article = await page.evaluate(async () => (await (await fetch('/api/catalog/articles?pageSize=1')).json()).items[0]);
    await page.goto(`${server!.url}/#/catalog/articles/${article.id}`);
    await expect.poll(() => page.getByTestId('article-name').inputValue(), { timeout: 15_000 }).toBe(article.name);
    const notes = page.getByTestId('article-notes-row');
    await expect.poll(() => notes.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('Livraison prévue mardi')]);

    await page.getByTestId('article-notes-text').fill('Mettre en avant près de la caisse');
    await page.getByTestId('article-notes-add').click();
    await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(2);
    expect(await notes.first().textContent()).toContain('Mettre en avant près de la caisse');
    // Stored through the plugin's API, as the notes screen shows it.
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/notes/articles/${id}`)).json()).notes.map((n: { text: string }) => n.text), article.id);
    expect(stored).toEqual(['Mettre en avant près de la caisse', 'Livraison prévue mardi']);
    await page.close();
  });
});
