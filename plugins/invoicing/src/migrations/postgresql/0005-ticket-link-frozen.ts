import { defineMigration } from '@comptoir/kernel';

// Hand-written. An issued invoice keeps the till ticket it invoices: its link is frozen with the rest of it (0002
// froze the columns that existed then).
export default defineMigration('0005-ticket-link-frozen', [
  `create or replace function invoicing_document_ticket_frozen() returns trigger language plpgsql as $$
   begin
     if old.status = 'issued' and (new.pos_ticket_id, new.pos_ticket_number) is distinct from (old.pos_ticket_id, old.pos_ticket_number) then
       raise exception 'invoicing_document_issued_frozen: an issued document cannot be changed';
     end if;
     return new;
   end $$`,
  `create trigger invoicing_document_ticket_frozen before update on invoicing_document for each row execute function invoicing_document_ticket_frozen()`,
]);
