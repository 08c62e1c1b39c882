import { Shop, NotFoundError, VersionConflictError, type EntityManager, type FieldError, type Kernel, type User } from '@comptoir/kernel';
import { Article, Barcode, Family, ARTICLE_UNITS, type ArticleUnit } from '../entities/index.js';
import type { BarcodeKind } from '../domain/index.js';
import { validateBarcode, findVatCategory, vatCategoriesFor } from '../domain/index.js';
import { failureText, M } from '../messages.js';
import { foldText } from '../search-text.js';
import { getCatalogHooks } from '../hooks.js';
import { raceSafe, refuse } from './refuse.js';
import type { ArticleReads } from './article-reads.js';
import { searchArticles, type ArticlePage, type ArticleQuery } from './article-search.js';

export { SEARCH_COUNT_CAP, SEARCH_WALK_ROWS, type ArticlePage, type ArticleQuery } from './article-search.js';

/** An article as the API and the shell see it. */
export interface ArticleView {
  id: number;
  code: string;
  name: string;
  description: string;
  familyId: number | null;
  familyName: string | null;
  unit: ArticleUnit;
  vatCategory: string;
  vatRate: number;
  barcodes: Array<{ code: string; kind: BarcodeKind }>;
  price: number | null;
  active: boolean;
  version: number;
  updatedAt: string;
}

/** Fields of an article as a person edits them; absent fields keep their value. */
export interface ArticleInput {
  code?: string;
  name?: string;
  description?: string;
  familyId?: number | null;
  unit?: ArticleUnit;
  vatCategory?: string;
  barcodes?: Array<string | { code: string; kind?: BarcodeKind }>;
  price?: number | null;
  active?: boolean;
  /** The version the editor read; a different current version means someone else changed it. */
  version?: number;
}

const CODE_RE = /^[A-Za-z0-9._-]{1,32}$/;
export const MAX_PRICE = 999_999_999;

/** Articles and their barcodes: search, look-up by barcode, validated create and update. */
export class ArticleService {
  private readonly kernel: Kernel;
  private readonly reads: ArticleReads;

  constructor({ kernel, catalogReads }: { kernel: Kernel; catalogReads: ArticleReads }) {
    this.kernel = kernel;
    this.reads = catalogReads;
  }

  /** The article as shown to people. */
  view(a: Article): ArticleView {
    return {
      id: a.id, code: a.code, name: a.name, description: a.description,
      familyId: a.family?.id ?? null, familyName: a.family?.name ?? null,
      unit: a.unit, vatCategory: a.vatCategory, vatRate: findVatCategory(a.vatCategory)?.rate ?? 0,
      barcodes: a.barcodes.isInitialized() ? a.barcodes.getItems().map((b) => ({ code: b.code, kind: b.kind })).sort((x, y) => x.code.localeCompare(y.code)) : [],
      price: a.price, active: a.active, version: a.version, updatedAt: a.updatedAt.toISOString(),
    };
  }

  /**
   * Searches by exact barcode, else by words: every word a fragment of the code or name, in any order, accents
   * and case ignored ("biere triple" finds "Triple … Bière"); paged, by name then id; matches counted up to
   * {@link SEARCH_COUNT_CAP} (`totalCapped`: "more than 1,000"). See `article-search.ts` for how it stays fast.
   */
  search(em: EntityManager, query: ArticleQuery): Promise<ArticlePage> {
    return searchArticles(em, query, { reads: this.reads, familyAndDescendants: (id) => this.familyAndDescendants(em, id) });
  }

  private async familyAndDescendants(em: EntityManager, id: number): Promise<number[]> {
    const all = await em.find(Family, {}, { fields: ['id', 'parent'] });
    const out = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const f of all) if (f.parent && out.has(f.parent.id) && !out.has(f.id)) { out.add(f.id); grew = true; }
    }
    return [...out];
  }

  async get(em: EntityManager, id: number): Promise<Article> {
    const a = await em.findOne(Article, { id }, { populate: ['barcodes', 'family'] });
    if (!a) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(id));
    return a;
  }

  /** The article carrying a barcode (the code as scanned, surrounding blanks ignored). */
  async findByBarcode(em: EntityManager, code: string): Promise<Article> {
    const b = await em.findOne(Barcode, { code: code.trim() }, { populate: ['article', 'article.barcodes', 'article.family'] });
    if (!b) throw new NotFoundError('ARTICLE_NOT_FOUND', M.barcodeNotFound(code.trim()));
    return b.article;
  }

  async create(em: EntityManager, input: ArticleInput, user: User | null): Promise<Article> {
    return this.save(em, null, input, user);
  }

  async update(em: EntityManager, id: number, input: ArticleInput, user: User | null): Promise<Article> {
    return this.save(em, id, input, user);
  }

  /** Validates every field, then writes the article and its barcodes in one transaction (hooks included). */
  private async save(outer: EntityManager, id: number | null, input: ArticleInput, user: User | null): Promise<Article> {
    const what = { fr: id === null ? 'ce nouvel article' : `l’article ${id}`, nl: id === null ? 'dit nieuwe artikel' : `artikel ${id}`, en: id === null ? 'this new article' : `article ${id}` };
    return raceSafe(() => outer.transactional(async (em) => {
      const existing = id === null ? null : await this.get(em, id);
      if (existing && input.version !== undefined && input.version !== existing.version) throw new VersionConflictError({ fr: `l’article ${existing.code}`, nl: `artikel ${existing.code}`, en: `article ${existing.code}` });
      const country = (await em.findOne(Shop, { id: 1 }))?.country ?? 'BE';
      const errors: FieldError[] = [];
      const isNew = !existing;

      const code = input.code?.trim();
      if (isNew || input.code !== undefined) {
        if (!code) errors.push({ field: 'code', code: 'REQUIRED', message: M.required });
        else if (!CODE_RE.test(code)) errors.push({ field: 'code', code: 'CODE_FORMAT', message: M.codeFormat });
        else if (await em.count(Article, { code, ...(existing ? { id: { $ne: existing.id } } : {}) })) {
          errors.push({ field: 'code', code: 'CODE_TAKEN', message: M.codeTaken(code) });
        }
      }
      const name = input.name?.trim();
      if ((isNew || input.name !== undefined) && !name) errors.push({ field: 'name', code: 'REQUIRED', message: M.required });
      if (input.unit !== undefined && !ARTICLE_UNITS.includes(input.unit)) errors.push({ field: 'unit', code: 'UNIT_INVALID', message: M.required });
      if (isNew || input.vatCategory !== undefined) {
        if (!input.vatCategory) errors.push({ field: 'vatCategory', code: 'REQUIRED', message: M.required });
        else if (!vatCategoriesFor(country).some((c) => c.code === input.vatCategory)) {
          errors.push({ field: 'vatCategory', code: 'VAT_CATEGORY_UNKNOWN', message: M.vatCategory(country) });
        }
      }
      if (input.price != null && (!Number.isInteger(input.price) || input.price < 0 || input.price > MAX_PRICE)) {
        errors.push({ field: 'price', code: 'PRICE_INVALID', message: M.price });
      }
      let family: Family | null | undefined;
      if (input.familyId !== undefined) {
        family = input.familyId === null ? null : await em.findOne(Family, { id: input.familyId });
        if (input.familyId !== null && !family) errors.push({ field: 'familyId', code: 'FAMILY_NOT_FOUND', message: M.family });
      }
      const barcodes: Array<{ code: string; kind: BarcodeKind }> = [];
      if (input.barcodes !== undefined) {
        const seen = new Set<string>();
        for (const [i, raw] of input.barcodes.entries()) {
          const value = typeof raw === 'string' ? raw : raw.code;
          const res = validateBarcode(value ?? '', typeof raw === 'string' ? undefined : raw.kind);
          if (!res.ok) {
            errors.push({ field: `barcodes.${i}`, code: res.code, message: failureText(res, (value ?? '').trim()) });
            continue;
          }
          if (seen.has(res.normalized)) {
            errors.push({ field: `barcodes.${i}`, code: 'BARCODE_DUPLICATE', message: M.barcodeTwice(res.normalized) });
            continue;
          }
          seen.add(res.normalized);
          const owner = await em.findOne(Barcode, { code: res.normalized }, { populate: ['article'] });
          if (owner && owner.article.id !== existing?.id) {
            errors.push({ field: `barcodes.${i}`, code: 'BARCODE_TAKEN', message: M.barcodeTaken(res.normalized, owner.article.code) });
            continue;
          }
          barcodes.push({ code: res.normalized, kind: res.kind });
        }
      }
      if (errors.length) refuse(errors);

      const article = existing ?? new Article();
      const before = existing ? this.view(existing) : null;
      if (code) article.code = code;
      if (name) article.name = name;
      if (input.description !== undefined) article.description = input.description.trim();
      if (family !== undefined) article.family = family;
      if (input.unit !== undefined) article.unit = input.unit;
      if (input.vatCategory !== undefined) article.vatCategory = input.vatCategory;
      if (input.price !== undefined) article.price = input.price;
      if (input.active !== undefined) article.active = input.active;
      article.searchText = foldText(`${article.code} ${article.name}`);
      article.updatedAt = new Date();
      if (isNew) {
        article.createdAt = article.updatedAt;
        em.persist(article);
      }
      if (input.barcodes !== undefined) {
        const keep = new Set(barcodes.map((b) => b.code));
        for (const b of article.barcodes.getItems()) if (!keep.has(b.code)) article.barcodes.remove(b);
        // Removed codes are deleted before new ones are inserted, so a code can move between fields.
        await em.flush();
        const have = new Set(article.barcodes.getItems().map((b) => b.code));
        for (const b of barcodes) if (!have.has(b.code)) article.barcodes.add(em.create(Barcode, { article, code: b.code, kind: b.kind }));
      }
      const hooks = getCatalogHooks(this.kernel);
      await hooks.articleSaving.promise({ em, article, isNew, user });
      await em.flush();
      const after = this.view(article);
      const changed = before ? (Object.keys(after) as Array<keyof ArticleView>).filter((k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k])) : Object.keys(after);
      await hooks.articleSaved.promise({ em, article, isNew, user, changed, before });
      return article;
    }), what);
  }
}
