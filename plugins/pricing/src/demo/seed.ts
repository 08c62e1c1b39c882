/**
 * The pricing side of the Belgian grocery demo: prices in both lists, breaks on beers, trade customers on the
 * wholesale list with a few prices of their own, cases of 24 with their own barcodes, bottle and crate
 * deposits, contents for the price per litre or kg. Deterministic: the same catalogue gives the same prices.
 */
import { convertPrice, type DemoContext } from '@comptoir/kernel';
import { Article, Barcode, Customer, findVatCategory, makeEan13 } from '@comptoir/catalog';
import { ArticleAssociation, ArticleContent, ArticlePack, CustomerPrice, CustomerTerms, ListPrice, PriceList } from '../entities/index.js';
import { parseContent } from '../content.js';

const DRINK_FAMILIES = new Set(['BIE', 'VIN', 'SPI', 'SOF', 'EAU']);
/** Families whose names carry no content to show per litre or kg (served drinks, deposits). */
const NO_CONTENT = new Set(['SNK', 'VID']);
/** GS1 Belgium & Luxembourg company prefix used for the demo's case barcodes. */
const CASE_PREFIX = '5499990';

/** Rounds cents to the nearest 10 minus 1 ("x,x9"), as shops price. */
const shopPrice = (cents: number) => Math.max(9, Math.round(cents / 10) * 10 - 1);

export async function seedPricingDemo({ em }: DemoContext): Promise<void> {
  const lists = new Map((await em.find(PriceList, {})).map((l) => [l.code, l]));
  const retail = lists.get('retail')!;
  const wholesale = lists.get('wholesale')!;
  const articles = await em.find(Article, {}, { populate: ['family'], orderBy: { code: 'asc' } });
  const familyOf = (a: Article) => a.family?.code ?? '';
  const rate = (a: Article) => findVatCategory(a.vatCategory)?.rate ?? 0;
  const now = new Date();
  const price = (list: PriceList, a: Article, unitPrice: number, minQuantity = 0) =>
    em.create(ListPrice, { priceList: list, articleId: a.id, minQuantity, unitPrice, validFrom: null, validTo: null, updatedAt: now });

  // The catalogue's prices are the retail (default) list's base prices, read from the articles, never stored as
  // rows; drinks also have a wholesale price (−15 % excl. VAT).
  const wholesaleOf = new Map<number, number>();
  for (const a of articles) {
    if (a.price === null) continue;
    if (!retail.isDefault) price(retail, a, a.price);
    if (DRINK_FAMILIES.has(familyOf(a))) {
      const w = Math.round((convertPrice(a.price, rate(a), 'incl') * 85) / 100);
      wholesaleOf.set(a.id, w);
      price(wholesale, a, w);
    }
  }

  // Single bottles of beer: breaks from 6 and from 24, a case of 24 with its own barcode, and their deposits.
  const byName = new Map(articles.filter((a) => familyOf(a) === 'VID').map((a) => [a.name, a]));
  const bottle: Record<string, Article | undefined> = {
    '25 cl': byName.get('Vidange bouteille 25 cl'), '33 cl': byName.get('Vidange bouteille 33 cl'), '75 cl': byName.get('Vidange bouteille 75 cl'),
  };
  const crate: Record<string, Article | undefined> = { '25 cl': byName.get('Casier vide 24 × 25 cl'), '33 cl': byName.get('Casier vide 24 × 33 cl') };
  const taken = new Set((await em.find(Barcode, {}, { fields: ['code'] })).map((b) => b.code));
  let caseNumber = 0;
  const beers = articles.filter((a) => familyOf(a) === 'BIE' && a.price !== null);
  for (const [i, beer] of beers.entries()) {
    const size = /(\d+) × (25|33|75) cl$/.exec(beer.name) ?? /()(25|33|75) cl$/.exec(beer.name);
    if (!size) continue;
    const volume = `${size[2]} cl`;
    const bottles = size[1] ? Number(size[1]) : 1;
    if (bottle[volume]) em.create(ArticleAssociation, { articleId: beer.id, associatedArticleId: bottle[volume]!.id, pack: null, ratio: bottles * 1000, kind: 'deposit', updatedAt: now });
    if (bottles !== 1) continue;
    if (i % 3 === 0) {
      price(retail, beer, shopPrice((beer.price! * 95) / 100), 6000);
      price(retail, beer, shopPrice((beer.price! * 90) / 100), 24000);
      const w = wholesaleOf.get(beer.id);
      if (w) price(wholesale, beer, Math.round((w * 92) / 100), 24000);
    }
    if (volume !== '75 cl' && caseNumber < 40) {
      let barcode = makeEan13(`${CASE_PREFIX}${String(++caseNumber).padStart(5, '0')}`);
      while (taken.has(barcode)) barcode = makeEan13(`${CASE_PREFIX}${String(++caseNumber + 50000).padStart(5, '0')}`);
      taken.add(barcode);
      const pack = em.create(ArticlePack, {
        articleId: beer.id, barcode, quantity: 24000, price: shopPrice((beer.price! * 24 * 88) / 100), priceList: null,
        name: `Casier 24 × ${volume} – ${beer.name.replace(/ \d+ cl$/, '')}`, updatedAt: now,
      });
      if (crate[volume]) em.create(ArticleAssociation, { articleId: beer.id, associatedArticleId: crate[volume]!.id, pack, ratio: 1000, kind: 'deposit', updatedAt: now });
    }
  }

  // Contents for the legal price per litre or kg, read from the names ("33 cl", "6 × 25 cl", "500 g").
  for (const a of articles) {
    if (a.unit !== 'piece' || NO_CONTENT.has(familyOf(a))) continue;
    const content = parseContent(a.name);
    if (content) em.create(ArticleContent, { articleId: a.id, quantity: content.quantity, unit: content.unit, updatedAt: now });
  }

  // Trade customers buy at the wholesale list; the first few have agreed prices on some drinks.
  const companies = await em.find(Customer, { kind: 'company' }, { orderBy: { code: 'asc' } });
  for (const c of companies) em.create(CustomerTerms, { customerId: c.id, priceList: wholesale, updatedAt: now });
  const drinks = articles.filter((a) => wholesaleOf.has(a.id));
  for (const [i, c] of companies.slice(0, 5).entries()) {
    for (let k = 0; k < 4; k++) {
      const a = drinks[(i * 37 + k * 101) % drinks.length];
      em.create(CustomerPrice, {
        customerId: c.id, articleId: a.id, minQuantity: k === 3 ? 12000 : 0, unitPrice: Math.round((wholesaleOf.get(a.id)! * 95) / 100),
        includesVat: false, validFrom: null, validTo: null, updatedAt: now,
      });
    }
  }
  await em.flush();
}
