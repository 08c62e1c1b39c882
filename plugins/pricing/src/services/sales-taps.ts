/**
 * Pricing on the sale contract (`@comptoir/sales`): what a scanned code is (the nomenclature's labels, cards and
 * coupons, packs' barcodes), what a line costs (lists, quantity breaks, customer prices, packs) and which articles
 * come with a line (associated articles). The till and invoicing never call pricing themselves: with pricing
 * disabled, these taps are simply not there and lines sell at the catalogue's price.
 */
import { DomainError, NotFoundError, lineTotal, type AwilixContainer, type Kernel } from '@comptoir/kernel';
import { SALE_STAGES, getSalesHooks, type CodeResolution, type SaleLine } from '@comptoir/sales';
import type { PricingService } from './pricing.service.js';
import { M } from '../messages.js';

/** What pricing keeps on a sale line, under `line.ext.pricing`. */
export interface PricingLineExt {
  /** Where the scanned code was found. */
  source?: 'nomenclature' | 'pack' | 'barcode';
  barcodeRule?: { id: number; name: string; type: string } | null;
  /** The pack the line was sold through, and its quantity in thousandths. */
  packId?: number | null;
  packQuantity?: number | null;
  /** Sold by weight or volume and the code carried none: the till asks the scale. */
  needsQuantity?: boolean;
  /** The rule that gave the price. */
  rule?: string;
  listCode?: string;
  /** For an associated line: deposit, fee, accessory. */
  kind?: string;
  adjustments?: unknown[];
}

const pricingExt = (line: SaleLine): PricingLineExt => (line.ext.pricing ?? {}) as PricingLineExt;

/** Taps the sale contract's hooks; the taps reach the pricing service through the container when they run. */
export function tapSales(kernel: Kernel, container: AwilixContainer): void {
  const pricing = () => container.resolve<PricingService>('pricingService');
  const hooks = getSalesHooks(kernel);

  hooks.resolveCode.tapPromise('pricing', async ({ code, quantity }, { em, document }): Promise<CodeResolution | undefined> => {
    let scan;
    try {
      scan = await pricing().resolveScan(em, code, { customerId: document.customerId, date: document.date });
    } catch (e) {
      // Not a code pricing knows: the catalogue's barcodes (or another plugin) may.
      if (e instanceof DomainError && e.code === 'SCAN_UNKNOWN_CODE') return undefined;
      throw e;
    }
    const data = { cardNumber: scan.cardNumber, barcodeRule: scan.barcodeRule };
    if (scan.kind === 'customer') {
      if (!scan.customer) throw new NotFoundError('SCAN_CARD_UNKNOWN', M.cardUnknown(code));
      return { kind: 'customer', by: 'pricing', customerId: scan.customer.id, data };
    }
    if (scan.kind === 'discount') {
      const d = scan.discount!;
      return { kind: 'discount', by: 'pricing', discount: d.unit === 'percent' ? { rate: d.value * 100, by: 'pricing' } : { amount: d.value, by: 'pricing' }, data };
    }
    if (scan.kind === 'cashier') return { kind: 'cashier', by: 'pricing', data };
    const ext: PricingLineExt = { source: scan.source, barcodeRule: scan.barcodeRule, packId: scan.pack?.id ?? null, packQuantity: scan.pack?.quantity ?? null, needsQuantity: scan.needsQuantity };
    const articleId = scan.article!.id;
    if (scan.priceFromLabel) {
      // The price printed on the label is what the customer pays for the package: never repriced.
      return { kind: 'line', by: 'pricing', line: {
        articleId, quantity: 1000, unitPrice: scan.unitPrice!, includesVat: scan.includesVat!, priceFixed: true,
        priceSource: { by: 'pricing', explanation: scan.rule!.explanation }, ext: { pricing: { ...ext, rule: 'label' } },
      } };
    }
    // A quantity typed before a pack counts packs; a label's weight or count is the label's.
    const lineQuantity = scan.pack ? Math.round((quantity ?? 1000) * scan.pack.quantity / 1000)
      : scan.source === 'nomenclature' ? scan.quantity! : quantity ?? 1000;
    return { kind: 'line', by: 'pricing', line: { articleId, quantity: lineQuantity, ext: { pricing: ext } } };
  });

  hooks.priceLine.tapPromise('pricing', async (line, { em, document }) => {
    if (line.articleId === null) return line;
    const ext = pricingExt(line);
    const quote = await pricing().priceForSale(em, { articleId: line.articleId, customerId: document.customerId, quantity: line.quantity, date: document.date, packId: ext.packId ?? null });
    if (!quote || quote.unitPrice === null) return line;
    const plain = lineTotal({ unitPrice: quote.unitPrice, quantity: line.quantity });
    return {
      ...line,
      unitPrice: quote.unitPrice,
      includesVat: quote.includesVat,
      // A pack's own price: the customer pays exactly that, whatever unit price × units rounds to.
      fixedAmount: quote.lineTotal !== null && quote.lineTotal !== plain ? quote.lineTotal : null,
      priceSource: { by: 'pricing', explanation: quote.adjustments.at(-1)?.explanation ?? quote.rule.explanation },
      ext: { ...line.ext, pricing: { ...ext, rule: quote.rule.kind, listCode: quote.priceListCode, adjustments: quote.adjustments } },
    };
  });

  hooks.composeLines.tapPromise({ name: 'pricing', stage: SALE_STAGES.associated }, async (document, ctx) => {
    const lines: SaleLine[] = [];
    for (const line of document.lines) {
      lines.push(line);
      if (line.articleId === null || line.origin === 'associated') continue;
      const ext = pricingExt(line);
      const associated = await pricing().associationsForSale(ctx.em, { articleId: line.articleId, quantity: line.quantity, packId: ext.packId ?? null, packQuantity: ext.packQuantity ?? null });
      for (const a of associated) {
        try {
          lines.push(await ctx.line({ articleId: a.articleId, quantity: a.quantity, origin: 'associated', parentLineId: line.id, ext: { pricing: { kind: a.kind } } }));
        } catch (e) {
          // An associated article removed from the catalogue is no longer added.
          if (!(e instanceof DomainError && e.code === 'ARTICLE_NOT_FOUND')) throw e;
        }
      }
    }
    return { ...document, lines };
  });
}
