import { NotFoundError, ValidationError, VersionConflictError, DomainError, type EntityManager, type User, type AwilixContainer } from '@comptoir/kernel';
import { Article, type ArticleService, type ArticleBatchService, type ArticleReads } from '@comptoir/catalog';
import { ListPrice, PriceList, type ListName } from '../entities/index.js';
import { M } from '../messages.js';
import { dialectOf, query, run } from '../sql.js';
import { rowsVersion } from '../domain/rows-version.js';
import { CODE_RE, FieldErrors, isUniqueViolation } from './validate.js';
import { articleOf, isBaseRow, onCatalogueSide, onListSide } from './catalogue-sync.js';

/** A list's name as typed: one text for every language, or one per language. */
export type ListNameInput = string | { fr: string; nl?: string; en?: string };

export interface PriceListInput {
  code?: string;
  name?: ListNameInput;
  includesVat?: boolean;
  isDefault?: boolean;
  active?: boolean;
  position?: number;
  version?: number;
}

export interface ListPriceInput {
  priceListId?: number;
  priceListCode?: string;
  articleId?: number;
  minQuantity?: number;
  unitPrice?: number;
  validFrom?: string | null;
  validTo?: string | null;
}

/** One row of an article's prices in a list, as `PUT /prices/articles/:articleId/lists/:listCode` takes it. */
export interface PriceRowInput {
  /** The stored row this one is (keep it from what you read); none for a new row. */
  id?: number;
  minQuantity: number;
  unitPrice: number;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface ArticleListPricesInput {
  /** Every row the article is to have in the list: the stored rows become exactly these. */
  rows: PriceRowInput[];
  /** `rowsVersion` of the rows read (the `version` of the GET or of the previous PUT); 409 when they changed since. */
  version?: number;
}

/** An article's prices in one list, with their version. */
export interface ArticleListPricesView {
  articleId: number;
  priceListCode: string;
  version: number;
  rows: ListPriceView[];
}

export interface PriceListView {
  id: number;
  code: string;
  name: ListName;
  includesVat: boolean;
  isDefault: boolean;
  active: boolean;
  position: number;
  version: number;
  priceCount: number;
  customerCount: number;
}

export interface ListPriceView {
  /** The stored row's id; 0 for the default list's base price, which is the article's catalogue price (`source: 'article'`). */
  id: number;
  /** Where the price lives: a row of the list, or the article's catalogue price (the default list's base price). */
  source: 'list' | 'article';
  priceListId: number;
  priceListCode: string;
  articleId: number;
  articleCode: string | null;
  articleName: string | null;
  minQuantity: number;
  unitPrice: number;
  includesVat: boolean;
  validFrom: string | null;
  validTo: string | null;
}

const names = (n: ListNameInput): ListName => {
  if (typeof n === 'string') return { fr: n.trim(), nl: n.trim(), en: n.trim() };
  const fr = n.fr.trim();
  return { fr, nl: n.nl?.trim() || fr, en: n.en?.trim() || fr };
};

/** Price lists and their prices (base prices and quantity breaks, with their periods). */
export class PriceListService {
  private readonly container: AwilixContainer;

  constructor({ kernel }: { kernel: { container: AwilixContainer } }) {
    this.container = kernel.container;
  }

  async lists(em: EntityManager): Promise<PriceListView[]> {
    const lists = await em.find(PriceList, {}, { orderBy: { position: 'asc', id: 'asc' } });
    const prices = await query<{ id: number; n: number | string }>(em, 'select price_list_id as id, count(*) as n from pricing_list_price group by price_list_id');
    const customers = await query<{ id: number; n: number | string }>(em, 'select price_list_id as id, count(*) as n from pricing_customer_terms group by price_list_id');
    const count = (rows: Array<{ id: number; n: number | string }>, id: number) => Number(rows.find((r) => r.id === id)?.n ?? 0);
    return lists.map((l) => this.listView(l, count(prices, l.id), count(customers, l.id)));
  }

  listView(l: PriceList, priceCount = 0, customerCount = 0): PriceListView {
    return { id: l.id, code: l.code, name: l.name, includesVat: l.includesVat, isDefault: l.isDefault, active: l.active, position: l.position, version: l.version, priceCount, customerCount };
  }

  async getList(em: EntityManager, id: number): Promise<PriceList> {
    const l = await em.findOne(PriceList, { id });
    if (!l) throw new NotFoundError('PRICE_LIST_NOT_FOUND', M.listNotFound(id));
    return l;
  }

  async listByCode(em: EntityManager, code: string): Promise<PriceList> {
    const l = await em.findOne(PriceList, { code });
    if (!l) throw new NotFoundError('PRICE_LIST_NOT_FOUND', M.listNotFound(code));
    return l;
  }

  async saveList(outer: EntityManager, id: number | null, input: PriceListInput, user: User | null = null): Promise<PriceList> {
    return this.writeList(outer, id, input, user).catch((e: unknown) => {
      // Concurrent requests: another list became the default, or the list was changed, since we read it.
      const text = e instanceof Error ? `${(e as { detail?: string }).detail ?? ''} ${e.message}` : '';
      if (isUniqueViolation(e) && /is_default|one_default/.test(text)) {
        throw new DomainError('PRICE_LIST_DEFAULT_TAKEN', M.listDefaultTaken, { status: 409, errors: [{ field: 'isDefault', code: 'PRICE_LIST_DEFAULT_TAKEN', message: M.listDefaultTaken }] });
      }
      if (isUniqueViolation(e)) throw new DomainError('ALREADY_EXISTS', M.codeTaken(input.code ?? ''), { status: 409, errors: [{ field: 'code', code: 'CODE_TAKEN', message: M.codeTaken(input.code ?? '') }] });
      if (e instanceof Error && e.name === 'OptimisticLockError') throw new VersionConflictError({ fr: 'les listes de prix', nl: 'de prijslijsten', en: 'the price lists' });
      throw e;
    });
  }

  private async writeList(outer: EntityManager, id: number | null, input: PriceListInput, user: User | null): Promise<PriceList> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.getList(em, id);
      if (existing && input.version !== undefined && input.version !== existing.version) throw new VersionConflictError({ fr: `la liste de prix ${existing.code}`, nl: `prijslijst ${existing.code}`, en: `price list ${existing.code}` });
      const errors = new FieldErrors();
      const code = input.code?.trim();
      if (!existing || input.code !== undefined) {
        if (!code) errors.add('code', 'REQUIRED', M.required);
        else if (!CODE_RE.test(code)) errors.add('code', 'CODE_FORMAT', M.codeFormat);
        else if (await em.count(PriceList, { code, ...(existing ? { id: { $ne: existing.id } } : {}) })) errors.add('code', 'CODE_TAKEN', M.codeTaken(code));
      }
      const name = input.name === undefined ? undefined : names(input.name);
      if ((!existing || name) && !name?.fr) errors.add('name', 'REQUIRED', M.required);
      if (existing?.isDefault && input.isDefault === false) errors.add('isDefault', 'DEFAULT_REQUIRED', M.listDefaultDelete);
      const willBeDefault = input.isDefault ?? existing?.isDefault ?? false;
      if (willBeDefault && (input.active ?? existing?.active ?? true) === false) errors.add('active', 'DEFAULT_INACTIVE', M.listDefaultInactive);
      if (existing && input.includesVat !== undefined && input.includesVat !== existing.includesVat && (await em.count(ListPrice, { priceList: existing }))) {
        errors.add('includesVat', 'LIST_HAS_PRICES', M.listHasPrices);
      }
      if (errors.has()) throw new ValidationError(errors.list);

      const list = existing ?? em.create(PriceList, { code: code!, name: name!, includesVat: input.includesVat ?? true, isDefault: false, active: true, position: input.position ?? (await em.count(PriceList, {})), createdAt: new Date(), updatedAt: new Date(), version: 1 });
      if (code) list.code = code;
      if (name) list.name = name;
      if (input.includesVat !== undefined) list.includesVat = input.includesVat;
      if (input.active !== undefined) list.active = input.active;
      if (input.position !== undefined) list.position = input.position;
      list.updatedAt = new Date();
      if (input.isDefault === true && !list.isDefault) {
        // Exactly one default list: the previous one steps down first (the partial unique index
        // pricing_price_list_one_default checks each row at once; a concurrent switch gets a 409).
        for (const other of await em.find(PriceList, { isDefault: true })) other.isDefault = false;
        await em.flush();
        list.isDefault = true;
        await em.flush();
        await this.baseRowsToArticles(em, list, user);
        return list;
      }
      await em.flush();
      return list;
    });
  }

  /**
   * A list becoming the default: its base rows (threshold 0 or one unit, no period) become the articles' catalogue
   * prices through the catalogue's bulk API, and are deleted (the default list stores no base row). Articles without
   * a base row in it keep their price.
   */
  private async baseRowsToArticles(em: EntityManager, list: PriceList, user: User | null): Promise<void> {
    // Plain rows, not entities: the bulk API writes the articles behind the identity map's back.
    const rows = await query<{ id: number; article_id: number; unit_price: number }>(em,
      'select id, article_id, unit_price from pricing_list_price where price_list_id = ? and min_quantity <= 1000 and valid_from is null and valid_to is null order by article_id, min_quantity, id', [list.id]);
    if (!rows.length) return;
    const lowest = new Map<number, number>();
    for (const r of rows) if (!lowest.has(Number(r.article_id))) lowest.set(Number(r.article_id), Number(r.unit_price));
    const articles = await this.container.resolve<ArticleReads>('catalogReads').rowsById(em, [...lowest.keys()]);
    const update = articles.flatMap((a) => {
      const price = onCatalogueSide(list, lowest.get(a.id)!, a.vatCategory);
      return a.price === price ? [] : [{ id: a.id, set: { price } }];
    });
    await em.nativeDelete(ListPrice, { id: { $in: rows.map((r) => Number(r.id)) } });
    if (update.length) await this.container.resolve<ArticleBatchService>('catalogArticleBatch').save(em, { create: [], update }, user);
  }

  async deleteList(outer: EntityManager, id: number): Promise<void> {
    await outer.transactional(async (em) => {
      const list = await this.getList(em, id);
      if (list.isDefault) throw new DomainError('PRICE_LIST_DEFAULT', M.listDefaultDelete, { status: 409 });
      const [{ n }] = await query<{ n: number | string }>(em, 'select count(*) as n from pricing_customer_terms where price_list_id = ?', [id]);
      if (Number(n)) throw new DomainError('PRICE_LIST_IN_USE', M.listInUse(Number(n)), { status: 409 });
      await em.nativeDelete(ListPrice, { priceList: list });
      em.remove(list);
      await em.flush();
    });
  }

  /** Prices of a list and/or an article, base prices first, then breaks by threshold. */
  async prices(em: EntityManager, q: { priceListId?: number; articleId?: number; page?: number; pageSize?: number }): Promise<{ items: ListPriceView[]; total: number; page: number; pageSize: number }> {
    const page = Math.max(1, q.page ?? 1);
    const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 100));
    const where: Record<string, unknown> = {};
    if (q.priceListId) where.priceList = q.priceListId;
    if (q.articleId) where.articleId = q.articleId;
    const [rows, total] = await em.findAndCount(ListPrice, where, {
      populate: ['priceList'], orderBy: { articleId: 'asc', priceList: { position: 'asc' }, minQuantity: 'asc', validFrom: 'asc', id: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize,
    });
    const articles = new Map((await em.find(Article, { id: { $in: [...new Set([...rows.map((r) => r.articleId), ...(q.articleId ? [q.articleId] : [])])] } })).map((a) => [a.id, a]));
    const items = rows.map((r) => this.priceView(r, articles.get(r.articleId) ?? null));
    // One article's prices: the default list's base price (the article's catalogue price) is shown in its place.
    const article = q.articleId ? articles.get(q.articleId) : undefined;
    if (article && page === 1) {
      const list = await em.findOne(PriceList, { isDefault: true, ...(q.priceListId ? { id: q.priceListId } : {}) });
      const base = list ? this.baseView(list, article) : null;
      if (list && base) {
        // Lists by position: the base row goes first among the default list's rows.
        const at = rows.findIndex((r) => r.priceList.position > list.position || (r.priceList.position === list.position && r.priceList.id >= list.id));
        items.splice(at < 0 ? items.length : at, 0, base);
        return { items, total: total + 1, page, pageSize };
      }
    }
    return { items, total, page, pageSize };
  }

  priceView(r: ListPrice, article: Article | null): ListPriceView {
    return {
      id: r.id, priceListId: r.priceList.id, priceListCode: r.priceList.code, articleId: r.articleId, articleCode: article?.code ?? null, articleName: article?.name ?? null,
      minQuantity: r.minQuantity, unitPrice: r.unitPrice, includesVat: r.priceList.includesVat, validFrom: r.validFrom, validTo: r.validTo, source: 'list',
    };
  }

  /**
   * The default list's base price of an article: not a stored row but the article's catalogue price (VAT included),
   * on the list's side of VAT; null when the article has no price or the list is not the default.
   */
  baseView(list: PriceList, article: Article): ListPriceView | null {
    if (!list.isDefault || article.price === null) return null;
    return {
      id: 0, priceListId: list.id, priceListCode: list.code, articleId: article.id, articleCode: article.code, articleName: article.name,
      minQuantity: 0, unitPrice: onListSide(list, article.price, article.vatCategory), includesVat: list.includesVat, validFrom: null, validTo: null, source: 'article',
    };
  }

  /** Writes a default-list base price where it lives: the article's catalogue price, through the catalogue's service. */
  private async writeBase(em: EntityManager, list: PriceList, article: Article, unitPrice: number, user: User | null): Promise<Article> {
    const price = onCatalogueSide(list, unitPrice, article.vatCategory);
    if (article.price === price) return article;
    return this.container.resolve<ArticleService>('catalogArticles').update(em, article.id, { price }, user);
  }

  async getPrice(em: EntityManager, id: number): Promise<ListPrice> {
    const r = await em.findOne(ListPrice, { id }, { populate: ['priceList'] });
    if (!r) throw new NotFoundError('PRICE_NOT_FOUND', M.priceNotFound(id));
    return r;
  }

  /**
   * Creates or changes a price. The base price of the default list (threshold 0 or one unit, no period) is not
   * stored here: it is the article's catalogue price, written through the catalogue's service (the answer is the
   * virtual row, `source: 'article'`).
   */
  async savePrice(outer: EntityManager, id: number | null, input: ListPriceInput, user: User | null): Promise<ListPriceView> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.getPrice(em, id);
      const errors = new FieldErrors();
      let list: PriceList | null = existing?.priceList ?? null;
      if (input.priceListId !== undefined || input.priceListCode !== undefined) {
        list = await em.findOne(PriceList, input.priceListId !== undefined ? { id: input.priceListId } : { code: input.priceListCode });
        if (!list) errors.add('priceListId', 'PRICE_LIST_NOT_FOUND', M.listNotFound(input.priceListId ?? input.priceListCode ?? ''));
      } else if (!existing) errors.add('priceListId', 'REQUIRED', M.required);
      const articleId = input.articleId ?? existing?.articleId;
      if (articleId === undefined) errors.add('articleId', 'REQUIRED', M.required);
      else if (input.articleId !== undefined && !(await em.count(Article, { id: articleId }))) errors.add('articleId', 'ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
      const minQuantity = input.minQuantity ?? existing?.minQuantity ?? 0;
      const validFrom = input.validFrom !== undefined ? input.validFrom : existing?.validFrom ?? null;
      const validTo = input.validTo !== undefined ? input.validTo : existing?.validTo ?? null;
      // The row as it will be (what is not sent stays as stored), checked like every row of a PUT.
      errors.priceRow({ minQuantity, unitPrice: input.unitPrice ?? existing?.unitPrice, validFrom, validTo });
      if (!errors.has() && list && articleId !== undefined) {
        const twin = await em.findOne(ListPrice, { priceList: list, articleId, minQuantity, validFrom, ...(existing ? { id: { $ne: existing.id } } : {}) });
        if (twin) errors.add('minQuantity', 'PRICE_ROW_TAKEN', M.rowTaken);
      }
      if (errors.has()) throw new ValidationError(errors.list);

      if (list!.isDefault && isBaseRow({ minQuantity, validFrom, validTo })) {
        if (existing) await em.remove(existing).flush();
        const article = await this.writeBase(em, list!, await articleOf(em, articleId!), input.unitPrice ?? existing!.unitPrice, user);
        return this.baseView(list!, article)!;
      }
      const row = existing ?? em.create(ListPrice, { priceList: list!, articleId: articleId!, minQuantity, unitPrice: input.unitPrice!, validFrom, validTo, updatedAt: new Date() });
      row.priceList = list!;
      row.articleId = articleId!;
      row.minQuantity = minQuantity;
      if (input.unitPrice !== undefined) row.unitPrice = input.unitPrice;
      row.validFrom = validFrom;
      row.validTo = validTo;
      row.updatedAt = new Date();
      try {
        await em.flush();
      } catch (e) {
        // The unique index caught a twin written between our check and our insert.
        if (isUniqueViolation(e)) throw new ValidationError([{ field: 'minQuantity', code: 'PRICE_ROW_TAKEN', message: M.rowTaken }]);
        throw e;
      }
      return this.priceView(row, null);
    });
  }

  async deletePrice(em: EntityManager, id: number): Promise<void> {
    const row = await this.getPrice(em, id);
    await em.remove(row).flush();
  }

  /** An article's prices in one list (base price first, then breaks), with their version. */
  async articlePrices(em: EntityManager, articleId: number, listCode: string): Promise<ArticleListPricesView> {
    const list = await this.listByCode(em, listCode);
    const article = await articleOf(em, articleId);
    const rows = await this.rowsOf(em, list, articleId);
    const base = this.baseView(list, article);
    return { articleId: article.id, priceListCode: list.code, version: this.versionOf(rows, base), rows: [...(base ? [base] : []), ...rows.map((r) => this.priceView(r, article))] };
  }

  /** The version of an article's rows in a list, the default list's virtual base row (id 0) included. */
  private versionOf(rows: readonly ListPrice[], base: ListPriceView | null): number {
    return rowsVersion([...rows, ...(base ? [base] : [])]);
  }

  /**
   * Replaces an article's prices in one list, in one transaction: the stored rows become exactly `input.rows`
   * (rows with an id are changed, the others created, stored rows not given deleted). Every row is checked first,
   * with the single-row rules, and every problem is reported at once (`rows.<i>.<field>`); a refused request
   * changes nothing. A row id that is no longer the article's in this list, or a `version` that is not the
   * stored rows' any more, is a 409: someone changed the prices since they were read.
   */
  async replaceArticlePrices(outer: EntityManager, articleId: number, listCode: string, input: ArticleListPricesInput, user: User | null): Promise<ArticleListPricesView> {
    return outer.transactional(async (em) => {
      const list = await this.listByCode(em, listCode);
      const article = await articleOf(em, articleId);

      const errors = new FieldErrors();
      const ids = new Set<number>();
      const keys = new Set<string>();
      const wanted = input.rows.map((r, i) => {
        const row = { id: r.id, minQuantity: r.minQuantity, unitPrice: r.unitPrice, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null };
        const at = errors.under(`rows.${i}.`);
        at.priceRow(row);
        if (row.id !== undefined) {
          if (ids.has(row.id)) at.add('id', 'PRICE_ROW_REPEATED', M.rowRepeated);
          ids.add(row.id);
        }
        // The database's unique row (list, article, threshold, first day), checked among the rows sent: the
        // stored rows not sent are deleted, so only the rows sent can collide.
        if (!at.has('minQuantity') && !at.has('validFrom')) {
          const key = `${row.minQuantity}|${row.validFrom ?? ''}`;
          if (keys.has(key)) at.add('minQuantity', 'PRICE_ROW_TAKEN', M.rowTaken);
          keys.add(key);
        }
        return row;
      });
      if (errors.has()) throw new ValidationError(errors.list);

      const conflict = () => new VersionConflictError(M.articleListPrices(article.name, list.name));
      if (dialectOf(em) === 'postgresql') {
        // Two replacements of the same list wait for each other (and a single-row insert waits for this one).
        await run(em, 'select id from pricing_price_list where id = ? for update', [list.id]);
      }
      const stored = await this.rowsOf(em, list, articleId);
      const storedBase = this.baseView(list, article);
      if (input.version !== undefined && input.version !== this.versionOf(stored, storedBase)) throw conflict();
      const byId = new Map(stored.map((r) => [r.id, r]));
      // Id 0 is the default list's base row as read (the article's price): a conflict when there is none any more.
      if (wanted.some((r) => r.id !== undefined && !byId.has(r.id) && !(r.id === 0 && storedBase))) throw conflict();
      // The default list's base row is the article's catalogue price: written through the catalogue, never stored.
      const baseAt = list.isDefault ? wanted.findIndex((w) => isBaseRow(w)) : -1;
      if (list.isDefault) {
        const extra = wanted.findIndex((w, i) => i !== baseAt && isBaseRow(w));
        if (extra >= 0) throw new ValidationError([{ field: `rows.${extra}.minQuantity`, code: 'PRICE_ROW_TAKEN', message: M.rowTaken }]);
      }
      const baseRow = baseAt >= 0 ? wanted[baseAt] : null;
      const listRows = wanted.filter((_, i) => i !== baseAt);
      const keep = new Set(listRows.flatMap((r) => (r.id === undefined ? [] : [r.id])));

      const now = new Date();
      try {
        // Deletions first: a deleted row frees its threshold for another.
        const gone = stored.filter((r) => !keep.has(r.id));
        if (gone.length) {
          for (const r of gone) em.remove(r);
          await em.flush();
        }
        // The unique index is checked at each statement: a row taking the threshold another row leaves (two
        // rows swapping theirs) first moves to a threshold no real row has, its id made negative.
        const moving = listRows.flatMap((w) => {
          const row = w.id === undefined ? undefined : byId.get(w.id);
          return row && (row.minQuantity !== w.minQuantity || row.validFrom !== w.validFrom) ? [row] : [];
        });
        if (moving.length) {
          for (const row of moving) row.minQuantity = -row.id;
          await em.flush();
        }
        const rows = listRows.map((w) => {
          const row = w.id === undefined ? undefined : byId.get(w.id);
          if (!row) return em.create(ListPrice, { priceList: list, articleId, minQuantity: w.minQuantity, unitPrice: w.unitPrice, validFrom: w.validFrom, validTo: w.validTo, updatedAt: now });
          if (row.minQuantity !== w.minQuantity || row.unitPrice !== w.unitPrice || row.validFrom !== w.validFrom || row.validTo !== w.validTo) {
            Object.assign(row, { minQuantity: w.minQuantity, unitPrice: w.unitPrice, validFrom: w.validFrom, validTo: w.validTo, updatedAt: now });
          }
          return row;
        });
        await em.flush();
        // The default list's base price, in this same transaction; a base row not sent leaves the article's price.
        const written = baseRow ? await this.writeBase(em, list, article, baseRow.unitPrice, user) : article;
        const base = this.baseView(list, written);
        const views = rows.map((r) => this.priceView(r, written));
        if (base) views.splice(baseRow ? baseAt : 0, 0, base);
        return { articleId: article.id, priceListCode: list.code, version: this.versionOf(rows, base), rows: views };
      } catch (e) {
        // Rows written between our reading and our writing by another request (the rows sent are distinct).
        if (isUniqueViolation(e)) throw conflict();
        throw e;
      }
    });
  }

  private async rowsOf(em: EntityManager, list: PriceList, articleId: number): Promise<ListPrice[]> {
    return em.find(ListPrice, { priceList: list, articleId }, { orderBy: { minQuantity: 'asc', validFrom: 'asc', id: 'asc' } });
  }
}
