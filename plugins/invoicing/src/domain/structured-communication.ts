/**
 * The Belgian structured communication (« communication structurée », OGM/VCS): 10 digits and their mod-97
 * check (97 when the remainder is 0), written +++123/4567/89012+++. A bank transfer carrying it is matched to
 * its invoice without reading a name.
 */

/** The 12 digits for a 10-digit base (the base must be 1 to 9,999,999,999). */
export function structuredDigits(base: number): string {
  if (!Number.isInteger(base) || base < 1 || base > 9_999_999_999) throw new RangeError(`structured communication base out of range: ${base}`);
  const check = base % 97 || 97;
  return `${String(base).padStart(10, '0')}${String(check).padStart(2, '0')}`;
}

/** The communication of an invoice: two digits of its year and eight of its number in the series. */
export function invoiceCommunication(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999_999) throw new RangeError(`invoice number out of range: ${seq}`);
  return structuredDigits((year % 100) * 100_000_000 + seq);
}

/** +++123/4567/89012+++ from 12 digits. */
export function formatStructured(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7, 12)}+++`;
}

/** True when the text (with or without +++, slashes, spaces) is a valid structured communication. */
export function isStructured(text: string): boolean {
  const digits = text.replace(/[+/*\s]/g, '');
  if (!/^\d{12}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 10));
  return base > 0 && structuredDigits(base) === digits;
}
