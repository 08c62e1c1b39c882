import { defineMigration } from '@comptoir/kernel';

// Hand-written. An issued invoice keeps the till ticket it invoices: its link is frozen with the rest of it (0002
// froze the columns that existed then).
export default defineMigration('0005-ticket-link-frozen', [
  `create trigger invoicing_document_ticket_frozen before update of pos_ticket_id, pos_ticket_number on invoicing_document
   when old.status = 'issued' and (new.pos_ticket_id is not old.pos_ticket_id or new.pos_ticket_number is not old.pos_ticket_number)
   begin select raise(abort, 'invoicing_document_issued_frozen: an issued document cannot be changed'); end`,
]);
