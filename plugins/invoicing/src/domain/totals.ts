import type { CountryCode } from '@comptoir/kernel';
import { saleTotals, type SaleDocument, type SaleLine, type SaleTotals } from '@comptoir/sales';
import type { InvoicingLine } from '../entities/line.entity.js';

/** What the totals need of a stored document. */
export interface TotalsSource {
  pricesIncludeVat: boolean;
  discountRate: number | null;
  discountAmount: number | null;
  country: string;
  customerId: number | null;
  date: string | null;
}

/** A stored article line as the sale contract's line (its price as stored: nobody reprices it). */
export function saleLineOf(l: InvoicingLine): SaleLine {
  return {
    id: `L${l.id}`, articleId: l.articleId, description: l.description, code: l.code || null, quantity: l.quantity, unitPrice: l.unitPrice,
    includesVat: l.includesVat, vatRate: l.vatRate, fixedAmount: l.fixedAmount, discountRate: l.discountRate, discountAmount: l.discountAmount,
    priceFixed: true, priceSource: null, origin: l.origin, parentLineId: l.parentLineId === null ? null : `L${l.parentLineId}`, ext: JSON.parse(l.ext || '{}') as Record<string, unknown>,
  };
}

/** A stored document as the sale contract's document (article lines only: text, sections and subtotals carry no amount). */
export function saleDocumentOf(doc: TotalsSource, lines: readonly InvoicingLine[], today: string): SaleDocument {
  const discount = doc.discountRate !== null ? { rate: doc.discountRate } : doc.discountAmount !== null ? { amount: doc.discountAmount } : null;
  return {
    channel: 'invoice', customerId: doc.customerId, date: doc.date ?? today, country: (doc.country === 'FR' ? 'FR' : 'BE') as CountryCode,
    pricesIncludeVat: doc.pricesIncludeVat, discount, resolved: [], ext: {},
    lines: lines.filter((l) => l.kind === 'article').map(saleLineOf),
  };
}

/** The document's totals: lines on the document's side of VAT, the discount spread over rates, VAT per rate on the totals. */
export function documentTotalsOf(doc: TotalsSource, lines: readonly InvoicingLine[], today: string): SaleTotals {
  return saleTotals(saleDocumentOf(doc, lines, today));
}

/**
 * Each subtotal line's amount: the article lines since the previous subtotal (or the start), on the document's
 * side of VAT, before the document's discount.
 */
export function subtotalsOf(lines: readonly Pick<InvoicingLine, 'id' | 'kind' | 'total'>[]): Map<number, number> {
  const out = new Map<number, number>();
  let running = 0;
  for (const l of lines) {
    if (l.kind === 'article') running += l.total;
    else if (l.kind === 'subtotal') {
      out.set(l.id, running);
      running = 0;
    }
  }
  return out;
}
