import { defineMigration } from '@comptoir/kernel';

// Written by hand (the generator knows no partial indexes): at most one default price list, enforced by the
// database as well as by the code, so that simultaneous "make this the default" requests leave exactly one.
export default defineMigration('0003-one-default-list', [
  'create unique index "pricing_price_list_one_default" on "pricing_price_list" ("is_default") where "is_default"',
]);
