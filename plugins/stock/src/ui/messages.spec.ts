import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaryProblems } from '@comptoir/shell/i18n-check';
import { messages } from './messages.js';

// A key missing in one language, placeholders that differ, or a key the screens ask for without a message fail here.
describe('the UI’s messages', () => {
  it('have every key in fr, nl and en, the same placeholders, and every key the screens ask for', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(dictionaryProblems(messages, sources)).toEqual([]);
  });
});
