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
  `create trigger invoicing_document_issued_frozen before update on invoicing_document
   when old.status = 'issued' and (new.status is not old.status or new.type is not old.type or new.series is not old.series or new.year is not old.year or new.seq is not old.seq or new.number is not old.number or new.date is not old.date or new.due_date is not old.due_date or new.valid_until is not old.valid_until or new.payment_terms_days is not old.payment_terms_days or new.payment_terms is not old.payment_terms or new.customer_id is not old.customer_id or new.customer_name is not old.customer_name or new.customer_address is not old.customer_address or new.customer_vat_number is not old.customer_vat_number or new.delivery_address is not old.delivery_address or new.customer_reference is not old.customer_reference or new.prices_include_vat is not old.prices_include_vat or new.discount_rate is not old.discount_rate or new.discount_amount is not old.discount_amount or new.subtotal is not old.subtotal or new.discount is not old.discount or new.base is not old.base or new.vat is not old.vat or new.total is not old.total or new.credit_of_id is not old.credit_of_id or new.credit_reason is not old.credit_reason or new.structured_ref is not old.structured_ref or new.mentions is not old.mentions or new.notes is not old.notes or new.lang is not old.lang or new.country is not old.country or new.issued_at is not old.issued_at or new.issued_by is not old.issued_by
     or (old.signature is not null and new.signature is not old.signature))
   begin select raise(abort, 'invoicing_document_issued_frozen: an issued document cannot be changed'); end`,
  `create trigger invoicing_document_issued_no_delete before delete on invoicing_document when old.status = 'issued'
   begin select raise(abort, 'invoicing_document_issued_frozen: an issued document cannot be deleted'); end`,
  `create trigger invoicing_document_checks_insert before insert on invoicing_document
   when not ((new.status = 'draft' and new.number is null) or (new.status = 'issued' and new.number is not null))
   begin select raise(abort, 'invoicing_document_number_check constraint: a document is numbered exactly when issued'); end`,
  `create trigger invoicing_document_checks_update before update on invoicing_document
   when not ((new.status = 'draft' and new.number is null) or (new.status = 'issued' and new.number is not null))
     or new.paid_total < 0 or (new.paid_total > 0 and new.paid_total > new.total) or new.credited_total < 0 or (new.credited_total > 0 and new.credited_total > new.total)
   begin select raise(abort, 'invoicing_document_amounts_check constraint: payments and credit notes cannot exceed the invoice'); end`,
  `create trigger invoicing_line_issued_frozen before update on invoicing_line
   when (select status from invoicing_document where id = old.document_id) = 'issued' and (new.document_id is not old.document_id or new.position is not old.position or new.kind is not old.kind or new.article_id is not old.article_id or new.code is not old.code or new.description is not old.description or new.quantity is not old.quantity or new.unit_price is not old.unit_price or new.includes_vat is not old.includes_vat or new.vat_rate is not old.vat_rate or new.fixed_amount is not old.fixed_amount or new.discount_rate is not old.discount_rate or new.discount_amount is not old.discount_amount or new.price_fixed is not old.price_fixed or new.origin is not old.origin or new.parent_line_id is not old.parent_line_id or new.source_line_id is not old.source_line_id or new.ext is not old.ext or new.total is not old.total)
   begin select raise(abort, 'invoicing_line_issued_frozen: a line of an issued document cannot be changed'); end`,
  `create trigger invoicing_line_issued_no_delete before delete on invoicing_line
   when (select status from invoicing_document where id = old.document_id) = 'issued'
   begin select raise(abort, 'invoicing_line_issued_frozen: a line of an issued document cannot be deleted'); end`,
  `create trigger invoicing_line_issued_no_insert before insert on invoicing_line
   when (select status from invoicing_document where id = new.document_id) = 'issued'
   begin select raise(abort, 'invoicing_line_issued_frozen: an issued document cannot get new lines'); end`,
  `create trigger invoicing_line_quantities_check before update of delivered_quantity, invoiced_quantity, credited_quantity on invoicing_line
   when abs(new.delivered_quantity) > abs(new.quantity) or abs(new.invoiced_quantity) > abs(new.quantity) or abs(new.credited_quantity) > abs(new.quantity)
   begin select raise(abort, 'invoicing_line_quantities_check constraint: a line cannot be delivered, invoiced or credited beyond its quantity'); end`,
  `create trigger invoicing_payment_no_update before update on invoicing_payment
   begin select raise(abort, 'invoicing_payment is immutable: a payment cannot be changed'); end`,
  `create trigger invoicing_payment_no_delete before delete on invoicing_payment
   begin select raise(abort, 'invoicing_payment is immutable: a payment cannot be deleted'); end`,
]);
