import { defineMigration } from '@comptoir/kernel';

// Written by hand (data the generator cannot know): the two price lists every shop starts with (retail,
// prices with VAT, the default; wholesale, prices without VAT) and the default barcode nomenclature (scale
// labels 21–25, customer and cashier cards 29 and 28, coupons 99), the same as the domain's defaultNomenclature().
export default defineMigration('0002-defaults', [
  "insert into pricing_price_list (code, name, includes_vat, is_default, active, position, created_at, updated_at, version) values ('retail', '{\"fr\": \"détail\", \"nl\": \"detailhandel\", \"en\": \"retail\"}', true, true, true, 0, now(), now(), 1)",
  "insert into pricing_price_list (code, name, includes_vat, is_default, active, position, created_at, updated_at, version) values ('wholesale', '{\"fr\": \"gros\", \"nl\": \"groothandel\", \"en\": \"wholesale\"}', false, false, true, 1, now(), now(), 1)",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (0, 'Carte caissier', 'cashier', '2800NNNNNNNNC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (1, 'Carte client', 'customer', '2900NNNNNNNNC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (2, 'Article pesé', 'weight', '21AAAAAWWWWWC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (3, 'Article pesé (comptoir)', 'weight', '22AAAAAWWWWWC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (4, 'Article à prix (prix contrôlé)', 'price', '23AAAAAKPPPPC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (5, 'Article à prix', 'price', '24AAAAAPPPPPC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (6, 'Article compté', 'quantity', '25AAAAAQQQQQC', null, null, 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (7, 'Bon de réduction en %', 'discount', '9900NNNNNNDDC', null, 'percent', 'plu-internal-code', true, now())",
  "insert into pricing_barcode_rule (position, name, type, pattern, encoding, discount_unit, article_lookup, active, updated_at) values (8, 'Bon de réduction en euros', 'discount', '99NNNNNNDDDDC', null, 'cents', 'plu-internal-code', true, now())",
]);
