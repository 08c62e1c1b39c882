import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * docs/plugin-guide.md quotes this example. A code block whose info string names a file of the example
 * (```ts examples/shop-notes/src/plugin.ts) must still be in that file: its parts, separated by elision lines
 * ("// …"), appear in the file in that order, character for character.
 */
const root = new URL('../../../', import.meta.url);
const guide = readFileSync(new URL('docs/plugin-guide.md', root), 'utf8');
const quotes = [...guide.matchAll(/^```\w+ (examples\/shop-notes\/\S+)\n([\s\S]*?)^```$/gm)].map((m, i) => ({
  n: i + 1, file: m[1], body: m[2],
}));

describe('docs/plugin-guide.md', () => {
  it('quotes the example', () => {
    expect(quotes.length).toBeGreaterThan(10);
  });

  it.each(quotes)('quote $n is still in $file', ({ file, body }) => {
    const source = readFileSync(new URL(file, root), 'utf8');
    const parts = body.split(/^[ \t]*\/\/ …\n/m).map((p) => p.replace(/^\n+|\n+$/g, '')).filter(Boolean);
    let from = 0;
    for (const part of parts) {
      const at = source.indexOf(part, from);
      expect(at, `not found in ${file} (in this order):\n${part}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
  });
});
