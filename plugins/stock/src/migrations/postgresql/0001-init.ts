import { defineMigration } from '@comptoir/kernel';

// Written by hand: the stock plugin maps no entity (its hot paths are raw SQL inside the seller's transaction).
// - a movement is the only thing that changes stock, and never changes nor disappears;
// - the balance of an article at a location is the sum of its movements, kept by a trigger on each movement and
//   checked on every update (one movement at a time, its own quantity, not the previous one again; ids are not
//   monotonic in commit order on PostgreSQL, so the check cannot ask for a larger id);
// - a movement that says so (`refuse_negative`) is refused when it would take the balance below zero; the balance
//   row's lock makes two stations selling the last unit wait for each other, and the second one is refused.
export default defineMigration('0001-init', [
  `create table stock_location (id serial primary key, code varchar(32) not null unique, name varchar(100) not null,
   active boolean not null default true, position integer not null default 0)`,
  `insert into stock_location (id, code, name, position) values (1, 'shop', 'Magasin', 1), (2, 'backroom', 'Réserve', 2), (3, 'warehouse', 'Entrepôt', 3)`,
  `select setval(pg_get_serial_sequence('stock_location', 'id'), 3)`,
  `create table stock_movement (id bigserial primary key, article_id integer not null,
   location_id integer not null references stock_location (id), kind varchar(16) not null
     check (kind in ('initial', 'receipt', 'sale', 'return', 'loss', 'adjustment', 'transfer')),
   quantity integer not null check (quantity <> 0), unit_cost integer null check (unit_cost is null or unit_cost >= 0),
   average_cost integer null check (average_cost is null or average_cost >= 0),
   reason varchar(500) not null default '', document_kind varchar(32) null, document_id varchar(64) null, document_number varchar(64) null,
   transfer_id bigint null, refuse_negative boolean not null default false, user_id integer null, at varchar(32) not null)`,
  `create index stock_movement_article_location_index on stock_movement (article_id, location_id, id)`,
  `create index stock_movement_at_index on stock_movement (at)`,
  `create index stock_movement_document_index on stock_movement (document_kind, document_id)`,
  `create table stock_balance (article_id integer not null, location_id integer not null references stock_location (id),
   quantity bigint not null default 0, movements integer not null default 0 check (movements >= 0), last_movement_id bigint null,
   primary key (article_id, location_id))`,
  `create index stock_balance_location_index on stock_balance (location_id, article_id)`,
  `create table stock_threshold (article_id integer not null, location_id integer not null references stock_location (id),
   minimum bigint null check (minimum is null or minimum >= 0), maximum bigint null check (maximum is null or maximum >= 0),
   primary key (article_id, location_id), check (minimum is null or maximum is null or maximum >= minimum))`,
  `create or replace function stock_movement_immutable() returns trigger language plpgsql as $$
   begin raise exception 'stock_movement is immutable: correct it with another movement'; end $$`,
  `create trigger stock_movement_immutable before update or delete on stock_movement for each row execute function stock_movement_immutable()`,
  `create or replace function stock_movement_balance() returns trigger language plpgsql as $$
   declare q bigint;
   begin
     insert into stock_balance (article_id, location_id, quantity, movements, last_movement_id)
       values (new.article_id, new.location_id, 0, 0, null) on conflict (article_id, location_id) do nothing;
     update stock_balance set quantity = quantity + new.quantity, movements = movements + 1, last_movement_id = new.id
       where article_id = new.article_id and location_id = new.location_id returning quantity into q;
     if new.refuse_negative and new.quantity < 0 and q < 0 then
       raise exception using errcode = '23514', message = 'stock_insufficient: the balance would go below zero';
     end if;
     return new;
   end $$`,
  `create trigger stock_movement_balance after insert on stock_movement for each row execute function stock_movement_balance()`,
  `create or replace function stock_balance_checked() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       if new.quantity <> 0 or new.movements <> 0 then raise exception 'stock_balance_checked: a balance starts at zero'; end if;
       return new;
     end if;
     if tg_op = 'DELETE' then
       if old.movements > 0 then raise exception 'stock_balance_checked: a balance with movements cannot be deleted'; end if;
       return old;
     end if;
     if new.article_id is distinct from old.article_id or new.location_id is distinct from old.location_id
        or new.movements is distinct from old.movements + 1 or new.last_movement_id is null or new.last_movement_id = coalesce(old.last_movement_id, 0)
        or (select m.quantity from stock_movement m where m.id = new.last_movement_id and m.article_id = old.article_id and m.location_id = old.location_id)
           is distinct from new.quantity - old.quantity then
       raise exception 'stock_balance_checked: a balance changes only by a movement';
     end if;
     return new;
   end $$`,
  `create trigger stock_balance_checked before insert or update or delete on stock_balance for each row execute function stock_balance_checked()`,
]);
