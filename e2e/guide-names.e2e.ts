import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalog from '@comptoir/catalog';
import pricing from '@comptoir/pricing';
import pos from '@comptoir/pos';
import devices from '@comptoir/devices';
import invoicing from '@comptoir/invoicing';
import stock from '@comptoir/stock';
import { kernelUi } from '../shell/src/builtin.js';
import { shellMessages } from '../shell/src/i18n/messages.js';
import { messages as catalogMessages } from '../plugins/catalog/src/ui/messages.js';
import { messages as pricingMessages } from '../plugins/pricing/src/ui/messages.js';
import { messages as posMessages } from '../plugins/pos/src/ui/messages.js';
import { statsMessages as posStatsMessages } from '../plugins/pos/src/ui/stats/messages.js';
import { messages as devicesMessages } from '../plugins/devices/core/src/ui/messages.js';
import { messages as invoicingMessages } from '../plugins/invoicing/src/ui/messages.js';
import { messages as stockMessages } from '../plugins/stock/src/ui/messages.js';

// The README and the user guide call each screen by the name the navigation shows (French), so that a reader
// finds what the text tells them to open: "Réglages › Postes de caisse", not "Postes".
const fr: Record<string, string> = { ...shellMessages.fr, ...catalogMessages.fr, ...pricingMessages.fr, ...posMessages.fr, ...posStatsMessages.fr, ...devicesMessages.fr, ...invoicingMessages.fr, ...stockMessages.fr };
const screens = [...kernelUi.screens, ...(catalog.screens ?? []), ...(pricing.screens ?? []), ...(pos.screens ?? []), ...(devices.screens ?? []), ...(invoicing.screens ?? []), ...(stock.screens ?? [])] as { title: string; group?: string }[];
const groups = new Map<string, Set<string>>();
for (const s of screens) {
  const group = fr[s.group ?? 'nav.group.settings'] ?? '';
  if (!groups.has(group)) groups.set(group, new Set());
  groups.get(group)!.add(fr[s.title] ?? s.title);
}
const read = (file: string) => readFileSync(join(import.meta.dirname, '..', file), 'utf8');

describe('names of screens in the README and the user guide', () => {
  for (const file of ['README.md', 'docs/user-guide.md']) {
    it(`${file}: every “Menu › Screen” is a screen of that menu`, () => {
      const wrong: string[] = [];
      for (const m of read(file).matchAll(/\*([^*\n›]+) › ([^*\n]+)\*/g)) {
        const [group, screen] = [m[1]!.trim(), m[2]!.trim()];
        if (!groups.get(group)?.has(screen)) wrong.push(`${group} › ${screen}`);
      }
      expect(wrong, `menus: ${JSON.stringify([...groups].map(([g, s]) => [g, [...s]]))}`).toEqual([]);
    });
  }

  it('the guide’s list of the price screens names each by its title', () => {
    const section = read('docs/user-guide.md').split('## Prix')[1]!.split('\n## ')[0]!;
    const named = [...section.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(groups.get(fr['pricing.group']!), name).toContain(name);
  });
});
