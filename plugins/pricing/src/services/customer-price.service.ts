import { NotFoundError, ValidationError, type EntityManager } from '@comptoir/kernel';
import { Article, Customer } from '@comptoir/catalog';
import { CustomerPrice, CustomerTerms, PriceList } from '../entities/index.js';
import { M } from '../messages.js';
import { FieldErrors, isUniqueViolation } from './validate.js';

export interface CustomerPriceInput {
  customerId?: number;
  articleId?: number;
  minQuantity?: number;
  unitPrice?: number;
  includesVat?: boolean;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface CustomerPriceView {
  id: number;
  customerId: number;
  customerCode: string | null;
  customerName: string | null;
  articleId: number;
  articleCode: string | null;
  articleName: string | null;
  minQuantity: number;
  unitPrice: number;
  includesVat: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface CustomerTermsView {
  customerId: number;
  /** The list assigned to the customer, or null. */
  priceListCode: string | null;
  /** The list the customer actually buys at: theirs when active, else the default list. */
  effectiveListCode: string | null;
}

/** Prices agreed with one customer, and which list each customer buys at. */
export class CustomerPriceService {
  async list(em: EntityManager, q: { customerId?: number; articleId?: number }): Promise<CustomerPriceView[]> {
    const where: Record<string, unknown> = {};
    if (q.customerId) where.customerId = q.customerId;
    if (q.articleId) where.articleId = q.articleId;
    const rows = await em.find(CustomerPrice, where, { orderBy: { customerId: 'asc', articleId: 'asc', minQuantity: 'asc', validFrom: 'asc', id: 'asc' }, limit: 1000 });
    return this.views(em, rows);
  }

  async views(em: EntityManager, rows: CustomerPrice[]): Promise<CustomerPriceView[]> {
    const customers = new Map((await em.find(Customer, { id: { $in: [...new Set(rows.map((r) => r.customerId))] } })).map((c) => [c.id, c]));
    const articles = new Map((await em.find(Article, { id: { $in: [...new Set(rows.map((r) => r.articleId))] } })).map((a) => [a.id, a]));
    return rows.map((r) => ({
      id: r.id, customerId: r.customerId, customerCode: customers.get(r.customerId)?.code ?? null, customerName: customers.get(r.customerId)?.name ?? null,
      articleId: r.articleId, articleCode: articles.get(r.articleId)?.code ?? null, articleName: articles.get(r.articleId)?.name ?? null,
      minQuantity: r.minQuantity, unitPrice: r.unitPrice, includesVat: r.includesVat, validFrom: r.validFrom, validTo: r.validTo,
    }));
  }

  async get(em: EntityManager, id: number): Promise<CustomerPrice> {
    const r = await em.findOne(CustomerPrice, { id });
    if (!r) throw new NotFoundError('PRICE_NOT_FOUND', M.priceNotFound(id));
    return r;
  }

  async save(outer: EntityManager, id: number | null, input: CustomerPriceInput): Promise<CustomerPrice> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.get(em, id);
      const errors = new FieldErrors();
      const customerId = input.customerId ?? existing?.customerId;
      if (customerId === undefined) errors.add('customerId', 'REQUIRED', M.required);
      else if (input.customerId !== undefined && !(await em.count(Customer, { id: customerId }))) errors.add('customerId', 'CUSTOMER_NOT_FOUND', M.customerNotFound(customerId));
      const articleId = input.articleId ?? existing?.articleId;
      if (articleId === undefined) errors.add('articleId', 'REQUIRED', M.required);
      else if (input.articleId !== undefined && !(await em.count(Article, { id: articleId }))) errors.add('articleId', 'ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
      const minQuantity = input.minQuantity ?? existing?.minQuantity ?? 0;
      if (input.minQuantity !== undefined) errors.minQuantity('minQuantity', input.minQuantity);
      if (!existing || input.unitPrice !== undefined) errors.price('unitPrice', input.unitPrice);
      const validFrom = input.validFrom !== undefined ? input.validFrom : existing?.validFrom ?? null;
      const validTo = input.validTo !== undefined ? input.validTo : existing?.validTo ?? null;
      errors.period(validFrom, validTo);
      if (!errors.has()) {
        const twin = await em.findOne(CustomerPrice, { customerId, articleId, minQuantity, validFrom, ...(existing ? { id: { $ne: existing.id } } : {}) });
        if (twin) errors.add('minQuantity', 'PRICE_ROW_TAKEN', M.customerRowTaken);
      }
      if (errors.has()) throw new ValidationError(errors.list);
      // Without a side of VAT, the price is on the side of the customer's list (a trade customer: without VAT).
      const includesVat = input.includesVat ?? existing?.includesVat ?? (await this.effectiveList(em, customerId!))?.includesVat ?? false;
      const row = existing ?? em.create(CustomerPrice, { customerId: customerId!, articleId: articleId!, minQuantity, unitPrice: input.unitPrice!, includesVat, validFrom, validTo, updatedAt: new Date() });
      Object.assign(row, { customerId, articleId, minQuantity, includesVat, validFrom, validTo, updatedAt: new Date() });
      if (input.unitPrice !== undefined) row.unitPrice = input.unitPrice;
      try {
        await em.flush();
      } catch (e) {
        if (isUniqueViolation(e)) throw new ValidationError([{ field: 'minQuantity', code: 'PRICE_ROW_TAKEN', message: M.customerRowTaken }]);
        throw e;
      }
      return row;
    });
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.remove(await this.get(em, id)).flush();
  }

  /** The list a customer buys at: their own when it is active, else the default list. */
  async effectiveList(em: EntityManager, customerId: number): Promise<PriceList | null> {
    const terms = await em.findOne(CustomerTerms, { customerId }, { populate: ['priceList'] });
    if (terms?.priceList.active) return terms.priceList;
    return em.findOne(PriceList, { isDefault: true });
  }

  async terms(em: EntityManager, customerId: number): Promise<CustomerTermsView> {
    if (!(await em.count(Customer, { id: customerId }))) throw new NotFoundError('CUSTOMER_NOT_FOUND', M.customerNotFound(customerId));
    const terms = await em.findOne(CustomerTerms, { customerId }, { populate: ['priceList'] });
    return { customerId, priceListCode: terms?.priceList.code ?? null, effectiveListCode: (await this.effectiveList(em, customerId))?.code ?? null };
  }

  /** Assigns a list to a customer (null: back to the default list). */
  async setTerms(outer: EntityManager, customerId: number, priceListCode: string | null): Promise<CustomerTermsView> {
    await outer.transactional(async (em) => {
      if (!(await em.count(Customer, { id: customerId }))) throw new NotFoundError('CUSTOMER_NOT_FOUND', M.customerNotFound(customerId));
      const terms = await em.findOne(CustomerTerms, { customerId });
      if (priceListCode === null) {
        if (terms) em.remove(terms);
        await em.flush();
        return;
      }
      const list = await em.findOne(PriceList, { code: priceListCode });
      if (!list) throw new ValidationError([{ field: 'priceListCode', code: 'PRICE_LIST_NOT_FOUND', message: M.listNotFound(priceListCode) }]);
      if (terms) {
        terms.priceList = list;
        terms.updatedAt = new Date();
      } else em.create(CustomerTerms, { customerId, priceList: list, updatedAt: new Date() });
      await em.flush();
    });
    return this.terms(outer, customerId);
  }

  /** Customers assigned to a list. */
  async customersOf(em: EntityManager, priceListId: number): Promise<Array<{ id: number; code: string; name: string }>> {
    const terms = await em.find(CustomerTerms, { priceList: priceListId });
    const customers = await em.find(Customer, { id: { $in: terms.map((t) => t.customerId) } }, { orderBy: { name: 'asc' } });
    return customers.map((c) => ({ id: c.id, code: c.code, name: c.name }));
  }
}
