import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaryProblems } from '@comptoir/shell/i18n-check';
import type { Dictionaries } from '@comptoir/shell';
import { messages } from './messages.js';
import { backMessages } from './back-messages.js';
import { closureMessages } from './closure-messages.js';
import { statsMessages } from './stats/messages.js';
import { saleMessages } from './sale-messages.js';
import { approvalMessages } from './approval-messages.js';
import { invoiceMessages } from './invoice-messages.js';

// A key missing in one language, placeholders that differ, or a key the screens ask for without a message fail here.
describe('the till’s UI messages', () => {
  it('have every key in fr, nl and en, the same placeholders, and every key the screens ask for', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const all: Dictionaries = Object.fromEntries((['fr', 'nl', 'en'] as const).map((l) => [l, { ...messages[l], ...backMessages[l], ...closureMessages[l], ...statsMessages[l], ...saleMessages[l], ...approvalMessages[l], ...invoiceMessages[l] }]));
    expect(dictionaryProblems(all, sources)).toEqual([]);
  });

  it('gives each new screen’s keys once, not over the sale screen’s', () => {
    for (const extra of [backMessages, closureMessages, statsMessages, saleMessages, approvalMessages, invoiceMessages]) {
      for (const key of Object.keys(extra.fr ?? {})) expect(messages.fr, key).not.toHaveProperty(key);
    }
  });
});
