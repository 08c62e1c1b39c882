/** Small formatting helpers shared by the pricing screens: quantities in thousandths, sides of VAT, list names, days. */
import { ApiError, formatDate, formatMoney, formatNumber, i18n, t, type Session } from '@comptoir/shell';
import type { ContentUnit, Family, ListName, PriceList, Unit } from './types.js';

/** 24000 → "24", 1500 → "1,5", 330 → "0,33" (in the shop's locale). */
export function formatQuantity(thousandths: number | null | undefined): string {
  if (thousandths === null || thousandths === undefined) return '';
  return formatNumber(thousandths / 1000, { maximumFractionDigits: 3 });
}

/** A quantity with its unit: "24", "1,5 kg", "0,75 l". */
export function formatQuantityOf(thousandths: number | null | undefined, unit: Unit | ContentUnit): string {
  const q = formatQuantity(thousandths);
  if (!q || unit === 'piece') return q;
  return `${q} ${unit === 'litre' ? 'l' : unit}`;
}

/** Units typed by a person (1,5) → thousandths (1500); null stays null. */
export function toThousandths(units: number | null | undefined): number | null {
  if (units === null || units === undefined || Number.isNaN(units)) return null;
  return Math.round(units * 1000);
}

/** Thousandths → units for a numeric field. */
export function toUnits(thousandths: number | null | undefined): number | null {
  return thousandths === null || thousandths === undefined ? null : thousandths / 1000;
}

/** The list's name in the interface's language. */
export function listName(list: Pick<PriceList, 'name' | 'code'> & { label?: string } | { name: ListName; code: string; label?: string } | null | undefined): string {
  if (!list) return '';
  const lang = i18n.language;
  return list.name?.[lang] || list.label || list.name?.fr || list.code;
}

/** "TVAC" / "HTVA" in Belgium, "TTC" / "HT" in France, "incl. btw" / "excl. btw" in Dutch… */
export function vatSide(includesVat: boolean, session?: Pick<Session, 'shop'> | null): string {
  const side = includesVat ? 'incl' : 'excl';
  const country = session?.shop?.country;
  const key = `pricing.vat.${side}.${country}`;
  return i18n.has(key) ? t(key) : t(`pricing.vat.${side}`);
}

/** The other side of VAT of a price, half-up like the kernel's convertPrice (rate in basis points). */
export function otherSide(cents: number | null | undefined, vatRate: number, includesVat: boolean): number | null {
  if (cents === null || cents === undefined) return null;
  return includesVat ? Math.round((cents * 10000) / (10000 + vatRate)) : Math.round((cents * (10000 + vatRate)) / 10000);
}

/** "6,64 €/l", "17,99 €/kg". */
export function formatUnitPrice(cents: number, unit: ContentUnit | Unit): string {
  return `${formatMoney(cents)}/${unit === 'litre' ? 'l' : unit}`;
}

/** 'YYYY-MM-DD' → the shop's short date, read as a calendar day (no time zone shift). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(new Date(y, m - 1, d));
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The server's validation messages by field, or {} for other errors. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fieldErrors() : {};
}

/** A short "from 24" label for a break; the base price for thresholds of at most one unit. */
export function tierLabel(minQuantity: number, unit: Unit = 'piece'): string {
  if (minQuantity <= 1000) return t('pricing.prices.base');
  return t('pricing.prices.fromQuantity', { quantity: formatQuantityOf(minQuantity, unit) });
}

/** Families as a tree (parent then children, by name), with their depth, for a <select>. */
export function familyTree(families: Family[]): Array<{ family: Family; depth: number }> {
  const ids = new Set(families.map((f) => f.id));
  const children = new Map<number | null, Family[]>();
  for (const f of families) {
    const parent = f.parentId !== null && ids.has(f.parentId) ? f.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), f]);
  }
  const out: Array<{ family: Family; depth: number }> = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const f of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ family: f, depth });
      walk(f.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The French names the default nomenclature rules are installed with, and their message keys. */
const DEFAULT_RULE_NAMES: Record<string, string> = {
  'Carte caissier': 'cashierCard', 'Carte client': 'customerCard', 'Article pesé': 'weighed',
  'Article pesé (comptoir)': 'weighedCounter', 'Article à prix (prix contrôlé)': 'pricedVerified',
  'Article à prix': 'priced', 'Article compté': 'counted', 'Bon de réduction en %': 'percentCoupon',
  'Bon de réduction en euros': 'amountCoupon',
};

/** A nomenclature rule's name as shown: a default rule's in the interface's language, a name the shop gave as it is. */
export function ruleName(name: string): string {
  const key = DEFAULT_RULE_NAMES[name];
  return key ? t(`pricing.defaultRule.${key}`) : name;
}
