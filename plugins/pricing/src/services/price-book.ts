import { convertPrice, type EntityManager } from '@comptoir/kernel';
import type { CustomerPrice, ListPrice, PriceBook, PriceList as BookList } from '../domain/index.js';
import { placeholders, query } from '../sql.js';

/** A price list as the engine and the quote show it. */
export interface BookListInfo extends BookList {
  id: number;
  isDefault: boolean;
  active: boolean;
}

/** The engine's price book plus what the service needs around it. */
export interface LoadedBook extends PriceBook {
  listsByCode: ReadonlyMap<string, BookListInfo>;
}

interface ListRow { id: number; code: string; name: string | BookList['name']; includes_vat: boolean | number; is_default: boolean | number; active: boolean | number }
interface PriceRow { price_list_id: number; article_id: number; min_quantity: number; unit_price: number; valid_from: string | null; valid_to: string | null }
interface CustomerRow { customer_id: number; article_id: number; min_quantity: number; unit_price: number; includes_vat: boolean | number; valid_from: string | null; valid_to: string | null }

const parseName = (v: ListRow['name']): BookList['name'] => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * Loads the rows that can price the given articles for one customer: every list (a handful), the articles'
 * list prices, the customer's own prices for them and the customer's list. Reads by indexed columns only, so
 * the cost does not grow with the catalogue. Raw SQL: this runs on every scan, and hydrating entities would
 * cost more than the queries.
 */
export async function loadPriceBook(
  em: EntityManager,
  articles: ReadonlyArray<{ id: number; price: number | null; vatRate?: number }>,
  customerId: number | null,
): Promise<LoadedBook> {
  const ids = [...new Set(articles.map((a) => a.id))];
  const in_ = placeholders(ids.length);
  // One after the other: inside a transaction they share one PostgreSQL connection, which runs one query at a time.
  const listRows = await query<ListRow>(em, 'select id, code, name, includes_vat, is_default, active from pricing_price_list order by position, id');
  const priceRows = ids.length
    ? await query<PriceRow>(em, `select price_list_id, article_id, min_quantity, unit_price, valid_from, valid_to from pricing_list_price where article_id in (${in_})`, ids)
    : [];
  const customerRows = customerId !== null && ids.length
    ? await query<CustomerRow>(em, `select customer_id, article_id, min_quantity, unit_price, includes_vat, valid_from, valid_to from pricing_customer_price where customer_id = ? and article_id in (${in_})`, [customerId, ...ids])
    : [];
  const termRows = customerId !== null
    ? await query<{ price_list_id: number }>(em, 'select price_list_id from pricing_customer_terms where customer_id = ?', [customerId])
    : [];
  const lists: BookListInfo[] = listRows.map((r) => ({
    id: r.id, code: r.code, name: parseName(r.name), includesVat: Boolean(r.includes_vat), isDefault: Boolean(r.is_default), active: Boolean(r.active),
  }));
  const byId = new Map(lists.map((l) => [l.id, l]));
  const prices: ListPrice[] = [];
  for (const r of priceRows) {
    const list = byId.get(r.price_list_id);
    // Prices of a disabled list price nobody.
    if (list?.active) prices.push({ listCode: list.code, articleId: r.article_id, minQuantity: r.min_quantity, unitPrice: r.unit_price, validFrom: r.valid_from, validTo: r.valid_to });
  }
  const customerPrices: CustomerPrice[] = customerRows.map((r) => ({
    customerId: r.customer_id, articleId: r.article_id, minQuantity: r.min_quantity, unitPrice: r.unit_price, includesVat: Boolean(r.includes_vat), validFrom: r.valid_from, validTo: r.valid_to,
  }));
  const customerLists: Record<number, string> = {};
  const assigned = termRows[0] ? byId.get(termRows[0].price_list_id) : undefined;
  // A customer whose list was disabled buys at the default list.
  if (customerId !== null && assigned?.active) customerLists[customerId] = assigned.code;
  const basePrices: Record<number, number | null> = {};
  for (const a of articles) basePrices[a.id] = a.price;
  const defaultList = lists.find((l) => l.isDefault) ?? lists[0];
  // One price home: the default list stores no base row, its base price is the article's catalogue price (VAT
  // included), read here in the row's place so that quotes name the list ("retail, base price") as before.
  if (defaultList?.active) {
    const hasBase = new Set(prices.filter((p) => p.listCode === defaultList.code && p.minQuantity <= 1000 && p.validFrom === null && p.validTo === null).map((p) => p.articleId));
    for (const a of articles) {
      if (a.price === null || hasBase.has(a.id)) continue;
      hasBase.add(a.id);
      const unitPrice = defaultList.includesVat ? a.price : convertPrice(a.price, a.vatRate ?? 0, 'incl');
      prices.push({ listCode: defaultList.code, articleId: a.id, minQuantity: 0, unitPrice, validFrom: null, validTo: null });
    }
  }
  return {
    lists, prices, customerPrices, customerLists, basePrices,
    defaultListCode: defaultList?.code ?? '',
    listsByCode: new Map(lists.map((l) => [l.code, l])),
  };
}
