import { describe, expect, it } from 'vitest';
import { parseContent } from './content.js';

describe('parseContent', () => {
  it.each([
    ['Triple d’Abbaye 33 cl', { quantity: 330, unit: 'l' }],
    ['Eau plate 1,5 l', { quantity: 1500, unit: 'l' }],
    ['Abbaye de Clairval Blonde 6 × 33 cl', { quantity: 1980, unit: 'l' }],
    ['Rioja Crianza rouge 2020 37,5 cl', { quantity: 375, unit: 'l' }],
    ['Café en grains 250 g', { quantity: 250, unit: 'kg' }],
    ['Boulgour 1 kg', { quantity: 1000, unit: 'kg' }],
    ['Shampooing 200 ml', { quantity: 200, unit: 'l' }],
    ['4x25cl', { quantity: 1000, unit: 'l' }],
  ])('%s', (text, expected) => expect(parseContent(text)).toEqual(expected));

  it('finds nothing in names without a content', () => {
    expect(parseContent('Bouillon de bœuf 12 cubes')).toBeNull();
    expect(parseContent('Couque au beurre 1 pièce')).toBeNull();
    expect(parseContent('Lot de 2 glaces')).toBeNull();
  });
});
