import { defineMigration } from '../../db/migrations.js';

// Sign-in bookkeeping leaves the versioned user row (a sign-in no longer bumps the user's version, so it cannot
// make an administrator's edit conflict); the journal's heads get the same guard as its entries; anchors record,
// outside the journal, which chains must exist and how long they are at least. Every guard trigger is ENABLE
// ALWAYS: `session_replication_role = replica` (what replication tools set) no longer silences it.
export default defineMigration('0005-hardening', [
  'create table "kernel_sign_in" ("user_id" int not null primary key, "pin_failures" int not null default 0, "pin_locked_until" bigint null, "last_sign_in_at" bigint null, "last_sign_in_method" varchar(16) null)',
  'insert into "kernel_sign_in" ("user_id", "pin_failures") select "id", "pin_failures" from "kernel_user"',
  'alter table "kernel_user" drop column "pin_failures"',
  'alter table "kernel_user" drop column "pin_locked_until"',
  `create or replace function kernel_journal_head_guard() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
       raise exception 'kernel_journal_head is append-only: a chain''s head cannot be removed';
     end if;
     if tg_op = 'INSERT' then
       if new.last_seq <> 0 or new.last_hash <> '' then raise exception 'kernel_journal_head: a chain starts empty'; end if;
       return new;
     end if;
     if new.chain = old.chain and new.last_seq = old.last_seq + 1 and new.last_hash = old.last_hash then return new; end if;
     if new.chain = old.chain and new.last_seq = old.last_seq and exists (
       select 1 from kernel_journal_entry e where e.chain = new.chain and e.seq = new.last_seq and e.hash = new.last_hash) then return new; end if;
     raise exception 'kernel_journal_head moves only with an appended entry';
   end $$`,
  `create trigger kernel_journal_head_guard before insert or update or delete on kernel_journal_head
   for each row execute function kernel_journal_head_guard()`,
  `create trigger kernel_journal_head_no_truncate before truncate on kernel_journal_head
   for each statement execute function kernel_journal_head_guard()`,
  'create table "kernel_journal_anchor" ("id" serial primary key, "chain" varchar(32) not null, "seq" int not null, "hash" varchar(64) not null, "source" varchar(64) not null, "created_at" varchar(32) not null)',
  `create or replace function kernel_journal_anchor_append_only() returns trigger language plpgsql as $$
   begin raise exception 'kernel_journal_anchor is append-only'; end $$`,
  `create trigger kernel_journal_anchor_no_update before update or delete on kernel_journal_anchor
   for each row execute function kernel_journal_anchor_append_only()`,
  `create trigger kernel_journal_anchor_no_truncate before truncate on kernel_journal_anchor
   for each statement execute function kernel_journal_anchor_append_only()`,
  'alter table kernel_journal_entry enable always trigger kernel_journal_entry_no_update',
  'alter table kernel_journal_entry enable always trigger kernel_journal_entry_no_truncate',
  'alter table kernel_journal_head enable always trigger kernel_journal_head_guard',
  'alter table kernel_journal_head enable always trigger kernel_journal_head_no_truncate',
  'alter table kernel_journal_anchor enable always trigger kernel_journal_anchor_no_update',
  'alter table kernel_journal_anchor enable always trigger kernel_journal_anchor_no_truncate',
]);
