import { defineMigration } from '../../db/migrations.js';

// The software's name and version with every journal entry (empty for the entries written before it, whose hash
// did not cover it); the Ed25519 signatures of the signed chains' entries, append-only like the entries.
export default defineMigration('0006-journal-fiscal', [
  "alter table `kernel_journal_entry` add column `software` text not null default ''",
  'create table `kernel_journal_signature` (`id` integer not null primary key autoincrement, `chain` text not null, `seq` integer not null, `hash` text not null, `fingerprint` text not null, `signature` text not null, `created_at` text not null)',
  'create unique index `kernel_journal_signature_chain_seq_unique` on `kernel_journal_signature` (`chain`, `seq`)',
  `create trigger kernel_journal_signature_no_update before update on kernel_journal_signature
   begin select raise(abort, 'kernel_journal_signature is append-only'); end`,
  `create trigger kernel_journal_signature_no_delete before delete on kernel_journal_signature
   begin select raise(abort, 'kernel_journal_signature is append-only'); end`,
]);
