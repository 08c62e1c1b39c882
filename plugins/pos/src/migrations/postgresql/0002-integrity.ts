import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator cannot know these): what the database itself refuses, whatever the code does.
// - a line never refunds more than it sold, across every refund;
// - a paid ticket's figures and lines never change (its journal entry seals them; `journal verify` would notice);
// - a Z closure and its cash count never change nor disappear.
export default defineMigration('0002-integrity', [
  `alter table pos_ticket_line add constraint pos_ticket_line_refund_check check (refunded_quantity >= 0 and refunded_quantity <= abs(quantity))`,
  `create or replace function pos_ticket_paid_frozen() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       if old.status = 'paid' then raise exception 'pos_ticket_paid_frozen: a paid ticket cannot be deleted'; end if;
       return old;
     end if;
     if old.status = 'paid' and (new.status, new.number, new.total, new.base, new.vat, new.rounding, new.change_given, new.station_id, new.closed_at, new.business_day, new.kind)
        is distinct from (old.status, old.number, old.total, old.base, old.vat, old.rounding, old.change_given, old.station_id, old.closed_at, old.business_day, old.kind) then
       raise exception 'pos_ticket_paid_frozen: a paid ticket cannot be changed';
     end if;
     return new;
   end $$`,
  `create trigger pos_ticket_paid_frozen before update or delete on pos_ticket for each row execute function pos_ticket_paid_frozen()`,
  `create or replace function pos_ticket_line_paid_frozen() returns trigger language plpgsql as $$
   begin
     if (select status from pos_ticket where id = old.ticket_id) = 'paid' then
       if tg_op = 'DELETE' then raise exception 'pos_ticket_line_paid_frozen: a paid ticket''s line cannot be deleted'; end if;
       if (new.quantity, new.unit_price, new.total, new.vat_rate, new.discount_rate, new.discount_amount, new.ticket_id)
          is distinct from (old.quantity, old.unit_price, old.total, old.vat_rate, old.discount_rate, old.discount_amount, old.ticket_id) then
         raise exception 'pos_ticket_line_paid_frozen: a paid ticket''s line cannot be changed';
       end if;
     end if;
     if tg_op = 'DELETE' then return old; end if;
     return new;
   end $$`,
  `create trigger pos_ticket_line_paid_frozen before update or delete on pos_ticket_line for each row execute function pos_ticket_line_paid_frozen()`,
  `create or replace function pos_immutable() returns trigger language plpgsql as $$
   begin raise exception '% is immutable: a Z and its cash count cannot be changed or deleted', tg_table_name; end $$`,
  `create trigger pos_closure_immutable before update or delete on pos_closure for each row execute function pos_immutable()`,
  `create trigger pos_closure_no_truncate before truncate on pos_closure for each statement execute function pos_immutable()`,
  `create trigger pos_cash_count_immutable before update or delete on pos_cash_count for each row execute function pos_immutable()`,
  `create trigger pos_cash_count_no_truncate before truncate on pos_cash_count for each statement execute function pos_immutable()`,
]);
