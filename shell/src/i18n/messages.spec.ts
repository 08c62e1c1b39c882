import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellMessages } from './messages.js';
import { I18n } from './i18n.js';
import { dictionaryProblems, keysUsed } from './dictionary-check.js';
import { printMessages } from '../screens/print-messages.js';
import type { Dictionaries } from './i18n.js';

/** The shell's source files (not the specs), as text. */
function sources(): string[] {
  const root = join(import.meta.dirname, '..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => readFileSync(join(root, f), 'utf8'));
}

describe('shell messages', () => {
  it('every key in fr, nl and en with the same placeholders, and every key the shell asks for exists', () => {
    // The shell's dictionaries: its own and the ones a screen adds when it loads (the print screen's).
    const all: Dictionaries = Object.fromEntries((['fr', 'nl', 'en'] as const).map((l) => [l, { ...shellMessages[l], ...printMessages[l] }]));
    expect(dictionaryProblems(all, sources(), [])).toEqual([]);
  });

  it('the check names a key missing in one language, a placeholder that differs, a key asked for but absent', () => {
    const problems = dictionaryProblems(
      { fr: { 'a.b': 'Bonjour {name}', 'a.c': '{n, plural, one {# x} other {# xs}}' }, nl: { 'a.b': 'Hallo {naam}' }, en: { 'a.b': 'Hello {name}', 'a.c': '{n} x' } },
      ["t('a.b'); t('a.missing', { x: 1 })"],
      [],
    );
    expect(problems).toEqual(["nl 'a.b' has {naam}, fr has {name}", "nl lacks 'a.c'", "'a.missing' is asked for but has no message"]);
    expect(keysUsed(`t('x.y') t("z") t(key) t(\`a.\${b}\`)`)).toEqual(['x.y', 'z']);
  });
});

describe('I18n', () => {
  it('translates with fallback and interpolation', () => {
    const i = new I18n();
    i.addMessages({ fr: { a: 'Bonjour {name}', b: 'seulement fr' }, en: { a: 'Hello {name}' } });
    expect(i.t('a', { name: 'Marie' })).toBe('Bonjour Marie');
    i.setLanguage('en');
    expect(i.t('a', { name: 'Marie' })).toBe('Hello Marie');
    expect(i.t('b')).toBe('seulement fr');
    expect(i.t('missing.key')).toBe('missing.key');
    expect(i.text({ fr: 'Articles', nl: 'Artikelen', en: 'Items' })).toBe('Items');
  });

  it('says plurals properly in each language', () => {
    const i = new I18n();
    i.addMessages(shellMessages);
    expect(i.t('keypad.digits', { count: 0 })).toBe('aucun chiffre saisi');
    expect(i.t('keypad.digits', { count: 1 })).toBe('1 chiffre saisi');
    expect(i.t('keypad.digits', { count: 4 })).toBe('4 chiffres saisis');
    i.setLanguage('nl');
    expect(i.t('keypad.digits', { count: 1 })).toBe('1 cijfer ingevoerd');
    i.setLanguage('en');
    expect(i.t('keypad.digits', { count: 4 })).toBe('4 digits entered');
  });

  it('derives the locale from language and shop country', () => {
    const i = new I18n();
    i.setShop({ country: 'FR', currency: 'EUR' });
    expect(i.locale).toBe('fr-FR');
    i.setLanguage('nl');
    i.setShop({ country: 'BE' });
    expect(i.locale).toBe('nl-BE');
  });
});
