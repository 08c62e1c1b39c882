import { describe, it, expect } from 'vitest';
import { defaultNomenclature, encodeScan, parseScan, type BarcodeRule } from './nomenclature.js';
import { scanFailureText } from '../messages.js';

// Decision (plugins/pricing/README.md, "Decisions"): a label of 0 g or 0,00 € is refused, never sold for nothing.
const defaults = defaultNomenclature();
const volume: BarcodeRule = { name: 'Vrac liquide', type: 'weight', pattern: '25AAAAAVVVVVC' };
const code = (rule: BarcodeRule, fields: Parameters<typeof encodeScan>[1]) => {
  const r = encodeScan(rule, fields);
  if (!r.ok) throw new Error(r.message);
  return r.barcode;
};
const weighed = defaults.find((r) => r.name === 'Weighed article')!;
const verified = defaults.find((r) => r.name === 'Priced article (verified)')!;
const priced = defaults.find((r) => r.name === 'Priced article')!;

describe('labels that would sell for nothing', () => {
  it('refuses a scale label of 0 g, and says what to do in three languages', () => {
    const label = code(weighed, { articleRef: '01003', weight: 0 });
    const result = parseScan(label, defaults);
    expect(result).toEqual({ ok: false, code: 'SCAN_ZERO_QUANTITY', message: `${label} matches 'Weighed article' but carries a quantity of 0`, params: { code: label, rule: 'Weighed article', unit: 'g' } });
    expect(result.ok ? null : scanFailureText(result)).toEqual({
      fr: `${label} (« Weighed article ») indique 0 g : pesez à nouveau l’article et imprimez une nouvelle étiquette.`,
      nl: `${label} ('Weighed article') vermeldt 0 g: weeg het artikel opnieuw en druk een nieuw etiket af.`,
      en: `${label} ('Weighed article') shows 0 g: weigh the article again and print a new label.`,
    });
  });

  it('refuses a volume label of 0 ml', () => {
    const label = code(volume, { articleRef: '00042', volume: 0 });
    expect(parseScan(label, [volume])).toMatchObject({ ok: false, code: 'SCAN_ZERO_QUANTITY', params: { unit: 'ml' } });
    expect(parseScan(code(volume, { articleRef: '00042', volume: 1 }), [volume])).toMatchObject({ ok: true, volume: 1 });
  });

  it('refuses a price label of 0,00 €, with or without the price check digit', () => {
    for (const rule of [verified, priced]) {
      const label = code(rule, { articleRef: '01003', price: 0 });
      const result = parseScan(label, defaults);
      expect(result).toMatchObject({ ok: false, code: 'SCAN_ZERO_PRICE', message: `${label} matches '${rule.name}' but carries a price of 0`, params: { code: label, rule: rule.name } });
      expect(result.ok ? null : scanFailureText(result)).toEqual({
        fr: `${label} (« ${rule.name} ») indique un prix de 0,00 € : imprimez une nouvelle étiquette ou tapez le prix.`,
        nl: `${label} ('${rule.name}') vermeldt een prijs van 0,00 €: druk een nieuw etiket af of typ de prijs.`,
        en: `${label} ('${rule.name}') shows a price of €0.00: print a new label or type the price.`,
      });
    }
  });

  it('reads the smallest labels that are not nothing: 1 g and 0,01 €', () => {
    expect(parseScan(code(weighed, { articleRef: '01003', weight: 1 }), defaults)).toMatchObject({ ok: true, weight: 1 });
    expect(parseScan(code(priced, { articleRef: '01003', price: 1 }), defaults)).toMatchObject({ ok: true, price: 1 });
  });
});
