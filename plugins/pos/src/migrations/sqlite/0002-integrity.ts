import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator cannot know these): what the database itself refuses, whatever the code does.
// - a line never refunds more than it sold, across every refund;
// - a paid ticket's figures and lines never change (its journal entry seals them; `journal verify` would notice);
// - a Z closure and its cash count never change nor disappear.
export default defineMigration('0002-integrity', [
  `create trigger pos_ticket_line_refund_check before update of refunded_quantity on pos_ticket_line
   when new.refunded_quantity < 0 or new.refunded_quantity > abs(new.quantity)
   begin select raise(abort, 'pos_ticket_line_refund_check constraint: a line cannot be refunded more than it sold'); end`,
  `create trigger pos_ticket_paid_frozen before update on pos_ticket
   when old.status = 'paid' and (new.status is not old.status or new.number is not old.number or new.total is not old.total
     or new.base is not old.base or new.vat is not old.vat or new.rounding is not old.rounding or new.change_given is not old.change_given
     or new.station_id is not old.station_id or new.closed_at is not old.closed_at or new.business_day is not old.business_day or new.kind is not old.kind)
   begin select raise(abort, 'pos_ticket_paid_frozen: a paid ticket cannot be changed'); end`,
  `create trigger pos_ticket_paid_no_delete before delete on pos_ticket when old.status = 'paid'
   begin select raise(abort, 'pos_ticket_paid_frozen: a paid ticket cannot be deleted'); end`,
  `create trigger pos_ticket_line_paid_frozen before update on pos_ticket_line
   when (select status from pos_ticket where id = old.ticket_id) = 'paid'
     and (new.quantity is not old.quantity or new.unit_price is not old.unit_price or new.total is not old.total or new.vat_rate is not old.vat_rate
       or new.discount_rate is not old.discount_rate or new.discount_amount is not old.discount_amount or new.ticket_id is not old.ticket_id)
   begin select raise(abort, 'pos_ticket_line_paid_frozen: a paid ticket''s line cannot be changed'); end`,
  `create trigger pos_ticket_line_paid_no_delete before delete on pos_ticket_line
   when (select status from pos_ticket where id = old.ticket_id) = 'paid'
   begin select raise(abort, 'pos_ticket_line_paid_frozen: a paid ticket''s line cannot be deleted'); end`,
  `create trigger pos_closure_no_update before update on pos_closure
   begin select raise(abort, 'pos_closure is immutable: a Z cannot be changed'); end`,
  `create trigger pos_closure_no_delete before delete on pos_closure
   begin select raise(abort, 'pos_closure is immutable: a Z cannot be deleted'); end`,
  `create trigger pos_cash_count_no_update before update on pos_cash_count
   begin select raise(abort, 'pos_cash_count is immutable'); end`,
  `create trigger pos_cash_count_no_delete before delete on pos_cash_count
   begin select raise(abort, 'pos_cash_count is immutable'); end`,
]);
