// Public API of @comptoir/catalog: the plugin (default export), its entities, services, hooks and domain rules.
import { catalogPlugin } from './plugin.js';

export default catalogPlugin;
export { catalogPlugin };
export * from './entities/index.js';
export { getCatalogHooks, type CatalogHooks, type ArticleSavingEvent, type ArticleSavedEvent, type ArticlesSavingEvent, type ArticlesSavedEvent, type PartySavedEvent } from './hooks.js';
export { ArticleService, SEARCH_COUNT_CAP, SEARCH_WALK_ROWS, type ArticlePage, type ArticleView, type ArticleInput, type ArticleQuery } from './services/article.service.js';
export { ArticleBatchService, type ArticleBatch, type ArticleDraft, type ArticleChange, type ArticleBatchResult } from './services/article-batch.service.js';
export { ArticleReads, type ArticleFacts, type ArticleRow } from './services/article-reads.js';
export { FamilyService, type FamilyView, type FamilyInput } from './services/family.service.js';
export { PartyService, type PartyInput, type PartyView } from './services/party.service.js';
export * from './domain/index.js';
export { foldText, searchWords } from './search-text.js';
