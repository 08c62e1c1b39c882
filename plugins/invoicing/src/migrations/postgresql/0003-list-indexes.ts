import { defineMigration } from '@comptoir/kernel';

// The lists read newest first within a type or a customer: these indexes give the rows in that order, so a page
// reads its 50 rows instead of sorting every matching document (declared on the entity too).
export default defineMigration('0003-list-indexes', [
  'create index "invoicing_document_type_id_index" on "invoicing_document" ("type", "id")',
  'create index "invoicing_document_customer_id_id_index" on "invoicing_document" ("customer_id", "id")',
]);
