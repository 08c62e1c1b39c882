import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator knows nothing of trigram indexes): article search by word fragments in any
// order (`search_text like '%fragment%'` per word) is answered from a GIN trigram index. pg_trgm ships with
// PostgreSQL's contrib and is a trusted extension (PostgreSQL 13+): the database's owner may create it.
export default defineMigration('0002-search', [
  'create extension if not exists pg_trgm',
  'create index "catalog_article_search_text_trgm" on "catalog_article" using gin ("search_text" gin_trgm_ops)',
  // Pages are in name order: the planner can walk this index when a fragment matches many articles.
  'create index "catalog_article_name_index" on "catalog_article" ("name")',
]);
