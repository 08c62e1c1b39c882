import { describe, expect, it } from 'vitest';
import { shellMessages } from './messages.js';
import { I18n } from './i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('shell messages', () => {
  const fr = shellMessages.fr!;
  for (const lang of ['nl', 'en'] as const) {
    it(`${lang} has the same keys and placeholders as fr`, () => {
      const other = shellMessages[lang]!;
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const k of Object.keys(fr)) expect(placeholders(other[k]), k).toEqual(placeholders(fr[k]));
    });
  }
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

  it('derives the locale from language and shop country', () => {
    const i = new I18n();
    i.setShop({ country: 'FR', currency: 'EUR' });
    expect(i.locale).toBe('fr-FR');
    i.setLanguage('nl');
    i.setShop({ country: 'BE' });
    expect(i.locale).toBe('nl-BE');
  });
});
