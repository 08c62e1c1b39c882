import { DomainError, Shop, type EntityManager } from '@comptoir/kernel';
import { spread } from '@comptoir/sales';
import { saleDocumentOf } from '../domain/totals.js';
import { formatStructured } from '../domain/structured-communication.js';
import { type UblDocument, type UblLine, type UblParty } from '../ubl/model.js';
import { ublViolations } from '../ubl/ubl-rules.js';
import { writeUbl } from '../ubl/ubl-writer.js';
import type { DocumentService } from './documents.service.js';
import { loadDocument, loadLines } from './store.js';

const DISCOUNT_REASON = { fr: 'Remise', nl: 'Korting', en: 'Discount' } as const;

/** The Peppol electronic address of a VAT number: a Belgian enterprise number (0208), or a French VAT number (9957). */
export function endpointOf(vatNumber: string): UblParty['endpoint'] {
  const n = vatNumber.replace(/[\s.-]/g, '').toUpperCase();
  if (/^BE[01]\d{9}$/.test(n)) return { scheme: '0208', id: n.slice(2) };
  if (/^FR[0-9A-Z]{2}\d{9}$/.test(n)) return { scheme: '9957', id: n };
  return null;
}

/** Our customer address snapshot ("street⏎postal code city⏎country when not the shop's") in its parts. */
export function addressParts(address: string, defaultCountry: string): Pick<UblParty, 'street' | 'city' | 'postalCode' | 'country'> {
  const lines = address.split('\n').map((l) => l.trim()).filter(Boolean);
  const country = lines.length > 2 && /^[A-Z]{2}$/.test(lines[lines.length - 1]) ? lines.pop()! : defaultCountry;
  const m = /^(\S+)\s+(.+)$/.exec(lines[1] ?? '');
  return { street: lines[0] ?? '', postalCode: m?.[1] ?? '', city: m?.[2] ?? lines[1] ?? '', country };
}

/**
 * Issued invoices and credit notes as Peppol BIS Billing 3.0 (UBL 2.1): the stored document, its totals as the sale
 * contract computes them (document discount as one allowance per VAT rate), checked against the business rules
 * before it leaves (422 INVOICING_UBL_RULES naming the broken ones).
 */
export class UblService {
  private readonly documents: DocumentService;

  constructor({ invoicingDocuments }: { invoicingDocuments: DocumentService }) {
    this.documents = invoicingDocuments;
  }

  async model(em: EntityManager, id: number): Promise<UblDocument> {
    const doc = await loadDocument(em, id);
    if ((doc.type !== 'invoice' && doc.type !== 'credit_note') || doc.status !== 'issued') {
      throw new DomainError('INVOICING_UBL_NOT_AVAILABLE', {
        fr: 'Seules les factures et notes de crédit émises s’exportent en UBL.', nl: 'Alleen uitgegeven facturen en creditnota’s worden naar UBL geëxporteerd.', en: 'Only issued invoices and credit notes are exported as UBL.',
      }, { status: 422 });
    }
    const lines = (await loadLines(em, id)).filter((l) => l.kind === 'article');
    const totals = this.documents.totalsOf(saleDocumentOf(doc, lines, doc.date!));
    const shop = (await em.findOne(Shop, { id: 1 }, { disableIdentityMap: true })) ?? new Shop();
    const lang = doc.lang === 'nl' || doc.lang === 'en' ? doc.lang : 'fr';

    let ublLines: UblLine[];
    let allowances: UblDocument['allowances'] = [];
    if (!doc.pricesIncludeVat) {
      // Prices without VAT: each line's net is its total; the document discount is one allowance per rate.
      ublLines = lines.map((l, i) => {
        const a = totals.lines[i];
        // The unit price when it multiplies out to the cent; else the line's whole amount for its whole quantity.
        const exact = l.fixedAmount === null && (a.unitPrice * l.quantity) % 1000 === 0;
        return { id: String(i + 1), name: l.description, sellerCode: l.code, quantity: l.quantity, net: a.total, rate: l.vatRate, allowance: a.discount,
          price: exact ? a.unitPrice : Math.abs(a.gross), baseQuantity: exact ? 1000 : Math.abs(l.quantity) };
      });
      allowances = totals.discountByRate.filter((d) => d.amount !== 0).map((d) => ({ amount: d.amount, rate: d.rate, reason: DISCOUNT_REASON[lang] }));
    } else {
      // Prices with VAT: each rate's base (after the document discount) is spread over its lines to the cent.
      const nets = new Map<number, number>();
      for (const r of totals.rates) {
        const idx = lines.map((l, i) => (l.vatRate === r.rate ? i : -1)).filter((i) => i >= 0);
        const parts = spread(r.base, idx.reduce((s, i) => s + totals.lines[i].total, 0), idx.map((i) => totals.lines[i].total));
        idx.forEach((i, k) => nets.set(i, parts[k]));
      }
      ublLines = lines.map((l, i) => ({ id: String(i + 1), name: l.description, sellerCode: l.code, quantity: l.quantity, net: nets.get(i) ?? 0, rate: l.vatRate,
        allowance: 0, price: Math.abs(nets.get(i) ?? 0), baseQuantity: Math.abs(l.quantity) }));
    }
    const creditOf = doc.creditOfId === null ? null : await loadDocument(em, doc.creditOfId);
    const lineExtension = ublLines.reduce((s, l) => s + l.net, 0);
    const allowanceTotal = allowances.reduce((s, a) => s + a.amount, 0);
    return {
      kind: doc.type, number: doc.number!, issueDate: doc.date!, dueDate: doc.dueDate, buyerReference: doc.customerReference,
      notes: [...(doc.mentions ? doc.mentions.split('\n') : []), ...(doc.creditReason ? [doc.creditReason] : [])],
      billingReference: creditOf ? { number: creditOf.number!, date: creditOf.date! } : null,
      seller: { name: shop.name, street: shop.street, city: shop.city, postalCode: shop.postalCode, country: shop.country, vatNumber: shop.vatNumber, endpoint: endpointOf(shop.vatNumber) },
      buyer: { name: doc.customerName, ...addressParts(doc.customerAddress, doc.country), vatNumber: doc.customerVatNumber, endpoint: endpointOf(doc.customerVatNumber) },
      paymentId: doc.structuredRef ? formatStructured(doc.structuredRef) : null,
      paymentTerms: doc.paymentTerms,
      allowances,
      taxSubtotals: totals.rates.map((r) => ({ rate: r.rate, taxable: r.base, tax: r.vat })),
      lines: ublLines,
      lineExtension, allowanceTotal, taxExclusive: lineExtension - allowanceTotal, taxTotal: totals.vat, taxInclusive: totals.total, payable: totals.total,
    };
  }

  /** The UBL text of an issued invoice or credit note, or 422 INVOICING_UBL_RULES naming the rules it would break. */
  async xml(em: EntityManager, id: number): Promise<{ number: string; xml: string }> {
    const model = await this.model(em, id);
    const broken = ublViolations(model);
    if (broken.length) {
      throw new DomainError('INVOICING_UBL_RULES', {
        fr: `Ce document ne peut pas partir en facture électronique : ${broken.join(' ; ')}.`,
        nl: `Dit document kan niet als e-factuur vertrekken: ${broken.join('; ')}.`,
        en: `This document cannot leave as an e-invoice: ${broken.join('; ')}.`,
      }, { status: 422, extra: { rules: broken } });
    }
    return { number: model.number, xml: writeUbl(model) };
  }
}
