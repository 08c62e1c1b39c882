import { ValidationError, formatMoney, localize, type EntityManager, type Language } from '@comptoir/kernel';
import { Article, type BarcodeKind } from '@comptoir/catalog';
import { formatUnitPrice } from '../domain/index.js';
import { displayDay } from '../dates.js';
import { LABEL_LAYOUTS, LABEL_LAYOUT_IDS, type LabelLayoutId } from '../labels/layouts.js';
import { renderLabels, type LabelItem } from '../labels/render.js';
import { M } from '../messages.js';
import { chunks } from '../sql.js';
import { loadPriceBook } from './price-book.js';
import type { PricingService } from './pricing.service.js';

export interface LabelRequest {
  articleIds: number[];
  layout: LabelLayoutId;
  /** Labels per article (default 1). */
  copies?: number;
  /** The list whose prices are printed (default: the default list). */
  priceListCode?: string;
  /** The day whose prices are printed (default: today). */
  date?: string;
}

export const MAX_LABELS = 10_000;

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };
const WORDS = {
  exclVat: { fr: 'hors TVA', nl: 'excl. btw', en: 'excl. VAT' },
  deposit: { fr: '+ consigne', nl: '+ leeggoed', en: '+ deposit' },
  title: { fr: 'Étiquettes', nl: 'Etiketten', en: 'Labels' },
};

/** GTINs scan everywhere; an internal code only in the shop. */
const PREFERENCE: BarcodeKind[] = ['ean13', 'ean8', 'upca', 'internal'];

/** Article and shelf labels as PDF: name, price, legal unit price, deposit and barcode. */
export class LabelService {
  private readonly pricing: PricingService;

  constructor({ pricingService }: { pricingService: PricingService }) {
    this.pricing = pricingService;
  }

  layouts(lang: Language) {
    return LABEL_LAYOUT_IDS.map((id) => {
      const l = LABEL_LAYOUTS[id];
      return { id, name: localize(l.name, lang), page: l.page, columns: l.columns, rows: l.rows, label: l.label, perPage: l.columns * l.rows, style: l.style };
    });
  }

  /** The labels of the articles, in the order given, each `copies` times. */
  async render(em: EntityManager, req: LabelRequest, lang: Language): Promise<Uint8Array> {
    const copies = req.copies ?? 1;
    const { date } = await this.pricing.checkContext(em, { date: req.date, priceListCode: req.priceListCode });
    const ids = [...new Set(req.articleIds)];
    const articles = new Map<number, Article>();
    for (const part of chunks(ids, 500)) {
      for (const a of await em.find(Article, { id: { $in: part } }, { populate: ['barcodes'] })) articles.set(a.id, a);
    }
    const missing = ids.filter((id) => !articles.has(id));
    if (missing.length) throw new ValidationError(missing.slice(0, 20).map((id) => ({ field: 'articleIds', code: 'ARTICLE_NOT_FOUND', message: M.articleNotFound(id) })));
    if (req.articleIds.length * copies > MAX_LABELS) {
      throw new ValidationError([{ field: 'copies', code: 'TOO_MANY_LABELS', message: { fr: `Au plus ${MAX_LABELS} étiquettes à la fois.`, nl: `Hoogstens ${MAX_LABELS} etiketten tegelijk.`, en: `At most ${MAX_LABELS} labels at once.` } }] );
    }
    const locale = LOCALES[lang];
    const items = new Map<number, LabelItem>();
    for (const part of chunks(ids, 500)) {
      const facts = await this.pricing.articles(em, part);
      const book = await loadPriceBook(em, [...facts.values()], null);
      for (const id of part) {
        const f = facts.get(id)!;
        const q = await this.pricing.priceWithExtras(em, { article: f, customerId: null, quantity: 1000, date, priceListCode: req.priceListCode, source: 'quote' }, book);
        const a = articles.get(id)!;
        const per = a.unit === 'kg' ? '/kg' : a.unit === 'litre' ? '/l' : '';
        const deposit = q.associatedLines.filter((l) => l.kind === 'deposit').reduce((s, l) => s + (l.lineTotal ?? 0), 0);
        const barcode = a.barcodes.getItems().sort((x, y) => PREFERENCE.indexOf(x.kind) - PREFERENCE.indexOf(y.kind) || x.code.localeCompare(y.code))[0];
        items.set(id, {
          name: a.name, code: a.code,
          price: q.unitPrice === null ? '—' : `${formatMoney(q.unitPrice, locale)}${per}`,
          priceNote: q.includesVat ? null : localize(WORDS.exclVat, lang),
          legal: per || !q.unitPriceLegal ? null : formatUnitPrice(q.unitPriceLegal.cents, q.unitPriceLegal.unit, locale),
          deposit: deposit > 0 ? `${localize(WORDS.deposit, lang)} ${formatMoney(deposit, locale)}` : null,
          barcode: barcode ? { code: barcode.code, kind: barcode.kind } : null,
          date: displayDay(date),
        });
      }
    }
    const sequence = req.articleIds.flatMap((id) => Array.from({ length: copies }, () => items.get(id)!));
    return renderLabels(LABEL_LAYOUTS[req.layout], sequence, { title: localize(WORDS.title, lang) });
  }
}
