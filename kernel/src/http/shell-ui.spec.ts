import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugin/define.js';
import { importMapOf, isPageUrl, uiCatalogue, withImportMap } from './shell-ui.js';
import { pickEncoding } from './static-files.js';

const dir = mkdtempSync(join(tmpdir(), 'comptoir-ui-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the import map', () => {
  it('maps each shared module to the file the shell’s build wrote for it', () => {
    const shell = join(dir, 'shell');
    mkdirSync(join(shell, 'assets'), { recursive: true });
    writeFileSync(join(shell, 'assets', 'shared-lit-a1.js'), '');
    writeFileSync(join(shell, 'assets', 'shared-lit-decorators-b2.js'), '');
    writeFileSync(join(shell, 'shared-modules.json'), JSON.stringify({ lit: 'assets/shared-lit-a1.js', 'lit/decorators.js': 'assets/shared-lit-decorators-b2.js' }));
    expect(importMapOf(shell)).toEqual({ imports: { lit: '/assets/shared-lit-a1.js', 'lit/decorators.js': '/assets/shared-lit-decorators-b2.js' } });
  });

  it('refuses a list naming a file the build did not write, and says to rebuild', () => {
    const shell = join(dir, 'stale');
    mkdirSync(shell, { recursive: true });
    writeFileSync(join(shell, 'shared-modules.json'), JSON.stringify({ lit: 'assets/shared-lit-gone.js' }));
    expect(() => importMapOf(shell)).toThrow('rebuild the shell');
    expect(importMapOf(join(dir, 'nothing-here'))).toBeNull();
  });

  it('goes before the first module script or preload, with < escaped', () => {
    const html = '<head><title>x</title>\n<link rel="modulepreload" href="/a.js"><script type="module" src="/b.js"></script></head>';
    const out = withImportMap(html, { imports: { '</script>': '/x.js' } });
    expect(out.indexOf('importmap')).toBeLessThan(out.indexOf('modulepreload'));
    expect(out).toContain('{"imports":{"\\u003c/script>":"/x.js"}}');
    expect(() => withImportMap('<head></head>', { imports: {} })).toThrow('no <script>');
  });
});

describe('page addresses', () => {
  it.each([['/', true], ['/catalog/articles', true], ['/?x=1', true], ['/assets/a.js', false], ['/plugins/notes/index.js', false], ['/api/session', false], ['/favicon.ico', false]])(
    '%s is a page: %s', (url, page) => expect(isPageUrl(url as string)).toBe(page));
});

describe('content negotiation', () => {
  it.each([
    ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['*', 'br'], ['identity', 'identity'], [undefined, 'identity'], ['br;q=0,gzip;q=0', 'identity'],
  ])('Accept-Encoding %s → %s', (header, encoding) => expect(pickEncoding(header)).toBe(encoding));
});

describe('the UI catalogue', () => {
  const ui = join(dir, 'notes-ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'recent.js'), '');
  const notes = definePlugin({
    name: 'notes', version: '1.0.0', kernel: '*',
    screens: [
      { path: 'notes/recent', tag: 'cpt-notes-recent', module: 'recent.js', title: 'notes.title', permission: 'catalog.read' },
      { path: 'notes/old', tag: 'cpt-notes-old', module: 'old.js', title: 'notes.title', permission: 'catalog.read' },
    ],
  });

  it('gives module URLs under /plugins/<name>/, leaves out what was not built and says how to build it', () => {
    const warnings: string[] = [];
    const [entry] = uiCatalogue([notes], { notes: ui }, (m) => warnings.push(m));
    expect(entry).toMatchObject({ name: 'notes', base: '/plugins/notes/', entry: null });
    expect(entry.screens.map((s) => s.module)).toEqual(['/plugins/notes/recent.js']);
    expect(warnings).toEqual([expect.stringContaining("screen 'notes/old' needs old.js")]);
    expect(warnings[0]).toContain('comptoir-dev ui');
  });

  it('leaves out a plugin whose package has no UI folder, with a warning', () => {
    const warnings: string[] = [];
    expect(uiCatalogue([notes], {}, (m) => warnings.push(m))).toEqual([]);
    expect(warnings[0]).toContain("Plugin 'notes' declares screens or widgets but its package has no built UI folder");
  });
});
