import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator knows nothing of full-text indexes): article search by word fragments in any
// order uses an FTS5 trigram index over the folded `search_text` (an external-content table kept current by
// triggers), so that `like '%fragment%'` is answered from the index instead of scanning every article.
export default defineMigration('0002-search', [
  "create virtual table `catalog_article_fts` using fts5(`search_text`, content='catalog_article', content_rowid='id', tokenize='trigram')",
  "insert into `catalog_article_fts` (`catalog_article_fts`) values ('rebuild')",
  "create trigger `catalog_article_fts_insert` after insert on `catalog_article` begin insert into `catalog_article_fts` (rowid, `search_text`) values (new.`id`, new.`search_text`); end",
  "create trigger `catalog_article_fts_delete` after delete on `catalog_article` begin insert into `catalog_article_fts` (`catalog_article_fts`, rowid, `search_text`) values ('delete', old.`id`, old.`search_text`); end",
  "create trigger `catalog_article_fts_update` after update of `search_text` on `catalog_article` begin insert into `catalog_article_fts` (`catalog_article_fts`, rowid, `search_text`) values ('delete', old.`id`, old.`search_text`); insert into `catalog_article_fts` (rowid, `search_text`) values (new.`id`, new.`search_text`); end",
  // Pages are in name order: the planner can walk this index when a fragment matches many articles.
  "create index `catalog_article_name_index` on `catalog_article` (`name`)",
]);
