/**
 * The shop's own VAT number, checked for its country (BE or FR): the check digits of a Belgian enterprise
 * number (97 − first 8 digits mod 97) and the key of a French one ((12 + 3 × (SIREN mod 97)) mod 97). Returns the
 * number written the normal way ('BE0412345614'), or null when it is not valid. Spaces and dots are ignored.
 */
export function normalizeShopVatNumber(raw: string, country: 'BE' | 'FR' | string): string | null {
  let n = raw.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}/.test(n)) n = country + n;
  if (n.startsWith('BE')) {
    let digits = n.slice(2);
    if (/^[1-9]\d{8}$/.test(digits)) digits = `0${digits}`;
    if (!/^[01]\d{9}$/.test(digits)) return null;
    return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8)) ? `BE${digits}` : null;
  }
  if (n.startsWith('FR')) {
    const m = /^FR([0-9A-HJ-NP-Z]{2})(\d{9})$/.exec(n);
    if (!m) return null;
    // Keys with letters (for a few old numbers) have no public check; digits must match.
    if (/^\d{2}$/.test(m[1]) && (12 + 3 * (Number(m[2]) % 97)) % 97 !== Number(m[1])) return null;
    return n;
  }
  return null;
}
