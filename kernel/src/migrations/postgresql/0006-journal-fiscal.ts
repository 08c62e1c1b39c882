import { defineMigration } from '../../db/migrations.js';

// The software's name and version with every journal entry (empty for the entries written before it, whose hash
// did not cover it); the Ed25519 signatures of the signed chains' entries, append-only like the entries.
export default defineMigration('0006-journal-fiscal', [
  'alter table "kernel_journal_entry" add column "software" varchar(96) not null default \'\'',
  'create table "kernel_journal_signature" ("id" serial primary key, "chain" varchar(32) not null, "seq" int not null, "hash" varchar(64) not null, "fingerprint" varchar(64) not null, "signature" varchar(128) not null, "created_at" varchar(32) not null)',
  'alter table "kernel_journal_signature" add constraint "kernel_journal_signature_chain_seq_unique" unique ("chain", "seq")',
  `create or replace function kernel_journal_signature_append_only() returns trigger language plpgsql as $$
   begin raise exception 'kernel_journal_signature is append-only'; end $$`,
  `create trigger kernel_journal_signature_no_update before update or delete on kernel_journal_signature
   for each row execute function kernel_journal_signature_append_only()`,
  `create trigger kernel_journal_signature_no_truncate before truncate on kernel_journal_signature
   for each statement execute function kernel_journal_signature_append_only()`,
  'alter table kernel_journal_signature enable always trigger kernel_journal_signature_no_update',
  'alter table kernel_journal_signature enable always trigger kernel_journal_signature_no_truncate',
]);
