import { defineMigration } from '../../db/migrations.js';

// The fiscal journal is append-only: the database itself refuses to change or remove an entry.
export default defineMigration('0002-journal-append-only', [
  `create trigger kernel_journal_entry_no_update before update on kernel_journal_entry
   begin select raise(abort, 'kernel_journal_entry is append-only: entries cannot be changed'); end`,
  `create trigger kernel_journal_entry_no_delete before delete on kernel_journal_entry
   begin select raise(abort, 'kernel_journal_entry is append-only: entries cannot be deleted'); end`,
]);
