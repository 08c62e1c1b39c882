import { EntitySchema } from '@comptoir/kernel';
import { ArticlePack } from './pack.entity.js';

export type AssociationKind = 'deposit' | 'accessory' | 'fee';
export const ASSOCIATION_KINDS: readonly AssociationKind[] = ['deposit', 'accessory', 'fee'];

/**
 * Selling an article also sells `ratio` thousandths of another one per unit: the deposit on a bottle, a
 * recycling fee, an accessory. With `pack` set, the line is added only when the article is sold through that
 * pack, `ratio` per pack (the crate that comes with a case, not with a single bottle).
 */
export class ArticleAssociation {
  id!: number;
  articleId!: number;
  associatedArticleId!: number;
  pack: ArticlePack | null = null;
  /** Thousandths per unit (or per pack): 1000 = one each. */
  ratio = 1000;
  kind: AssociationKind = 'deposit';
  updatedAt: Date = new Date();
}

export const ArticleAssociationSchema = new EntitySchema<ArticleAssociation>({
  class: ArticleAssociation,
  tableName: 'pricing_association',
  uniques: [{ name: 'pricing_association_unique', expression: 'create unique index pricing_association_unique on pricing_association (article_id, associated_article_id, coalesce(pack_id, 0))' }],
  properties: {
    id: { type: 'integer', primary: true },
    articleId: { type: 'integer', index: true },
    associatedArticleId: { type: 'integer', index: true },
    pack: { kind: 'm:1', entity: () => ArticlePack, nullable: true, deleteRule: 'cascade', index: true },
    ratio: { type: 'integer' },
    kind: { type: 'string', length: 12 },
    updatedAt: { type: 'datetime' },
  },
});
