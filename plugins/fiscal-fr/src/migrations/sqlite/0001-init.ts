import { defineMigration } from '@comptoir/kernel';

// Which stations and users are in training mode: one row each while it lasts.
export default defineMigration('0001-init', [
  "create table `fiscal_fr_training_mode` (`id` integer not null primary key autoincrement, `scope` text not null check (`scope` in ('station', 'user')), `ref_id` integer not null, `enabled_by` integer null, `enabled_at` text not null)",
  'create unique index `fiscal_fr_training_mode_scope_ref_id_unique` on `fiscal_fr_training_mode` (`scope`, `ref_id`)',
]);
