import { localize, type Language } from '@comptoir/kernel';
import type { BuiltSale } from '../services/sales-builder.service.js';

/** A built sale as the API sends it (the till and invoicing may answer the same shape): each line with its amounts, explanations in the request's language. */
export function presentSale({ document, totals }: BuiltSale, lang: Language) {
  return {
    channel: document.channel,
    customerId: document.customerId,
    date: document.date,
    country: document.country,
    pricesIncludeVat: document.pricesIncludeVat,
    discount: document.discount,
    resolved: document.resolved,
    lines: document.lines.map((line, i) => ({
      ...line,
      priceSource: line.priceSource && { by: line.priceSource.by, explanation: localize(line.priceSource.explanation, lang) },
      amounts: totals.lines[i],
    })),
    totals: {
      subtotal: totals.subtotal, discount: totals.discount, discountByRate: totals.discountByRate,
      rates: totals.rates, base: totals.base, vat: totals.vat, total: totals.total, cash: totals.cash,
    },
  };
}
