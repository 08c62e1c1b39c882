import { AsyncSeriesHook, defineHooks, type EntityManager, type User } from '@comptoir/kernel';
import type { Article, Customer, Supplier } from './entities/index.js';
import type { ArticleView } from './services/article.service.js';
import type { ArticleBatch } from './services/article-batch.service.js';

/** An article about to be written: taps may change it, or throw a DomainError to refuse the change. */
export interface ArticleSavingEvent {
  em: EntityManager;
  article: Article;
  isNew: boolean;
  user: User | null;
}

/** An article written (flushed), inside the same transaction: taps' writes commit or roll back with it. */
export interface ArticleSavedEvent {
  em: EntityManager;
  article: Article;
  isNew: boolean;
  user: User | null;
  /** Names of the fields that changed (all fields for a new article). */
  changed: string[];
  /** The article as it was before this change (null for a new article). */
  before: ArticleView | null;
}

/** A batch of articles about to be written (bulk API, e.g. a supplier import): taps may throw a DomainError to refuse it. */
export interface ArticlesSavingEvent {
  em: EntityManager;
  batch: ArticleBatch;
  user: User | null;
}

/** A batch of articles written, inside the same transaction: ids of the new articles and of the changed ones. */
export interface ArticlesSavedEvent {
  em: EntityManager;
  created: number[];
  /** Changed articles with the names of the fields the batch set ('barcodes' when it added some). */
  updated: Array<{ id: number; changed: string[] }>;
  user: User | null;
}

/** A customer or supplier written, inside the same transaction. */
export interface PartySavedEvent<T> {
  em: EntityManager;
  party: T;
  isNew: boolean;
  user: User | null;
}

/** The catalogue's extension points. */
export interface CatalogHooks {
  /** Before an article is written, inside its transaction; throw a DomainError to refuse the change. */
  articleSaving: AsyncSeriesHook<[ArticleSavingEvent]>;
  /** After an article is written, inside the same transaction. */
  articleSaved: AsyncSeriesHook<[ArticleSavedEvent]>;
  /** Before a batch of articles is written through the bulk API, inside its transaction. */
  articlesSaving: AsyncSeriesHook<[ArticlesSavingEvent]>;
  /** After a batch of articles is written through the bulk API, inside the same transaction. */
  articlesSaved: AsyncSeriesHook<[ArticlesSavedEvent]>;
  customerSaved: AsyncSeriesHook<[PartySavedEvent<Customer>]>;
  supplierSaved: AsyncSeriesHook<[PartySavedEvent<Supplier>]>;
}

/** Reach the catalogue's hooks with `getCatalogHooks(kernel)`. */
export const getCatalogHooks: (host: object) => Readonly<CatalogHooks> = defineHooks<CatalogHooks>(() => ({
  articleSaving: new AsyncSeriesHook<[ArticleSavingEvent]>(['event']),
  articleSaved: new AsyncSeriesHook<[ArticleSavedEvent]>(['event']),
  articlesSaving: new AsyncSeriesHook<[ArticlesSavingEvent]>(['event']),
  articlesSaved: new AsyncSeriesHook<[ArticlesSavedEvent]>(['event']),
  customerSaved: new AsyncSeriesHook<[PartySavedEvent<Customer>]>(['event']),
  supplierSaved: new AsyncSeriesHook<[PartySavedEvent<Supplier>]>(['event']),
}));
