import { defineMigration } from '@comptoir/kernel';

// Written by hand (data, not schema): one price home. The default list's base rows (threshold 0 or one unit, no
// period) were copies of the articles' catalogue prices; an article without a price takes its row's price (the
// lowest threshold; only from a list with VAT included, the catalogue's side), then every such row is deleted:
// from now on the default list's base price is read from the article.
const BASE = 'lp."min_quantity" <= 1000 and lp."valid_from" is null and lp."valid_to" is null';
export default defineMigration('0004-one-price-home', [
  `update "catalog_article" a set "version" = a."version" + 1, "price" = (select lp."unit_price" from "pricing_list_price" lp join "pricing_price_list" pl on pl."id" = lp."price_list_id"
     where pl."is_default" and pl."includes_vat" and lp."article_id" = a."id" and ${BASE} order by lp."min_quantity" limit 1)
   where a."price" is null and exists (select 1 from "pricing_list_price" lp join "pricing_price_list" pl on pl."id" = lp."price_list_id"
     where pl."is_default" and pl."includes_vat" and lp."article_id" = a."id" and ${BASE})`,
  `delete from "pricing_list_price" lp using "pricing_price_list" pl where pl."id" = lp."price_list_id" and pl."is_default" and ${BASE}`,
]);
