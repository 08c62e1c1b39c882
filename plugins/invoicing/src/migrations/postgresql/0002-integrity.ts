import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator cannot know these): what the database itself refuses, whatever the code does.
// - an issued document (numbered) never changes nor disappears, nor do its lines; its journal signature is set once;
// - a document is numbered exactly when it is issued;
// - payments and credit notes never take an invoice beyond its total; a line is never delivered, invoiced or
//   credited beyond its quantity, across every document;
// - a payment, once recorded, never changes nor disappears.
// The generator does not know these: a future generated migration proposes to drop the PostgreSQL check constraints
// (invoicing_document_number_check, _amounts_check, invoicing_line_quantities_check); remove those lines from it.
export default defineMigration('0002-integrity', [
  `alter table invoicing_document add constraint invoicing_document_number_check check ((status = 'draft' and number is null) or (status = 'issued' and number is not null))`,
  `alter table invoicing_document add constraint invoicing_document_amounts_check check (paid_total >= 0 and (paid_total = 0 or paid_total <= total) and credited_total >= 0 and (credited_total = 0 or credited_total <= total))`,
  `alter table invoicing_line add constraint invoicing_line_quantities_check check (abs(delivered_quantity) <= abs(quantity) and abs(invoiced_quantity) <= abs(quantity) and abs(credited_quantity) <= abs(quantity))`,
  `create or replace function invoicing_document_issued_frozen() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       if old.status = 'issued' then raise exception 'invoicing_document_issued_frozen: an issued document cannot be deleted'; end if;
       return old;
     end if;
     if old.status = 'issued' and ((new.status, new.type, new.series, new.year, new.seq, new.number, new.date, new.due_date, new.valid_until, new.payment_terms_days, new.payment_terms, new.customer_id, new.customer_name, new.customer_address, new.customer_vat_number, new.delivery_address, new.customer_reference, new.prices_include_vat, new.discount_rate, new.discount_amount, new.subtotal, new.discount, new.base, new.vat, new.total, new.credit_of_id, new.credit_reason, new.structured_ref, new.mentions, new.notes, new.lang, new.country, new.issued_at, new.issued_by)
        is distinct from (old.status, old.type, old.series, old.year, old.seq, old.number, old.date, old.due_date, old.valid_until, old.payment_terms_days, old.payment_terms, old.customer_id, old.customer_name, old.customer_address, old.customer_vat_number, old.delivery_address, old.customer_reference, old.prices_include_vat, old.discount_rate, old.discount_amount, old.subtotal, old.discount, old.base, old.vat, old.total, old.credit_of_id, old.credit_reason, old.structured_ref, old.mentions, old.notes, old.lang, old.country, old.issued_at, old.issued_by)
        or (old.signature is not null and new.signature is distinct from old.signature)) then
       raise exception 'invoicing_document_issued_frozen: an issued document cannot be changed';
     end if;
     return new;
   end $$`,
  `create trigger invoicing_document_issued_frozen before update or delete on invoicing_document for each row execute function invoicing_document_issued_frozen()`,
  `create or replace function invoicing_line_issued_frozen() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       if (select status from invoicing_document where id = new.document_id) = 'issued' then
         raise exception 'invoicing_line_issued_frozen: an issued document cannot get new lines';
       end if;
       return new;
     end if;
     if (select status from invoicing_document where id = old.document_id) = 'issued' then
       if tg_op = 'DELETE' then raise exception 'invoicing_line_issued_frozen: a line of an issued document cannot be deleted'; end if;
       if (new.document_id, new.position, new.kind, new.article_id, new.code, new.description, new.quantity, new.unit_price, new.includes_vat, new.vat_rate, new.fixed_amount, new.discount_rate, new.discount_amount, new.price_fixed, new.origin, new.parent_line_id, new.source_line_id, new.ext, new.total)
          is distinct from (old.document_id, old.position, old.kind, old.article_id, old.code, old.description, old.quantity, old.unit_price, old.includes_vat, old.vat_rate, old.fixed_amount, old.discount_rate, old.discount_amount, old.price_fixed, old.origin, old.parent_line_id, old.source_line_id, old.ext, old.total) then
         raise exception 'invoicing_line_issued_frozen: a line of an issued document cannot be changed';
       end if;
     end if;
     if tg_op = 'DELETE' then return old; end if;
     return new;
   end $$`,
  `create trigger invoicing_line_issued_frozen before insert or update or delete on invoicing_line for each row execute function invoicing_line_issued_frozen()`,
  `create or replace function invoicing_immutable() returns trigger language plpgsql as $$
   begin raise exception '% is immutable: its rows cannot be changed, deleted or truncated', tg_table_name; end $$`,
  `create trigger invoicing_payment_immutable before update or delete on invoicing_payment for each row execute function invoicing_immutable()`,
  `create trigger invoicing_payment_no_truncate before truncate on invoicing_payment for each statement execute function invoicing_immutable()`,
  `create trigger invoicing_document_no_truncate before truncate on invoicing_document for each statement execute function invoicing_immutable()`,
]);
