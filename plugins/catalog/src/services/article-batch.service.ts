/**
 * The catalogue's bulk API: many articles created or changed in one call, inside the caller's transaction,
 * with one `articlesSaving` / `articlesSaved` pair of hooks for the whole batch. Imports go through it instead
 * of writing the catalogue's tables, so that every tap (stock, search, audit) sees every change.
 */
import { Shop, ValidationError, type EntityManager, type FieldError, type Kernel, type User } from '@comptoir/kernel';
import { Article, Barcode, ARTICLE_UNITS, type ArticleUnit } from '../entities/index.js';
import { validateBarcode, vatCategoriesFor, type BarcodeKind } from '../domain/index.js';
import { failureText, M } from '../messages.js';
import { foldText } from '../search-text.js';
import { getCatalogHooks } from '../hooks.js';
import { insertRows, updateRows } from './bulk-sql.js';
import { MAX_PRICE } from './article.service.js';
import type { ArticleReads } from './article-reads.js';

const CODE_RE = /^[A-Za-z0-9._-]{1,32}$/;

/** A new article of a batch. */
export interface ArticleDraft {
  code: string;
  name: string;
  vatCategory: string;
  description?: string;
  familyId?: number | null;
  unit?: ArticleUnit;
  /** Cents, VAT included. */
  price?: number | null;
  barcodes?: Array<{ code: string; kind: BarcodeKind }>;
}

/** Fields of an existing article a batch changes (absent fields keep their value), and barcodes it adds. */
export interface ArticleChange {
  id: number;
  set?: { name?: string; description?: string; familyId?: number | null; unit?: ArticleUnit; vatCategory?: string; price?: number | null; active?: boolean };
  addBarcodes?: Array<{ code: string; kind: BarcodeKind }>;
}

export interface ArticleBatch {
  create: ArticleDraft[];
  update: ArticleChange[];
}

/** What a batch wrote: the new articles' ids by code, and the changed articles with the names of their changed fields. */
export interface ArticleBatchResult {
  created: Map<string, number>;
  updated: Array<{ id: number; changed: string[] }>;
}

/** Creates and changes articles in bulk (registered as `catalogArticleBatch`). */
export class ArticleBatchService {
  private readonly kernel: Kernel;
  private readonly reads: ArticleReads;

  constructor({ kernel, catalogReads }: { kernel: Kernel; catalogReads: ArticleReads }) {
    this.kernel = kernel;
    this.reads = catalogReads;
  }

  /**
   * Validates the batch, fires `articlesSaving`, writes it and fires `articlesSaved`, all in `em`'s transaction
   * (the caller opens it). Duplicate codes and barcodes are refused by the database's unique indexes.
   */
  async save(em: EntityManager, batch: ArticleBatch, user: User | null): Promise<ArticleBatchResult> {
    const country = (await em.findOne(Shop, { id: 1 }))?.country ?? 'BE';
    this.validate(batch, country);
    const hooks = getCatalogHooks(this.kernel);
    await hooks.articlesSaving.promise({ em, batch, user });
    const now = new Date();

    await insertRows(em, Article, batch.create.map((d) => ({
      code: d.code, name: d.name, description: d.description ?? '', family: d.familyId ?? null, unit: d.unit ?? 'piece', vatCategory: d.vatCategory,
      price: d.price ?? null, active: true, searchText: foldText(`${d.code} ${d.name}`), createdAt: now, updatedAt: now, version: 1,
    })));
    const created = new Map((await this.reads.rowsByCode(em, batch.create.map((d) => d.code))).map((a) => [a.code, a.id]));

    const renamed = batch.update.filter((u) => u.set?.name !== undefined);
    const codes = new Map((await this.reads.rowsById(em, renamed.map((u) => u.id))).map((a) => [a.id, a.code]));
    const updates = batch.update.filter((u) => u.set && Object.keys(u.set).length).map((u) => {
      const { familyId, ...rest } = u.set!;
      const set: Record<string, unknown> = { ...rest, updatedAt: now };
      if (familyId !== undefined) set.family = familyId;
      if (rest.name !== undefined) set.searchText = foldText(`${codes.get(u.id) ?? ''} ${rest.name}`);
      return { id: u.id, set };
    });
    await updateRows(em, Article, updates);

    const barcodes = [
      ...batch.create.flatMap((d) => (d.barcodes ?? []).map((b) => ({ article: created.get(d.code), code: b.code, kind: b.kind }))),
      ...batch.update.flatMap((u) => (u.addBarcodes ?? []).map((b) => ({ article: u.id, code: b.code, kind: b.kind }))),
    ];
    await insertRows(em, Barcode, barcodes);

    const result: ArticleBatchResult = {
      created,
      updated: batch.update
        .map((u) => ({ id: u.id, changed: [...Object.keys(u.set ?? {}), ...(u.addBarcodes?.length ? ['barcodes'] : [])] }))
        .filter((u) => u.changed.length),
    };
    await hooks.articlesSaved.promise({ em, created: [...created.values()], updated: result.updated, user });
    return result;
  }

  private validate(batch: ArticleBatch, country: string): void {
    const errors: FieldError[] = [];
    const categories = new Set<string>(vatCategoriesFor(country).map((c) => c.code));
    const price = (field: string, p: number | null | undefined) => {
      if (p != null && (!Number.isInteger(p) || p < 0 || p > MAX_PRICE)) errors.push({ field, code: 'PRICE_INVALID', message: M.price });
    };
    const barcodes = (field: string, list: ArticleDraft['barcodes']) => {
      for (const [j, b] of (list ?? []).entries()) {
        const res = validateBarcode(b.code, b.kind);
        if (!res.ok) errors.push({ field: `${field}.${j}`, code: res.code, message: failureText(res, b.code) });
      }
    };
    const fields = (field: string, f: ArticleChange['set'] & object) => {
      if (f.name !== undefined && (!f.name.trim() || f.name.length > 200)) errors.push({ field: `${field}.name`, code: 'REQUIRED', message: M.required });
      if (f.vatCategory !== undefined && !categories.has(f.vatCategory)) errors.push({ field: `${field}.vatCategory`, code: 'VAT_CATEGORY_UNKNOWN', message: M.vatCategory(country) });
      if (f.unit !== undefined && !ARTICLE_UNITS.includes(f.unit)) errors.push({ field: `${field}.unit`, code: 'UNIT_INVALID', message: M.required });
      price(`${field}.price`, f.price);
    };
    for (const [i, d] of batch.create.entries()) {
      if (!CODE_RE.test(d.code)) errors.push({ field: `create.${i}.code`, code: 'CODE_FORMAT', message: M.codeFormat });
      fields(`create.${i}`, d);
      barcodes(`create.${i}.barcodes`, d.barcodes);
    }
    for (const [i, u] of batch.update.entries()) {
      fields(`update.${i}`, u.set ?? {});
      barcodes(`update.${i}.addBarcodes`, u.addBarcodes);
    }
    if (errors.length) throw new ValidationError(errors);
  }
}
