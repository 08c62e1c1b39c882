import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('the valuation’s CSV', () => {
  it('is UTF-8 with a BOM, `;` and a decimal comma in French, `,` and a point in English; formulas written as text', () => {
    const rows = [[{ text: 'Article' }, { text: 'Valeur' }], [{ text: '=Bière; blonde' }, { money: 123456 }], [{ quantity: 1500 }, { money: -5 }]];
    expect(toCsv(rows, 'fr')).toBe('\uFEFFArticle;Valeur\r\n"\'=Bière; blonde";1234,56\r\n1,5;-0,05\r\n');
    expect(toCsv([[{ quantity: 2000 }, null, { money: 7 }]], 'en')).toBe('\uFEFF2,,0.07\r\n');
  });
});
