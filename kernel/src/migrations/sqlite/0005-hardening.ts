import { defineMigration } from '../../db/migrations.js';

// Sign-in bookkeeping leaves the versioned user row (a sign-in no longer bumps the user's version, so it cannot
// make an administrator's edit conflict); the journal's heads get the same guard as its entries; anchors record,
// outside the journal, which chains must exist and how long they are at least.
export default defineMigration('0005-hardening', [
  'create table `kernel_sign_in` (`user_id` integer not null primary key, `pin_failures` integer not null default 0, `pin_locked_until` integer null, `last_sign_in_at` integer null, `last_sign_in_method` text null)',
  'insert into `kernel_sign_in` (`user_id`, `pin_failures`) select `id`, `pin_failures` from `kernel_user`',
  'alter table `kernel_user` drop column `pin_failures`',
  'alter table `kernel_user` drop column `pin_locked_until`',
  `create trigger kernel_journal_head_no_delete before delete on kernel_journal_head
   begin select raise(abort, 'kernel_journal_head is append-only: a chain''s head cannot be removed'); end`,
  `create trigger kernel_journal_head_new before insert on kernel_journal_head
   when new.last_seq <> 0 or new.last_hash <> ''
   begin select raise(abort, 'kernel_journal_head: a chain starts empty'); end`,
  `create trigger kernel_journal_head_moves before update on kernel_journal_head
   when not (new.chain = old.chain and (
     (new.last_seq = old.last_seq + 1 and new.last_hash = old.last_hash)
     or (new.last_seq = old.last_seq and exists (select 1 from kernel_journal_entry e where e.chain = new.chain and e.seq = new.last_seq and e.hash = new.last_hash))))
   begin select raise(abort, 'kernel_journal_head moves only with an appended entry'); end`,
  'create table `kernel_journal_anchor` (`id` integer not null primary key autoincrement, `chain` text not null, `seq` integer not null, `hash` text not null, `source` text not null, `created_at` text not null)',
  `create trigger kernel_journal_anchor_no_update before update on kernel_journal_anchor
   begin select raise(abort, 'kernel_journal_anchor is append-only'); end`,
  `create trigger kernel_journal_anchor_no_delete before delete on kernel_journal_anchor
   begin select raise(abort, 'kernel_journal_anchor is append-only'); end`,
]);
