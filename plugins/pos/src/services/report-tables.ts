import type { Language } from '@comptoir/kernel';
import type { CashBook, ReceiptsJournal, SalesJournal } from './journals.service.js';
import type { ReportColumn, ReportTable } from './report-table.js';
import type { StatsAxis, StatsFigures, StatsReport } from './stats.service.js';

type L = { fr: string; nl: string; en: string };
const l = (fr: string, nl: string, en: string): L => ({ fr, nl, en });

/** The reports' words, in the three languages (the screen has its own in src/ui/stats-messages.ts). */
export const REPORT_WORDS = {
  stats: l('Statistiques', 'Statistieken', 'Statistics'),
  cashBook: l('Livre de caisse', 'Kasboek', 'Cash book'),
  receipts: l('Journal des recettes', 'Ontvangstenjournaal', 'Receipts journal'),
  salesJournal: l('Journal des ventes', 'Verkoopjournaal', 'Sales journal'),
  shop: l('Tout le magasin', 'Hele winkel', 'Whole shop'),
  none: l('(aucun)', '(geen)', '(none)'),
  noArticle: l('(sans article)', '(zonder artikel)', '(no article)'),
  noFamily: l('(sans famille)', '(zonder familie)', '(no family)'),
  noCashier: l('(sans caissier)', '(zonder kassier)', '(no cashier)'),
  noPostcode: l('(client de passage)', '(passant)', '(walk-in customer)'),
  total: l('Total', 'Totaal', 'Total'),
  axis: {
    hour: l('Heure', 'Uur', 'Hour'), day: l('Jour', 'Dag', 'Day'), article: l('Article', 'Artikel', 'Article'), family: l('Famille', 'Familie', 'Family'),
    cashier: l('Caissier', 'Kassier', 'Cashier'), vat: l('Taux de TVA', 'Btw-tarief', 'VAT rate'), payment: l('Moyen de paiement', 'Betaalwijze', 'Payment method'),
    postcode: l('Code postal du client', 'Postcode van de klant', 'Customer postal code'), station: l('Caisse', 'Kassa', 'Till'),
  } satisfies Record<StatsAxis, L>,
  col: {
    sales: l('Ventes TTC', 'Verkopen incl. btw', 'Sales incl. VAT'), salesBase: l('Ventes HT', 'Verkopen excl. btw', 'Sales excl. VAT'),
    tickets: l('Tickets', 'Tickets', 'Tickets'), refunds: l('Remb. TTC', 'Terugbet. incl. btw', 'Refunds incl. VAT'),
    refundTickets: l('Tickets remb.', 'Tickets terugbet.', 'Refund tickets'), net: l('Net TTC', 'Netto incl. btw', 'Net incl. VAT'), netBase: l('Net HT', 'Netto excl. btw', 'Net excl. VAT'),
    quantity: l('Quantité', 'Hoeveelheid', 'Quantity'), averageBasket: l('Panier moyen', 'Gemiddeld ticket', 'Average basket'),
    day: l('Jour', 'Dag', 'Day'), time: l('Heure', 'Uur', 'Time'), station: l('Caisse', 'Kassa', 'Till'), kind: l('Nature', 'Soort', 'Kind'),
    reference: l('Pièce', 'Stuk', 'Reference'), in: l('Entrée', 'Ontvangst', 'In'), out: l('Sortie', 'Uitgave', 'Out'), balance: l('Solde', 'Saldo', 'Balance'),
    count: l('Paiements', 'Betalingen', 'Payments'), number: l('Numéro', 'Nummer', 'Number'), total: l('Total TTC', 'Totaal incl. btw', 'Total incl. VAT'),
    base: l('Total HT', 'Totaal excl. btw', 'Total excl. VAT'), vat: l('TVA', 'Btw', 'VAT'), rounding: l('Arrondi', 'Afronding', 'Rounding'),
    baseAt: l('HT {rate}', 'Excl. btw {rate}', 'Excl. VAT {rate}'), vatAt: l('TVA {rate}', 'Btw {rate}', 'VAT {rate}'),
  },
  kind: {
    sale: l('Vente', 'Verkoop', 'Sale'), refund: l('Remboursement', 'Terugbetaling', 'Refund'), correction: l('Correction de paiement', 'Betalingscorrectie', 'Payment correction'),
    float: l('Fond de caisse', 'Wisselgeld', 'Float'), deposit: l('Apport', 'Storting', 'Deposit'), withdrawal: l('Retrait', 'Opname', 'Withdrawal'),
    'no-sale': l('Ouverture du tiroir', 'Lade geopend', 'Drawer opened'),
  } as Record<string, L>,
};

/** "21 %" / "5,5 %" in the reader's language (rates in basis points). */
export function rateLabel(bp: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-IE' : `${lang}-BE`, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);
}

const timeOf = (lang: Language) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`, { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "du 2026-06-01 au 2026-06-30 — Caisse 1" as the subtitle of a report. */
export function scopeLine(r: { from: string; to: string; stationId: number | null }, stations: Record<string, string>, lang: Language): string {
  const period = r.from === r.to ? r.from : `${r.from} → ${r.to}`;
  return `${period} — ${r.stationId === null ? REPORT_WORDS.shop[lang] : (stations[r.stationId] ?? `#${r.stationId}`)}`;
}

/** The statistics as a table: the axis's label, then the figures; the totals row is the X report's. */
export function statsTable(r: StatsReport, stations: Record<string, string>, lang: Language): ReportTable {
  const c = REPORT_WORDS.col;
  const payment = r.axis === 'payment';
  const keys: Array<keyof StatsFigures> = payment
    ? ['sales', 'tickets', 'refunds', 'refundTickets', 'net', 'averageBasket']
    : ['sales', 'salesBase', 'tickets', 'refunds', 'refundTickets', 'net', 'netBase', 'quantity', 'averageBasket'];
  const type = (k: keyof StatsFigures): ReportColumn['type'] => (k === 'tickets' || k === 'refundTickets' ? 'count' : k === 'quantity' ? 'quantity' : 'money');
  const columns: ReportColumn[] = [
    { key: 'label', label: REPORT_WORDS.axis[r.axis][lang], type: r.axis === 'vat' ? 'rate' : 'text' },
    ...keys.map((k) => ({ key: k, label: c[k as keyof typeof c][lang], type: type(k) })),
  ];
  const row = (label: string | number, f: StatsFigures) => ({ label, ...Object.fromEntries(keys.map((k) => [k, f[k]])) });
  return {
    name: `stats-${r.axis}`, title: `${REPORT_WORDS.stats[lang]} — ${REPORT_WORDS.axis[r.axis][lang]}`, subtitle: scopeLine(r, stations, lang), columns,
    rows: r.rows.map((x) => row(r.axis === 'vat' ? Number(x.key) : x.label, x)),
    totals: row(REPORT_WORDS.total[lang], r.totals),
  };
}

/** The cash book as a table: one row per entry with the drawer's balance. */
export function cashBookTable(b: CashBook, lang: Language, many: boolean): ReportTable {
  const c = REPORT_WORDS.col;
  const time = timeOf(lang);
  return {
    name: 'cash-book', title: REPORT_WORDS.cashBook[lang], subtitle: scopeLine(b, b.stations, lang),
    columns: [
      { key: 'day', label: c.day[lang], type: 'date' }, { key: 'time', label: c.time[lang], type: 'time' },
      ...(many ? [{ key: 'station', label: c.station[lang], type: 'text' as const }] : []),
      { key: 'kind', label: c.kind[lang], type: 'text' }, { key: 'reference', label: c.reference[lang], type: 'text' },
      { key: 'in', label: c.in[lang], type: 'money' }, { key: 'out', label: c.out[lang], type: 'money' }, { key: 'balance', label: c.balance[lang], type: 'money' },
    ],
    rows: b.entries.map((e) => ({
      day: e.day, time: time.format(new Date(e.at)), station: b.stations[e.stationId] ?? String(e.stationId), kind: REPORT_WORDS.kind[e.kind]?.[lang] ?? e.kind,
      reference: e.reference, in: e.in || null, out: e.out || null, balance: e.balance,
    })),
    totals: { day: REPORT_WORDS.total[lang], in: b.totals.in, out: b.totals.out, balance: b.totals.net },
  };
}

/** The receipts journal as a table: a row per day and station, a column per payment method. */
export function receiptsTable(j: ReceiptsJournal, methodLabel: (code: string) => string, lang: Language, many: boolean): ReportTable {
  const c = REPORT_WORDS.col;
  return {
    name: 'receipts', title: REPORT_WORDS.receipts[lang], subtitle: scopeLine(j, j.stations, lang),
    columns: [
      { key: 'day', label: c.day[lang], type: 'date' },
      ...(many ? [{ key: 'station', label: c.station[lang], type: 'text' as const }] : []),
      ...j.methods.map((m) => ({ key: `m.${m}`, label: methodLabel(m), type: 'money' as const })),
      { key: 'count', label: c.count[lang], type: 'count' }, { key: 'total', label: c.total[lang], type: 'money' },
    ],
    rows: j.rows.map((r) => ({
      day: r.day, station: j.stations[r.stationId] ?? String(r.stationId), ...Object.fromEntries(j.methods.map((m) => [`m.${m}`, r.amounts[m] ?? 0])), count: r.count, total: r.total,
    })),
    totals: { day: REPORT_WORDS.total[lang], ...Object.fromEntries(j.methods.map((m) => [`m.${m}`, j.totals.amounts[m] ?? 0])), count: j.totals.count, total: j.totals.total },
  };
}

/** The sales journal as a table: a row per ticket, its base and VAT per rate. */
export function salesJournalTable(j: SalesJournal, lang: Language, many: boolean): ReportTable {
  const c = REPORT_WORDS.col;
  const time = timeOf(lang);
  const fill = (s: string, rate: number) => s.replace('{rate}', rateLabel(rate, lang));
  const perRate = (rates: Record<string, { base: number; vat: number }>) =>
    Object.fromEntries(j.rates.flatMap((r) => [[`b.${r}`, rates[r]?.base ?? null], [`v.${r}`, rates[r]?.vat ?? null]]));
  return {
    name: 'sales-journal', title: REPORT_WORDS.salesJournal[lang], subtitle: scopeLine(j, j.stations, lang),
    columns: [
      { key: 'number', label: c.number[lang], type: 'text' }, { key: 'day', label: c.day[lang], type: 'date' }, { key: 'time', label: c.time[lang], type: 'time' },
      ...(many ? [{ key: 'station', label: c.station[lang], type: 'text' as const }] : []),
      { key: 'kind', label: c.kind[lang], type: 'text' },
      ...j.rates.flatMap((r) => [{ key: `b.${r}`, label: fill(c.baseAt[lang], r), type: 'money' as const }, { key: `v.${r}`, label: fill(c.vatAt[lang], r), type: 'money' as const }]),
      { key: 'base', label: c.base[lang], type: 'money' }, { key: 'vat', label: c.vat[lang], type: 'money' }, { key: 'total', label: c.total[lang], type: 'money' },
      { key: 'rounding', label: c.rounding[lang], type: 'money' },
    ],
    rows: j.tickets.map((t) => ({
      number: t.number, day: t.day, time: time.format(new Date(t.at)), station: j.stations[t.stationId] ?? String(t.stationId), kind: REPORT_WORDS.kind[t.kind][lang],
      ...perRate(t.rates), base: t.base, vat: t.vat, total: t.total, rounding: t.rounding || null,
    })),
    totals: { number: REPORT_WORDS.total[lang], ...perRate(j.totals.rates), base: j.totals.base, vat: j.totals.vat, total: j.totals.total, rounding: j.totals.rounding },
  };
}
