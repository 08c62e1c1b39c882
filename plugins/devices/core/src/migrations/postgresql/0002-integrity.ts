import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator cannot know these): what the database itself refuses, whatever the code does.
export default defineMigration('0002-integrity', [
  `alter table devices_device add constraint devices_device_kind_check check (kind in ('receipt-printer', 'label-printer', 'cash-drawer', 'customer-display', 'scale', 'barcode-scanner', 'payment-terminal'))`,
  `alter table devices_print_job add constraint devices_print_job_status_check check (status in ('pending', 'sending', 'done', 'cancelled'))`,
  `alter table devices_print_job add constraint devices_print_job_attempts_check check (attempts >= 0)`,
  `alter table devices_print_job add constraint devices_print_job_drawer_pin_check check (drawer_pin is null or drawer_pin in (2, 5))`,
  `alter table devices_print_job add constraint devices_print_job_device_fk foreign key (device_id) references devices_device (id) on delete restrict`,
]);
