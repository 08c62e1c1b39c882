import { describe, expect, it } from 'vitest';
import { validatePostalCode, validateVatNumber } from './domain/index.js';
import { failureText } from './messages.js';

// The domain speaks English; what a person reads is a sentence in their language, without English left inside.
describe('validation sentences', () => {
  it('say a Belgian postal code’s format in each language', () => {
    const r = validatePostalCode('12345', 'BE');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(failureText(r, '12345')).toEqual({
      fr: 'Code postal invalide (Belgique : 4 chiffres).',
      nl: 'Ongeldige postcode (België: 4 cijfers).',
      en: 'Invalid postal code (Belgium: 4 digits).',
    });
  });

  it('say a Belgian VAT number’s format in each language', () => {
    const r = validateVatNumber('BE12345');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = failureText(r, 'BE12345') as Record<string, string>;
    expect(text.fr).toBe('Format de numéro de TVA BE invalide (10 chiffres commençant par 0 ou 1).');
    expect(text.nl).toBe('Ongeldig formaat voor een BE-btw-nummer (10 cijfers die met 0 of 1 beginnen).');
  });
});
