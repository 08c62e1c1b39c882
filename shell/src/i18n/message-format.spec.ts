import { describe, expect, it } from 'vitest';
import { formatMessage, messageParams } from './message-format.js';

describe('messages with plurals', () => {
  const labels = '{labels, plural, =0 {aucune étiquette} one {# étiquette} other {# étiquettes}} sur {pages, plural, one {# page} other {# pages}}.';

  it('picks the branch of the number in French, Dutch and English', () => {
    expect(formatMessage(labels, { labels: 0, pages: 1 }, 'fr', 'fr-BE')).toBe('aucune étiquette sur 1 page.');
    expect(formatMessage(labels, { labels: 1, pages: 1 }, 'fr', 'fr-BE')).toBe('1 étiquette sur 1 page.');
    expect(formatMessage(labels, { labels: 24, pages: 2 }, 'fr', 'fr-BE')).toBe('24 étiquettes sur 2 pages.');
    expect(formatMessage('{n, plural, one {# etiket} other {# etiketten}}', { n: 1 }, 'nl', 'nl-BE')).toBe('1 etiket');
    expect(formatMessage('{n, plural, one {# label} other {# labels}}', { n: 0 }, 'en', 'en-BE')).toBe('0 labels');
  });

  it('writes # in the shop’s locale and keeps plain placeholders', () => {
    expect(formatMessage('{n, plural, one {# ligne} other {# lignes}} de {file}', { n: 1234, file: 'tarif.csv' }, 'fr', 'fr-BE')).toBe('1\u202f234 lignes de tarif.csv');
    expect(formatMessage('{n, plural, one {# row} other {# rows}}', { n: 1234 }, 'en', 'en-GB')).toBe('1,234 rows');
  });

  it('French says 0 and 1 in the singular, English only 1', () => {
    expect(formatMessage('{n, plural, one {# essai} other {# essais}}', { n: 0 }, 'fr', 'fr-BE')).toBe('0 essai');
    expect(formatMessage('{n, plural, one {# attempt} other {# attempts}}', { n: 0 }, 'en', 'en-BE')).toBe('0 attempts');
  });

  it('leaves a message without its number as written, and plain ones as before', () => {
    expect(formatMessage('{n, plural, one {# a} other {# b}}', {}, 'fr', 'fr-BE')).toBe('{n, plural, one {# a} other {# b}}');
    expect(formatMessage('Bonjour {name} {missing}', { name: 'Marie' }, 'fr', 'fr-BE')).toBe('Bonjour Marie {missing}');
    expect(formatMessage('Code-barres lu : {code}', { code: '5410' }, 'fr', 'fr-BE')).toBe('Code-barres lu : 5410');
  });

  it('lists the placeholders, plurals included', () => {
    expect(messageParams(labels)).toEqual(['labels', 'pages']);
    expect(messageParams('{a} et {b, plural, one {# x {c}} other {#}}')).toEqual(['a', 'b', 'c']);
  });
});
