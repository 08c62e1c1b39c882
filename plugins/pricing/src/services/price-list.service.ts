import { NotFoundError, ValidationError, VersionConflictError, DomainError, type EntityManager, type User, type AwilixContainer } from '@comptoir/kernel';
import { Article, type ArticleService } from '@comptoir/catalog';
import { ListPrice, PriceList, type ListName } from '../entities/index.js';
import { M } from '../messages.js';
import { query } from '../sql.js';
import { CODE_RE, FieldErrors, isUniqueViolation } from './validate.js';
import { articleOf, syncArticleFromDefaultPrice } from './catalogue-sync.js';

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
  id: number;
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

  async saveList(outer: EntityManager, id: number | null, input: PriceListInput): Promise<PriceList> {
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
      if (input.isDefault === true && !list.isDefault) {
        // Exactly one default list: the previous one steps down.
        for (const other of await em.find(PriceList, { isDefault: true })) other.isDefault = false;
        list.isDefault = true;
      }
      list.updatedAt = new Date();
      await em.flush();
      return list;
    });
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
    const articles = new Map((await em.find(Article, { id: { $in: [...new Set(rows.map((r) => r.articleId))] } })).map((a) => [a.id, a]));
    return { items: rows.map((r) => this.priceView(r, articles.get(r.articleId) ?? null)), total, page, pageSize };
  }

  priceView(r: ListPrice, article: Article | null): ListPriceView {
    return {
      id: r.id, priceListId: r.priceList.id, priceListCode: r.priceList.code, articleId: r.articleId, articleCode: article?.code ?? null, articleName: article?.name ?? null,
      minQuantity: r.minQuantity, unitPrice: r.unitPrice, includesVat: r.priceList.includesVat, validFrom: r.validFrom, validTo: r.validTo,
    };
  }

  async getPrice(em: EntityManager, id: number): Promise<ListPrice> {
    const r = await em.findOne(ListPrice, { id }, { populate: ['priceList'] });
    if (!r) throw new NotFoundError('PRICE_NOT_FOUND', M.priceNotFound(id));
    return r;
  }

  /**
   * Creates or changes a price. The base price of the default list (no period) is the catalogue's price:
   * changing one changes the other, in the same transaction.
   */
  async savePrice(outer: EntityManager, id: number | null, input: ListPriceInput, user: User | null): Promise<ListPrice> {
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
      if (input.minQuantity !== undefined) errors.minQuantity('minQuantity', input.minQuantity);
      if (!existing || input.unitPrice !== undefined) errors.price('unitPrice', input.unitPrice);
      const validFrom = input.validFrom !== undefined ? input.validFrom : existing?.validFrom ?? null;
      const validTo = input.validTo !== undefined ? input.validTo : existing?.validTo ?? null;
      errors.period(validFrom, validTo);
      if (!errors.has() && list && articleId !== undefined) {
        const twin = await em.findOne(ListPrice, { priceList: list, articleId, minQuantity, validFrom, ...(existing ? { id: { $ne: existing.id } } : {}) });
        if (twin) errors.add('minQuantity', 'PRICE_ROW_TAKEN', M.rowTaken);
      }
      if (errors.has()) throw new ValidationError(errors.list);

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
      const articles = this.container.resolve<ArticleService>('articleService');
      await syncArticleFromDefaultPrice(em, row, await articleOf(em, row.articleId), articles, user);
      return row;
    });
  }

  async deletePrice(em: EntityManager, id: number): Promise<void> {
    const row = await this.getPrice(em, id);
    await em.remove(row).flush();
  }
}
