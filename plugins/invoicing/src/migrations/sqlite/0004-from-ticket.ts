import { defineMigration } from '@comptoir/kernel';

// An invoice made from a paid till ticket (`POST /from-ticket`) keeps the ticket it invoices; a ticket is invoiced once.
export default defineMigration('0004-from-ticket', [
  'alter table `invoicing_document` add column `pos_ticket_id` integer null',
  "alter table `invoicing_document` add column `pos_ticket_number` text not null default ''",
  'create unique index `invoicing_document_pos_ticket_id_unique` on `invoicing_document` (`pos_ticket_id`)',
]);
