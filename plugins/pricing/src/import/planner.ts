/**
 * Plans and writes one batch of a supplier's file: finds each row's article (by code, else by barcode), checks
 * what the file cannot know (barcodes of other articles, packs, families), and writes only what changed, so
 * that running the same file again changes nothing.
 */
import { convertPrice, type EntityManager, type User } from '@comptoir/kernel';
import { findVatCategory, type ArticleBatchService, type ArticleChange, type ArticleDraft, type ArticleReads } from '@comptoir/catalog';
import { ArticleContent, ArticlePack, ListPrice, PurchasePrice, type PriceList } from '../entities/index.js';
import { M, type T3 } from '../messages.js';
import { R } from './import-messages.js';
import type { MappedRow } from './map-rows.js';
import { insertRows, selectRows, updateRows } from './bulk.js';

export type RowAction = 'create' | 'update' | 'unchanged';

/** What the whole import shares between batches. */
export interface ImportContext {
  /** The catalogue's read and bulk APIs: articles and barcodes are the catalogue's, read and written through it. */
  reads: ArticleReads;
  articles: ArticleBatchService;
  user: User | null;
  families: Map<string, number>;
  defaultList: PriceList;
  retailList: PriceList;
  wholesaleList: PriceList;
  supplierId: number | null;
  /** Article key ('id:12' or 'new:CODE') → first row; barcode → { key, row }: duplicates across batches. */
  seenArticles: Map<string, number>;
  seenBarcodes: Map<string, { key: string; row: number }>;
}

export interface PlannedRow {
  row: MappedRow;
  action: RowAction;
  /** The article's id (null for an article to create, until it is written). */
  articleId: number | null;
  code: string;
  /** For an update: every value it changes, old → new (prices in cents, `price.<list>` per list). */
  changes: FieldChange[];
}

/** One value an import row changes on an existing article. */
export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

export interface BatchResult {
  planned: PlannedRow[];
  rejected: Array<{ row: number; reasons: T3[] }>;
}


/** A family's code from its id, for showing a change. */
function familyCodeOf(ctx: ImportContext, id: number | null): string | null {
  if (id === null) return null;
  for (const [code, fid] of ctx.families) if (fid === id) return code;
  return String(id);
}

/** The price a list stores for a price given with (retail) or without (wholesale) VAT. */
function onListSide(list: PriceList, cents: number, givenWithVat: boolean, rate: number): number {
  if (list.includesVat === givenWithVat) return cents;
  return convertPrice(cents, rate, givenWithVat ? 'incl' : 'excl');
}

type Own = typeof ListPrice | typeof PurchasePrice | typeof ArticlePack | typeof ArticleContent;

/** Rows to write, gathered while planning; article ids of new articles are known only after their insert. */
class Writes {
  /** The catalogue's part, written through its bulk API. */
  creates: ArticleDraft[] = [];
  changes = new Map<number, ArticleChange>();
  /** Pricing's own inserts that need the article's id: [code of a new article or '', entity, row]. */
  dependents: Array<[string, Own, Record<string, unknown>]> = [];
  updates = new Map<typeof ListPrice | typeof PurchasePrice | typeof ArticlePack | typeof ArticleContent, Array<{ id: number; set: Record<string, unknown> }>>();

  update(entity: typeof ListPrice | typeof PurchasePrice | typeof ArticlePack | typeof ArticleContent, id: number, set: Record<string, unknown>): void {
    const list = this.updates.get(entity) ?? [];
    list.push({ id, set });
    this.updates.set(entity, list);
  }
}

/** Plans the batch and, when `write`, writes it in `em` (the caller wraps it in a transaction). */
export async function planBatch(em: EntityManager, rows: MappedRow[], ctx: ImportContext, write: boolean): Promise<BatchResult> {
  const codes = [...new Set(rows.flatMap((r) => (r.code ? [r.code] : [])))];
  const barcodes = [...new Set(rows.flatMap((r) => [r.barcode?.code, r.pack?.barcode.code].filter((c): c is string => !!c)))];
  // One query at a time: inside the batch's transaction PostgreSQL runs one query per connection anyway.
  const byCode = await ctx.reads.rowsByCode(em, codes);
  const owners = await ctx.reads.barcodeOwners(em, barcodes);
  const packs = barcodes.length ? await selectRows<{ id: number; barcode: string; articleId: number; quantity: number }>(em, ArticlePack, ['id', 'barcode', 'articleId', 'quantity'], { barcode: { $in: barcodes } }) : [];
  const articleById = new Map(byCode.map((a) => [a.id, a]));
  const missing = [...new Set([...owners.map((o) => o.articleId), ...packs.map((p) => p.articleId)])].filter((id) => !articleById.has(id));
  for (const a of await ctx.reads.rowsById(em, missing)) articleById.set(a.id, a);
  const articleByCode = new Map(byCode.map((a) => [a.code, a]));
  const ownerOf = new Map(owners.map((o) => [o.code, articleById.get(o.articleId)!]));
  const packOf = new Map(packs.map((p) => [p.barcode, p]));
  const ids = [...articleById.keys()];
  const lists = [...new Set([ctx.defaultList.id, ctx.retailList.id, ctx.wholesaleList.id])];
  const basePrices = ids.length ? await selectRows<{ id: number; priceList: number; articleId: number; unitPrice: number }>(em, ListPrice, ['id', 'priceList', 'articleId', 'unitPrice'], { articleId: { $in: ids }, priceList: { $in: lists }, minQuantity: 0, validFrom: null, validTo: null }) : [];
  const purchases = ids.length ? await selectRows<{ id: number; articleId: number; unitPrice: number }>(em, PurchasePrice, ['id', 'articleId', 'unitPrice'], { articleId: { $in: ids }, supplierId: ctx.supplierId }) : [];
  const contents = ids.length ? await selectRows<{ id: number; articleId: number; quantity: number; unit: string }>(em, ArticleContent, ['id', 'articleId', 'quantity', 'unit'], { articleId: { $in: ids } }) : [];
  const baseOf = new Map(basePrices.map((p) => [`${p.priceList}:${p.articleId}`, p]));
  const purchaseOf = new Map(purchases.map((p) => [p.articleId, p]));
  const contentOf = new Map(contents.map((c) => [c.articleId, c]));

  const result: BatchResult = { planned: [], rejected: [] };
  const w = new Writes();
  const now = new Date();
  for (const row of rows) {
    const reasons: T3[] = [];
    const existing = (row.code ? articleByCode.get(row.code) : undefined) ?? (row.barcode ? ownerOf.get(row.barcode.code) : undefined) ?? null;
    const code = existing?.code ?? row.code ?? row.barcode!.code;
    const key = existing ? `id:${existing.id}` : `new:${code}`;
    const twin = ctx.seenArticles.get(key);
    if (twin !== undefined) reasons.push(R.duplicate(twin));
    for (const b of [row.barcode, row.pack?.barcode]) {
      const seen = b ? ctx.seenBarcodes.get(b.code) : undefined;
      if (b && seen && (seen.key !== key || b === row.pack?.barcode)) reasons.push(R.barcodeTwice(b.code, seen.row));
    }
    // A code and a barcode naming two different articles (or a new code with another article's barcode): a
    // conflict shown with both articles, never an update of whichever was found first.
    const barcodeOwner = row.barcode ? ownerOf.get(row.barcode.code) : undefined;
    const conflict = !!(row.code && barcodeOwner && barcodeOwner.code !== row.code);
    if (conflict) {
      const byCode = articleByCode.get(row.code!);
      reasons.push(R.codeBarcodeConflict(row.code!, byCode?.name ?? null, row.barcode!.code, barcodeOwner!.code, barcodeOwner!.name));
    }
    if (row.barcode) {
      const owner = barcodeOwner;
      if (!conflict && owner && owner.id !== existing?.id) reasons.push(M.barcodeOfArticle(row.barcode.code, owner.code));
      const pack = packOf.get(row.barcode.code);
      if (pack) reasons.push(M.barcodeOfPack(row.barcode.code, articleById.get(pack.articleId)?.code ?? String(pack.articleId)));
    }
    if (row.pack) {
      const owner = ownerOf.get(row.pack.barcode.code);
      if (owner || row.pack.barcode.code === row.barcode?.code) reasons.push(M.barcodeOfArticle(row.pack.barcode.code, owner?.code ?? code));
      const pack = packOf.get(row.pack.barcode.code);
      if (pack && pack.articleId !== existing?.id) reasons.push(M.barcodeOfPack(row.pack.barcode.code, articleById.get(pack.articleId)?.code ?? String(pack.articleId)));
    }
    const familyId = row.familyCode === undefined ? undefined : ctx.families.get(row.familyCode);
    if (row.familyCode !== undefined && familyId === undefined) reasons.push(R.family(row.familyCode));
    if (!existing) {
      if (!row.name) reasons.push(R.required('name'));
      if (!row.vatCategory) reasons.push(R.required('vatCategory'));
    }
    if (reasons.length) {
      result.rejected.push({ row: row.row, reasons });
      continue;
    }
    ctx.seenArticles.set(key, row.row);
    for (const b of [row.barcode, row.pack?.barcode]) if (b && !ctx.seenBarcodes.has(b.code)) ctx.seenBarcodes.set(b.code, { key, row: row.row });

    // The article itself.
    const set: NonNullable<ArticleChange['set']> = {};
    const changes: FieldChange[] = [];
    if (existing) {
      if (row.name !== undefined && row.name !== existing.name) set.name = row.name;
      if (row.unit !== undefined && row.unit !== existing.unit) set.unit = row.unit;
      if (row.vatCategory !== undefined && row.vatCategory !== existing.vatCategory) set.vatCategory = row.vatCategory;
      if (row.retailPrice !== undefined && row.retailPrice !== existing.price) set.price = row.retailPrice;
      if (familyId !== undefined && familyId !== existing.familyId) set.familyId = familyId;
      for (const [field, to] of Object.entries(set)) {
        const from = field === 'familyId' ? existing.familyId : existing[field as 'name' | 'unit' | 'vatCategory' | 'price'];
        changes.push({ field: field === 'familyId' ? 'familyCode' : field, from: field === 'familyId' ? familyCodeOf(ctx, from as number | null) : from ?? null, to: field === 'familyId' ? row.familyCode ?? null : (to as string | number | null) });
      }
      if (Object.keys(set).length) w.changes.set(existing.id, { id: existing.id, set });
    } else {
      w.creates.push({ code, name: row.name!, familyId: familyId ?? null, unit: row.unit ?? 'piece', vatCategory: row.vatCategory!, price: row.retailPrice ?? null, barcodes: [] });
    }
    let changed = !existing || Object.keys(set).length > 0;
    const dependent = (entity: Own, data: Record<string, unknown>) => {
      if (existing) w.dependents.push(['', entity, { ...data, articleId: existing.id }]);
      else w.dependents.push([code, entity, data]);
      changed = true;
    };
    if (row.barcode && !ownerOf.has(row.barcode.code)) {
      const barcode = { code: row.barcode.code, kind: row.barcode.kind };
      if (!existing) w.creates[w.creates.length - 1].barcodes!.push(barcode);
      else {
        const change = w.changes.get(existing.id) ?? { id: existing.id };
        change.addBarcodes = [...(change.addBarcodes ?? []), barcode];
        w.changes.set(existing.id, change);
      }
      changed = true;
    }

    // Prices: the retail price is the article's catalogue price (set above through the bulk API), which is also the
    // default list's base price (never stored as a row); wholesale and purchase prices exclude VAT.
    const rate = findVatCategory(row.vatCategory ?? existing?.vatCategory ?? '')?.rate ?? 0;
    const prices = new Map<PriceList, number>();
    if (row.wholesalePrice !== undefined) prices.set(ctx.wholesaleList, onListSide(ctx.wholesaleList, row.wholesalePrice, false, rate));
    if (row.retailPrice !== undefined) {
      prices.set(ctx.retailList, onListSide(ctx.retailList, row.retailPrice, true, rate));
    }
    for (const [list, unitPrice] of prices) {
      if (list.id === ctx.defaultList.id) continue;
      const current = existing ? baseOf.get(`${list.id}:${existing.id}`) : undefined;
      if (current?.unitPrice === unitPrice) continue;
      if (existing) changes.push({ field: `price.${list.code}`, from: current?.unitPrice ?? null, to: unitPrice });
      if (current) {
        w.update(ListPrice, current.id, { unitPrice, updatedAt: now });
        changed = true;
      } else dependent(ListPrice, { priceList: list.id, minQuantity: 0, unitPrice, validFrom: null, validTo: null, updatedAt: now });
    }
    if (row.purchasePrice !== undefined) {
      const current = existing ? purchaseOf.get(existing.id) : undefined;
      if (existing && current?.unitPrice !== row.purchasePrice) changes.push({ field: 'purchasePrice', from: current?.unitPrice ?? null, to: row.purchasePrice });
      if (current && current.unitPrice !== row.purchasePrice) {
        w.update(PurchasePrice, current.id, { unitPrice: row.purchasePrice, updatedAt: now });
        changed = true;
      } else if (!current) dependent(PurchasePrice, { supplierId: ctx.supplierId, unitPrice: row.purchasePrice, updatedAt: now });
    }
    if (row.pack) {
      const current = packOf.get(row.pack.barcode.code);
      if (existing && current?.quantity !== row.pack.quantity) changes.push({ field: `pack.${row.pack.barcode.code}`, from: current?.quantity ?? null, to: row.pack.quantity });
      if (current && current.quantity !== row.pack.quantity) {
        w.update(ArticlePack, current.id, { quantity: row.pack.quantity, updatedAt: now });
        changed = true;
      } else if (!current) dependent(ArticlePack, { barcode: row.pack.barcode.code, quantity: row.pack.quantity, price: null, priceList: null, name: '', updatedAt: now });
    }
    if (row.content) {
      const current = existing ? contentOf.get(existing.id) : undefined;
      if (current && (current.quantity !== row.content.quantity || current.unit !== row.content.unit)) {
        w.update(ArticleContent, current.id, { ...row.content, updatedAt: now });
        changed = true;
      } else if (!current) dependent(ArticleContent, { ...row.content, updatedAt: now });
    }
    if (existing && row.barcode && !ownerOf.has(row.barcode.code)) changes.push({ field: 'barcodes', from: null, to: row.barcode.code });
    result.planned.push({ row, action: !existing ? 'create' : changed ? 'update' : 'unchanged', articleId: existing?.id ?? null, code, changes });
  }
  if (write) await flushWrites(em, w, result, ctx);
  return result;
}

/** Writes the batch: the catalogue's part through its bulk API (new articles' ids come back by code), then pricing's rows. */
async function flushWrites(em: EntityManager, w: Writes, result: BatchResult, ctx: ImportContext): Promise<void> {
  const { created } = await ctx.articles.save(em, { create: w.creates, update: [...w.changes.values()] }, ctx.user);
  for (const p of result.planned) if (p.articleId === null) p.articleId = created.get(p.code) ?? null;
  const byEntity = new Map<Own, Array<Record<string, unknown>>>();
  for (const [code, entity, data] of w.dependents) {
    const row = code ? { ...data, articleId: created.get(code) } : data;
    const list = byEntity.get(entity);
    if (list) list.push(row);
    else byEntity.set(entity, [row]);
  }
  for (const [entity, rows] of byEntity) await insertRows(em, entity, rows);
  for (const [entity, rows] of w.updates) await updateRows(em, entity, rows);
}
