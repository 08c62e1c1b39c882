import { NotFoundError, ValidationError, type EntityManager } from '@comptoir/kernel';
import { Article, Barcode, validateBarcode } from '@comptoir/catalog';
import { ASSOCIATION_KINDS, ArticleAssociation, ArticleContent, ArticlePack, PriceList, type AssociationKind } from '../entities/index.js';
import type { ContentUnit } from '../domain/index.js';
import { M, barcodeFailureText } from '../messages.js';
import { FieldErrors, isCents, isThousandths } from './validate.js';

export interface PackInput {
  articleId?: number;
  barcode?: string;
  quantity?: number;
  price?: number | null;
  priceListCode?: string | null;
  name?: string;
}

export interface PackView {
  id: number;
  articleId: number;
  barcode: string;
  quantity: number;
  price: number | null;
  priceListCode: string | null;
  name: string;
}

export interface AssociationInput {
  articleId?: number;
  associatedArticleId?: number;
  packId?: number | null;
  ratio?: number;
  kind?: AssociationKind;
}

export interface AssociationView {
  id: number;
  articleId: number;
  associatedArticleId: number;
  associatedArticleCode: string | null;
  associatedArticleName: string | null;
  packId: number | null;
  ratio: number;
  kind: AssociationKind;
}

export interface ContentView {
  articleId: number;
  quantity: number;
  unit: ContentUnit;
}

/** Packs (a case with its own barcode), associated articles (deposits, fees, accessories) and contents (33 cl). */
export class PackagingService {
  packView(p: ArticlePack): PackView {
    return { id: p.id, articleId: p.articleId, barcode: p.barcode, quantity: p.quantity, price: p.price, priceListCode: p.priceList?.code ?? null, name: p.name };
  }

  async packs(em: EntityManager, articleId?: number): Promise<ArticlePack[]> {
    return em.find(ArticlePack, articleId ? { articleId } : {}, { populate: ['priceList'], orderBy: { articleId: 'asc', quantity: 'asc', id: 'asc' }, limit: 1000 });
  }

  async getPack(em: EntityManager, id: number): Promise<ArticlePack> {
    const p = await em.findOne(ArticlePack, { id }, { populate: ['priceList'] });
    if (!p) throw new NotFoundError('PACK_NOT_FOUND', M.packNotFound(id));
    return p;
  }

  async savePack(outer: EntityManager, id: number | null, input: PackInput): Promise<ArticlePack> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.getPack(em, id);
      const errors = new FieldErrors();
      const articleId = input.articleId ?? existing?.articleId;
      if (articleId === undefined) errors.add('articleId', 'REQUIRED', M.required);
      else if (input.articleId !== undefined && !(await em.count(Article, { id: articleId }))) errors.add('articleId', 'ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
      let barcode = existing?.barcode;
      if (!existing || input.barcode !== undefined) {
        const res = validateBarcode(input.barcode ?? '');
        if (!res.ok) errors.add('barcode', res.code, barcodeFailureText(res, (input.barcode ?? '').trim()));
        else {
          barcode = res.normalized;
          const owner = await em.findOne(Barcode, { code: barcode }, { populate: ['article'] });
          if (owner) errors.add('barcode', 'BARCODE_TAKEN', M.barcodeOfArticle(barcode, owner.article.code));
          const twin = await em.findOne(ArticlePack, { barcode, ...(existing ? { id: { $ne: existing.id } } : {}) });
          if (twin) errors.add('barcode', 'BARCODE_TAKEN', M.barcodeOfPack(barcode, (await em.findOne(Article, { id: twin.articleId }))?.code ?? String(twin.articleId)));
        }
      }
      if ((!existing || input.quantity !== undefined) && !isThousandths(input.quantity, 1)) errors.add('quantity', 'QUANTITY_INVALID', M.quantity);
      if (input.price !== undefined && input.price !== null && !isCents(input.price)) errors.add('price', 'PRICE_INVALID', M.price);
      let list: PriceList | null | undefined;
      if (input.priceListCode !== undefined) {
        list = input.priceListCode === null ? null : await em.findOne(PriceList, { code: input.priceListCode });
        if (input.priceListCode !== null && !list) errors.add('priceListCode', 'PRICE_LIST_NOT_FOUND', M.listNotFound(input.priceListCode));
      }
      if (errors.has()) throw new ValidationError(errors.list);
      const pack = existing ?? em.create(ArticlePack, { articleId: articleId!, barcode: barcode!, quantity: input.quantity!, price: null, priceList: null, name: '', updatedAt: new Date() });
      pack.articleId = articleId!;
      pack.barcode = barcode!;
      if (input.quantity !== undefined) pack.quantity = input.quantity;
      if (input.price !== undefined) pack.price = input.price;
      if (list !== undefined) pack.priceList = list;
      if (input.name !== undefined) pack.name = input.name.trim();
      pack.updatedAt = new Date();
      await em.flush();
      return pack;
    });
  }

  async deletePack(em: EntityManager, id: number): Promise<void> {
    await em.remove(await this.getPack(em, id)).flush();
  }

  async associations(em: EntityManager, articleId?: number): Promise<AssociationView[]> {
    const rows = await em.find(ArticleAssociation, articleId ? { articleId } : {}, { orderBy: { articleId: 'asc', id: 'asc' }, limit: 1000 });
    const articles = new Map((await em.find(Article, { id: { $in: [...new Set(rows.map((r) => r.associatedArticleId))] } })).map((a) => [a.id, a]));
    return rows.map((r) => this.associationView(r, articles.get(r.associatedArticleId) ?? null));
  }

  associationView(r: ArticleAssociation, associated: Article | null): AssociationView {
    return {
      id: r.id, articleId: r.articleId, associatedArticleId: r.associatedArticleId, associatedArticleCode: associated?.code ?? null,
      associatedArticleName: associated?.name ?? null, packId: r.pack?.id ?? null, ratio: r.ratio, kind: r.kind,
    };
  }

  async getAssociation(em: EntityManager, id: number): Promise<ArticleAssociation> {
    const r = await em.findOne(ArticleAssociation, { id });
    if (!r) throw new NotFoundError('ASSOCIATION_NOT_FOUND', M.associationNotFound(id));
    return r;
  }

  /** Links an article to another one sold with it; refuses self-links and two articles adding each other. */
  async saveAssociation(outer: EntityManager, id: number | null, input: AssociationInput): Promise<ArticleAssociation> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.getAssociation(em, id);
      const errors = new FieldErrors();
      const articleId = input.articleId ?? existing?.articleId;
      const associatedId = input.associatedArticleId ?? existing?.associatedArticleId;
      if (articleId === undefined) errors.add('articleId', 'REQUIRED', M.required);
      else if (input.articleId !== undefined && !(await em.count(Article, { id: articleId }))) errors.add('articleId', 'ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
      if (associatedId === undefined) errors.add('associatedArticleId', 'REQUIRED', M.required);
      else if (input.associatedArticleId !== undefined && !(await em.count(Article, { id: associatedId }))) errors.add('associatedArticleId', 'ARTICLE_NOT_FOUND', M.articleNotFound(associatedId));
      if (articleId !== undefined && articleId === associatedId) errors.add('associatedArticleId', 'ASSOCIATION_SELF', M.selfAssociation);
      if (input.ratio !== undefined && !isThousandths(input.ratio, 1)) errors.add('ratio', 'RATIO_INVALID', M.ratio);
      if (input.kind !== undefined && !ASSOCIATION_KINDS.includes(input.kind)) errors.add('kind', 'KIND_INVALID', M.required);
      let pack: ArticlePack | null | undefined;
      if (input.packId !== undefined) {
        pack = input.packId === null ? null : await em.findOne(ArticlePack, { id: input.packId });
        if (input.packId !== null && (!pack || pack.articleId !== articleId)) errors.add('packId', 'PACK_NOT_FOUND', pack ? M.packOfOtherArticle : M.packNotFound(input.packId));
      }
      if (!errors.has()) {
        const reverse = await em.findOne(ArticleAssociation, { articleId: associatedId, associatedArticleId: articleId });
        if (reverse) errors.add('associatedArticleId', 'ASSOCIATION_CYCLE', M.associationCycle((await em.findOne(Article, { id: associatedId }))?.code ?? String(associatedId)));
        const packId = pack !== undefined ? pack?.id ?? null : existing?.pack?.id ?? null;
        const twin = await em.findOne(ArticleAssociation, { articleId, associatedArticleId: associatedId, pack: packId, ...(existing ? { id: { $ne: existing.id } } : {}) });
        if (twin) errors.add('associatedArticleId', 'ASSOCIATION_TAKEN', M.associationTaken);
      }
      if (errors.has()) throw new ValidationError(errors.list);
      const row = existing ?? em.create(ArticleAssociation, { articleId: articleId!, associatedArticleId: associatedId!, pack: null, ratio: 1000, kind: 'deposit', updatedAt: new Date() });
      row.articleId = articleId!;
      row.associatedArticleId = associatedId!;
      if (pack !== undefined) row.pack = pack;
      if (input.ratio !== undefined) row.ratio = input.ratio;
      if (input.kind !== undefined) row.kind = input.kind;
      row.updatedAt = new Date();
      await em.flush();
      return row;
    });
  }

  async deleteAssociation(em: EntityManager, id: number): Promise<void> {
    await em.remove(await this.getAssociation(em, id)).flush();
  }

  async content(em: EntityManager, articleId: number): Promise<ContentView | null> {
    const c = await em.findOne(ArticleContent, { articleId });
    return c ? { articleId, quantity: c.quantity, unit: c.unit } : null;
  }

  /** Sets what one unit of the article holds (33 cl = 330 l, 500 g = 500 kg). */
  async setContent(em: EntityManager, articleId: number, input: { quantity: number; unit: ContentUnit }): Promise<ContentView> {
    const errors = new FieldErrors();
    if (!(await em.count(Article, { id: articleId }))) throw new NotFoundError('ARTICLE_NOT_FOUND', M.articleNotFound(articleId));
    if (!isThousandths(input.quantity, 1)) errors.add('quantity', 'CONTENT_INVALID', M.content);
    if (input.unit !== 'kg' && input.unit !== 'l') errors.add('unit', 'CONTENT_INVALID', M.content);
    if (errors.has()) throw new ValidationError(errors.list);
    const c = (await em.findOne(ArticleContent, { articleId })) ?? em.create(ArticleContent, { articleId, quantity: input.quantity, unit: input.unit, updatedAt: new Date() });
    Object.assign(c, { quantity: input.quantity, unit: input.unit, updatedAt: new Date() });
    await em.flush();
    return { articleId, quantity: c.quantity, unit: c.unit };
  }

  async deleteContent(em: EntityManager, articleId: number): Promise<void> {
    await em.nativeDelete(ArticleContent, { articleId });
  }
}
