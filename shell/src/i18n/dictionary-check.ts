/**
 * Checks a plugin's (or the shell's) messages: every key in French, Dutch and English, the same placeholders
 * in each, no empty text, and every key the code asks for (`t('…')`) present. Pure functions, no DOM: a
 * plugin's unit test imports them from `@comptoir/shell/i18n-check`.
 */
import type { Dictionaries } from './i18n.js';
import { messageParams } from './message-format.js';
import { shellMessages } from './messages.js';

export { shellMessages };

const LANGUAGES = ['fr', 'nl', 'en'] as const;

/** The message keys a source file asks for with a literal key, as in t(«catalog.articles.title») (comments too). */
export function keysUsed(source: string): string[] {
  return [...new Set([...source.matchAll(/\bt\(\s*(['"])([A-Za-z][\w.-]*)\1/g)].map((m) => m[2]!))];
}

/**
 * What is wrong with a set of dictionaries, one sentence each (empty when all is well). `sources` are the
 * texts of the files that call t(); `known` are other dictionaries those files may use (the shell's).
 */
export function dictionaryProblems(dicts: Dictionaries, sources: string[] = [], known: Dictionaries[] = [shellMessages]): string[] {
  const problems: string[] = [];
  const keys = new Set(LANGUAGES.flatMap((l) => Object.keys(dicts[l] ?? {})));
  for (const key of [...keys].sort()) {
    const fr = dicts.fr?.[key];
    for (const lang of LANGUAGES) {
      const text = dicts[lang]?.[key];
      if (text === undefined) problems.push(`${lang} lacks '${key}'`);
      else if (text.trim() === '') problems.push(`${lang} '${key}' is empty`);
      else if (fr !== undefined && lang !== 'fr' && messageParams(text).join() !== messageParams(fr).join()) {
        problems.push(`${lang} '${key}' has {${messageParams(text).join(', ')}}, fr has {${messageParams(fr).join(', ')}}`);
      }
    }
  }
  const available = new Set([...keys, ...known.flatMap((d) => Object.keys(d.fr ?? {}))]);
  for (const source of sources) {
    for (const key of keysUsed(source)) if (!available.has(key)) problems.push(`'${key}' is asked for but has no message`);
  }
  return [...new Set(problems)];
}
