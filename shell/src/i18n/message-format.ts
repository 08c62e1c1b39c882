/**
 * Messages with placeholders and plurals, in a small subset of ICU MessageFormat:
 *
 *   'Bonjour {name}'
 *   '{count, plural, =0 {aucune étiquette} one {# étiquette} other {# étiquettes}}'
 *
 * A plural picks `=N` when the number is exactly N, else the branch Intl.PluralRules names for the language
 * (`one`, `few`, `many`, `other`…), else `other`; `#` in the branch is the number written in the locale.
 * Branches may hold placeholders and further plurals. A placeholder without a value stays as written.
 */
import { formatNumberIn } from './format.js';

export type MessageParams = Record<string, string | number | null | undefined>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(language: string, n: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(n);
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branches of a plural: `=0 {…} one {…} other {…}`. */
function branches(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|[a-z]+)\s*\{/.exec(body.slice(i));
    if (!m) return /^\s*$/.test(body.slice(i)) ? out : null;
    const open = i + m[0].length - 1;
    const close = closing(body, open);
    if (close < 0) return null;
    out.set(m[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return out;
}

/** Fills a message's placeholders and plurals for a language (plural rules) and a locale (numbers). */
export function formatMessage(message: string, params: MessageParams | undefined, language: string, locale: string, hash?: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const close = closing(message, i);
    if (close < 0) {
      out += message.slice(i);
      break;
    }
    const inner = message.slice(i + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      const value = params?.[plural[1]!];
      const n = typeof value === 'number' ? value : Number(value);
      const options = branches(plural[2]!);
      if (options && value !== null && value !== undefined && value !== '' && Number.isFinite(n)) {
        const branch = options.get(`=${n}`) ?? options.get(pluralCategory(language, n)) ?? options.get('other') ?? '';
        out += formatMessage(branch, params, language, locale, formatNumberIn(locale, n));
      } else {
        out += message.slice(i, close + 1);
      }
    } else if (/^\w+$/.test(inner)) {
      const v = params?.[inner];
      out += v === undefined || v === null ? `{${inner}}` : String(v);
    } else {
      out += message.slice(i, close + 1);
    }
    i = close + 1;
  }
  return out;
}

/** The placeholder names a message uses, plurals' included, sorted (to compare languages). */
export function messageParams(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|\})/g)) names.add(m[1]!);
  return [...names].sort();
}
