import { AsyncSeriesHook, defineHooks, type EntityManager, type User } from '@comptoir/kernel';
import type { Article, Customer, Supplier } from './entities/index.js';
import type { ArticleView } from './services/article.service.js';

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
  customerSaved: AsyncSeriesHook<[PartySavedEvent<Customer>]>;
  supplierSaved: AsyncSeriesHook<[PartySavedEvent<Supplier>]>;
}

/** Reach the catalogue's hooks with `getCatalogHooks(kernel)`. */
export const getCatalogHooks: (host: object) => Readonly<CatalogHooks> = defineHooks<CatalogHooks>(() => ({
  articleSaving: new AsyncSeriesHook<[ArticleSavingEvent]>(['event']),
  articleSaved: new AsyncSeriesHook<[ArticleSavedEvent]>(['event']),
  customerSaved: new AsyncSeriesHook<[PartySavedEvent<Customer>]>(['event']),
  supplierSaved: new AsyncSeriesHook<[PartySavedEvent<Supplier>]>(['event']),
}));
