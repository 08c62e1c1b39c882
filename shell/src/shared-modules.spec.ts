import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_MODULES, sharedEntryName, uiEntries } from '../vite-plugin.mjs';

describe('what the shell shares with plugin UIs', () => {
  it('is @comptoir/shell, lit and every module lit exports, without its polyfill', () => {
    expect(SHARED_MODULES).toEqual(expect.arrayContaining(['@comptoir/shell', 'lit', 'lit/decorators.js', 'lit/directives/repeat.js', 'lit/static-html.js']));
    expect(SHARED_MODULES.filter((s) => s.includes('polyfill'))).toEqual([]);
    expect(new Set(SHARED_MODULES.map(sharedEntryName)).size).toBe(SHARED_MODULES.length);
    expect(sharedEntryName('lit/directives/class-map.js')).toBe('shared-lit-directives-class-map');
  });
});

describe('a plugin UI’s modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-ui-entries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are the top-level modules of src/ui, not specs, declarations or sub-folders', () => {
    for (const f of ['index.ts', 'notes-screen.ts', 'helper.js', 'notes-screen.spec.ts', 'types.d.ts', 'README.md']) writeFileSync(join(dir, f), '');
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts', 'inner.ts'), '');
    expect(Object.keys(uiEntries(dir))).toEqual(['helper', 'index', 'notes-screen']);
  });
});
