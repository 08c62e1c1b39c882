import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator cannot know these): what the database itself refuses, whatever the code does.
// SQLite cannot add a check or a foreign key to an existing table: triggers say the same thing.
const kinds = "('receipt-printer', 'label-printer', 'cash-drawer', 'customer-display', 'scale', 'barcode-scanner', 'payment-terminal')";
const job = "new.status not in ('pending', 'sending', 'done', 'cancelled') or new.attempts < 0 or (new.drawer_pin is not null and new.drawer_pin not in (2, 5)) or not exists (select 1 from devices_device d where d.id = new.device_id)";

export default defineMigration('0002-integrity', [
  `create trigger devices_device_kind_insert before insert on devices_device when new.kind not in ${kinds}
   begin select raise(abort, 'devices_device_kind_check constraint: unknown device kind'); end`,
  `create trigger devices_device_kind_update before update of kind on devices_device when new.kind not in ${kinds}
   begin select raise(abort, 'devices_device_kind_check constraint: unknown device kind'); end`,
  `create trigger devices_print_job_check_insert before insert on devices_print_job when ${job}
   begin select raise(abort, 'devices_print_job_check constraint: invalid print job'); end`,
  `create trigger devices_print_job_check_update before update on devices_print_job when ${job}
   begin select raise(abort, 'devices_print_job_check constraint: invalid print job'); end`,
  `create trigger devices_device_in_use before delete on devices_device when exists (select 1 from devices_print_job j where j.device_id = old.id)
   begin select raise(abort, 'devices_print_job_device_fk constraint: the device has print jobs'); end`,
]);
