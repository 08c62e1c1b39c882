import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A third party's plugin lives in its own folder, not in this repository: `comptoir-dev` (package @comptoir/dev)
 * must build its browser UI and write its migrations from there. The folder is a copy of examples/shop-notes
 * (package.json, tsconfig.json, src/) outside the workspace; its node_modules holds what `npm install` would put
 * there for its devDependencies, here links to this workspace's built packages (@comptoir/kernel, catalog,
 * shell, dev). Needs `pnpm build` first, and PostgreSQL for the migration (a scratch database, dropped after).
 */
const repo = join(import.meta.dirname, '..');

describe('comptoir-dev in a plugin’s own folder, outside this repository', () => {
  let work: string;
  let plugin: string;
  const comptoirDev = (...args: string[]) =>
    spawnSync(process.execPath, [join(plugin, 'node_modules', '@comptoir', 'dev', 'dist', 'cli.js'), ...args], { cwd: plugin, encoding: 'utf8' });

  beforeAll(() => {
    if (!existsSync(join(repo, 'tools', 'dev', 'dist', 'cli.js'))) throw new Error('tools/dev/dist/cli.js is missing: run `pnpm build` first.');
    work = mkdtempSync(join(tmpdir(), 'comptoir-dev-'));
    plugin = join(work, 'shop-notes');
    mkdirSync(join(plugin, 'node_modules', '@comptoir'), { recursive: true });
    for (const part of ['package.json', 'tsconfig.json', 'src']) cpSync(join(repo, 'examples', 'shop-notes', part), join(plugin, part), { recursive: true });
    for (const [name, folder] of Object.entries({ kernel: 'kernel', catalog: 'plugins/catalog', shell: 'shell', dev: 'tools/dev' })) {
      symlinkSync(join(repo, folder), join(plugin, 'node_modules', '@comptoir', name), 'dir');
    }
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds the UI: one module per file of src/ui, sharing the shell’s Lit instead of bundling a copy', () => {
    const run = comptoirDev('ui');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const sources = readdirSync(join(plugin, 'src', 'ui')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.js')).sort();
    const built = readdirSync(join(plugin, 'dist', 'ui')).filter((f) => f.endsWith('.js')).sort();
    expect(built).toEqual(sources);
    const screen = readFileSync(join(plugin, 'dist', 'ui', 'recent-notes-screen.js'), 'utf8');
    expect(screen).toMatch(/from"@comptoir\/shell"/);
    // Lit's own code announces its version on globalThis: a bundled copy would carry it.
    for (const f of built) expect(readFileSync(join(plugin, 'dist', 'ui', f), 'utf8')).not.toContain('litElementVersions');
    // Compressed copies for the server to send as they are.
    expect(existsSync(join(plugin, 'dist', 'ui', 'recent-notes-screen.js.br'))).toBe(true);
  });

  it('refuses to bundle a piece of Lit the shell does not share, and says what to import instead', () => {
    writeFileSync(join(plugin, 'src', 'ui', 'odd-widget.ts'), "import { render } from 'lit-html';\nexport const draw = render;\n");
    try {
      const run = comptoirDev('ui');
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain("imports 'lit-html', which the shell does not share");
    } finally {
      rmSync(join(plugin, 'src', 'ui', 'odd-widget.ts'));
    }
  });

  it('writes the next migration of both dialects from a changed entity', () => {
    const entity = join(plugin, 'src', 'entities', 'article-note.entity.ts');
    writeFileSync(entity, readFileSync(entity, 'utf8').replace("    automatic: { type: 'boolean' },\n", "    automatic: { type: 'boolean' },\n    pinned: { type: 'boolean', default: false },\n"));
    const run = comptoirDev('migration', 'note-pinned');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const sqlite = readFileSync(join(plugin, 'src', 'migrations', 'sqlite', '0002-note-pinned.ts'), 'utf8');
    const postgresql = readFileSync(join(plugin, 'src', 'migrations', 'postgresql', '0002-note-pinned.ts'), 'utf8');
    expect(sqlite).toContain("defineMigration('0002-note-pinned', [\n  \"alter table `notes_article_note` add column `pinned` integer not null default false\",\n]);");
    expect(postgresql).toContain('"alter table \\"notes_article_note\\" add column \\"pinned\\" boolean not null default false",');
    // Only the plugin's own tables: the catalogue's hand-written full-text index is not dropped by another plugin.
    expect(postgresql).not.toMatch(/catalog_/);
    expect(sqlite).not.toMatch(/catalog_/);
    const index = readFileSync(join(plugin, 'src', 'migrations', 'index.ts'), 'utf8');
    expect(index).toContain('sqlite: [s0001, s0002],');
    expect(index).toContain('postgresql: [p0001, p0002],');
    // Nothing left to generate once the migration exists.
    const again = comptoirDev('migration', 'nothing-new');
    expect(again.stdout).toContain('The schema already matches the entities: no migration written.');
    expect(existsSync(join(plugin, 'src', 'migrations', 'sqlite', '0003-nothing-new.ts'))).toBe(false);
  });
});
