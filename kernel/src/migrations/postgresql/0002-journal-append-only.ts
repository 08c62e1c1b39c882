import { defineMigration } from '../../db/migrations.js';

// The fiscal journal is append-only: the database itself refuses to change, remove or truncate entries.
export default defineMigration('0002-journal-append-only', [
  `create or replace function kernel_journal_append_only() returns trigger language plpgsql as $$
   begin raise exception 'kernel_journal_entry is append-only: entries cannot be changed or deleted'; end $$`,
  `create trigger kernel_journal_entry_no_update before update or delete on kernel_journal_entry
   for each row execute function kernel_journal_append_only()`,
  `create trigger kernel_journal_entry_no_truncate before truncate on kernel_journal_entry
   for each statement execute function kernel_journal_append_only()`,
]);
