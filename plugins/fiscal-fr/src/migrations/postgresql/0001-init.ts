import { defineMigration } from '@comptoir/kernel';

// Which stations and users are in training mode: one row each while it lasts.
export default defineMigration('0001-init', [
  'create table "fiscal_fr_training_mode" ("id" serial primary key, "scope" varchar(8) not null check ("scope" in (\'station\', \'user\')), "ref_id" int not null, "enabled_by" int null, "enabled_at" varchar(32) not null)',
  'alter table "fiscal_fr_training_mode" add constraint "fiscal_fr_training_mode_scope_ref_id_unique" unique ("scope", "ref_id")',
]);
