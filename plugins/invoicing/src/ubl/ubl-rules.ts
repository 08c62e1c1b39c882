import { vatCategory, type UblDocument } from './model.js';

/** Half-up, symmetric for negatives, on integers (BigInt inside). */
function halfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const q = ((neg ? -n : n) * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** True when a Belgian enterprise number (10 digits, 0 or 1 first) has its mod-97 check digits right (EAS 0208). */
export function isBelgianEnterpriseNumber(id: string): boolean {
  if (!/^[01]\d{9}$/.test(id)) return false;
  return 97 - (Number(id.slice(0, 8)) % 97) === Number(id.slice(8));
}

/**
 * The EN 16931 and Peppol BIS 3.0 business rules this document can be checked against here: totals (BR-CO-10,
 * 13, 14, 15, 16), the VAT breakdown (BR-S-08/09, BR-Z-08/09, BR-CO-17), line nets (PEPPOL-EN16931-R120), allowances
 * with a reason (BR-33, BR-42), mandatory parties and addresses (BR-06, 07, 08, 09, 10, 11, PEPPOL-EN16931-R010/R020),
 * a credit note's invoice reference, and the Belgian enterprise number (0208, mod 97). Returns the broken rules.
 */
export function ublViolations(d: UblDocument): string[] {
  const out: string[] = [];
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  if (sum(d.lines.map((l) => l.net)) !== d.lineExtension) out.push('BR-CO-10: line extension amount ≠ Σ line net amounts');
  if (d.allowanceTotal !== sum(d.allowances.map((a) => a.amount))) out.push('BR-CO-11: allowance total ≠ Σ document allowances');
  if (d.taxExclusive !== d.lineExtension - d.allowanceTotal) out.push('BR-CO-13: tax exclusive amount ≠ lines − allowances');
  if (d.taxTotal !== sum(d.taxSubtotals.map((s) => s.tax))) out.push('BR-CO-14: VAT total ≠ Σ VAT category amounts');
  if (d.taxInclusive !== d.taxExclusive + d.taxTotal) out.push('BR-CO-15: tax inclusive amount ≠ tax exclusive + VAT');
  if (d.payable !== d.taxInclusive) out.push('BR-CO-16: amount due ≠ tax inclusive amount');
  const rates = new Set([...d.lines.map((l) => l.rate), ...d.allowances.map((a) => a.rate)]);
  for (const rate of rates) {
    const cat = vatCategory(rate);
    const sub = d.taxSubtotals.find((s) => s.rate === rate);
    if (!sub) { out.push(`BR-${cat}-01: no VAT breakdown for ${cat} ${rate / 100} %`); continue; }
    const taxable = sum(d.lines.filter((l) => l.rate === rate).map((l) => l.net)) - sum(d.allowances.filter((a) => a.rate === rate).map((a) => a.amount));
    if (sub.taxable !== taxable) out.push(`BR-${cat}-08: taxable amount at ${rate / 100} % ≠ Σ its lines − allowances`);
    const tax = Number(halfUp(BigInt(sub.taxable) * BigInt(rate), 10000n));
    if (sub.tax !== tax) out.push(`BR-${cat}-09 / BR-CO-17: VAT at ${rate / 100} % ≠ taxable amount × rate`);
  }
  if (d.taxSubtotals.length !== rates.size) out.push('BR-CO-18: a VAT breakdown without lines');
  for (const l of d.lines) {
    const computed = Number(halfUp(BigInt(l.quantity) * BigInt(l.price), BigInt(l.baseQuantity))) - l.allowance;
    if (computed !== l.net) out.push(`PEPPOL-EN16931-R120: line ${l.id} net ≠ quantity × price − allowance`);
    if (!l.name) out.push(`BR-25: line ${l.id} without an item name`);
  }
  for (const a of d.allowances) if (!a.reason) out.push('BR-33: a document allowance without a reason');
  if (!d.lines.length) out.push('BR-16: no invoice line');
  for (const [who, p, rule] of [['seller', d.seller, 'BR-06/08/09'], ['buyer', d.buyer, 'BR-07/10/11']] as const) {
    if (!p.name) out.push(`${rule}: the ${who} has no name`);
    if (!/^[A-Z]{2}$/.test(p.country)) out.push(`${rule}: the ${who}'s address has no country code`);
    if (!p.endpoint) out.push(`PEPPOL-EN16931-${who === 'seller' ? 'R020' : 'R010'}: the ${who} has no electronic address`);
    else if (p.endpoint.scheme === '0208' && !isBelgianEnterpriseNumber(p.endpoint.id)) out.push(`PEPPOL-COMMON-R043: the ${who}'s enterprise number ${p.endpoint.id} fails its mod-97 check`);
  }
  if (!d.seller.vatNumber) out.push('BR-S-02: the seller has no VAT number');
  if (d.kind === 'credit_note' && !d.billingReference) out.push('a credit note names the invoice it corrects');
  return out;
}
