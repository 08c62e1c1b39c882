import { defineMigration } from '@comptoir/kernel';

// Written by hand: the stock plugin maps no entity (its hot paths are raw SQL inside the seller's transaction).
// - a movement is the only thing that changes stock, and never changes nor disappears;
// - the balance of an article at a location is the sum of its movements, kept by a trigger on each movement and
//   checked on every update (one movement at a time, its own quantity, not the previous one again; ids are not
//   monotonic in commit order on PostgreSQL, so the check cannot ask for a larger id);
// - a movement that says so (`refuse_negative`) is refused when it would take the balance below zero.
export default defineMigration('0001-init', [
  `create table stock_location (id integer not null primary key autoincrement, code text not null unique, name text not null,
   active integer not null default 1, position integer not null default 0)`,
  `insert into stock_location (id, code, name, position) values (1, 'shop', 'Magasin', 1), (2, 'backroom', 'Réserve', 2), (3, 'warehouse', 'Entrepôt', 3)`,
  `create table stock_movement (id integer not null primary key autoincrement, article_id integer not null,
   location_id integer not null references stock_location (id), kind text not null
     check (kind in ('initial', 'receipt', 'sale', 'return', 'loss', 'adjustment', 'transfer')),
   quantity integer not null check (quantity <> 0), unit_cost integer null check (unit_cost is null or unit_cost >= 0),
   average_cost integer null check (average_cost is null or average_cost >= 0),
   reason text not null default '', document_kind text null, document_id text null, document_number text null,
   transfer_id integer null, refuse_negative integer not null default 0, user_id integer null, at text not null)`,
  `create index stock_movement_article_location_index on stock_movement (article_id, location_id, id)`,
  `create index stock_movement_at_index on stock_movement (at)`,
  `create index stock_movement_document_index on stock_movement (document_kind, document_id)`,
  `create table stock_balance (article_id integer not null, location_id integer not null references stock_location (id),
   quantity integer not null default 0, movements integer not null default 0 check (movements >= 0), last_movement_id integer null,
   primary key (article_id, location_id))`,
  `create index stock_balance_location_index on stock_balance (location_id, article_id)`,
  `create table stock_threshold (article_id integer not null, location_id integer not null references stock_location (id),
   minimum integer null check (minimum is null or minimum >= 0), maximum integer null check (maximum is null or maximum >= 0),
   primary key (article_id, location_id), check (minimum is null or maximum is null or maximum >= minimum))`,
  // A movement never changes nor disappears: a mistake is corrected by another movement.
  `create trigger stock_movement_no_update before update on stock_movement
   begin select raise(abort, 'stock_movement is immutable: correct it with another movement'); end`,
  `create trigger stock_movement_no_delete before delete on stock_movement
   begin select raise(abort, 'stock_movement is immutable: correct it with another movement'); end`,
  // Each movement adds itself to its balance, in the same statement.
  `create trigger stock_movement_balance after insert on stock_movement
   begin
     insert into stock_balance (article_id, location_id, quantity, movements, last_movement_id)
       values (new.article_id, new.location_id, 0, 0, null) on conflict (article_id, location_id) do nothing;
     update stock_balance set quantity = quantity + new.quantity, movements = movements + 1, last_movement_id = new.id
       where article_id = new.article_id and location_id = new.location_id;
     select raise(abort, 'stock_insufficient: the balance would go below zero')
       where new.refuse_negative and new.quantity < 0
         and (select quantity from stock_balance where article_id = new.article_id and location_id = new.location_id) < 0;
   end`,
  // A balance moves by exactly one movement at a time, of its own article and location, and by that movement's quantity.
  `create trigger stock_balance_checked before update on stock_balance
   when new.article_id is not old.article_id or new.location_id is not old.location_id or new.movements is not old.movements + 1
     or new.last_movement_id is null or new.last_movement_id = coalesce(old.last_movement_id, 0)
     or (select quantity from stock_movement where id = new.last_movement_id and article_id = old.article_id and location_id = old.location_id) is not new.quantity - old.quantity
   begin select raise(abort, 'stock_balance_checked: a balance changes only by a movement'); end`,
  `create trigger stock_balance_no_delete before delete on stock_balance when old.movements > 0
   begin select raise(abort, 'stock_balance_checked: a balance with movements cannot be deleted'); end`,
  `create trigger stock_balance_starts_empty before insert on stock_balance when new.quantity <> 0 or new.movements <> 0
   begin select raise(abort, 'stock_balance_checked: a balance starts at zero'); end`,
]);
