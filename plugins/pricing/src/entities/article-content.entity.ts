import { EntitySchema } from '@comptoir/kernel';
import type { ContentUnit } from '../domain/index.js';

/** What one unit of an article holds (33 cl, 500 g), for the legal price per litre or per kg. */
export class ArticleContent {
  id!: number;
  articleId!: number;
  /** Thousandths of `unit`: 330 = 33 cl, 500 = 500 g. */
  quantity!: number;
  unit!: ContentUnit;
  updatedAt: Date = new Date();
}

export const ArticleContentSchema = new EntitySchema<ArticleContent>({
  class: ArticleContent,
  tableName: 'pricing_article_content',
  properties: {
    id: { type: 'integer', primary: true },
    articleId: { type: 'integer', unique: true },
    quantity: { type: 'integer' },
    unit: { type: 'string', length: 2 },
    updatedAt: { type: 'datetime' },
  },
});
