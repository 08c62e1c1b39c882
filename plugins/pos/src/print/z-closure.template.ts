/**
 * The Z closure as printed (A4, `pos.z-closure`): the period's figures per VAT rate and payment method, the cash
 * count and its difference, the perpetual grand totals and the journal chains' head hashes, so the chain is anchored
 * on paper outside the database.
 */
import { defineTemplate, type Language, type PrintBlock, type TemplateContext } from '@comptoir/kernel';
import type { ClosureView } from '../services/closure.service.js';

/** What the Z prints: the stored closure, with the station's name and the payment methods' labels resolved. */
export interface ZClosurePrint {
  closure: ClosureView;
  /** "Caisse 1", or null for the shop's Z. */
  station: string | null;
  /** Payment method code → label in the document's language. */
  methods: Record<string, string>;
}

const L = (fr: string, nl: string, en: string) => ({ fr, nl, en });

const WORDS = {
  shop: L('Magasin', 'Winkel', 'Shop'),
  period: L('Période', 'Periode', 'Period'),
  day: L('Jour', 'Dag', 'Day'),
  month: L('Mois', 'Maand', 'Month'),
  year: L('Année', 'Jaar', 'Year'),
  periodKind: L('Période', 'Periode', 'Period'),
  takenAt: L('Clôturé le', 'Afgesloten op', 'Closed on'),
  figures: L('Chiffres de la période', 'Cijfers van de periode', 'The period’s figures'),
  sales: L('Ventes', 'Verkopen', 'Sales'),
  refunds: L('Remboursements', 'Terugbetalingen', 'Refunds'),
  net: L('Net', 'Netto', 'Net'),
  discounts: L('Remises', 'Kortingen', 'Discounts'),
  rounding: L('Arrondi espèces', 'Afronding contant', 'Cash rounding'),
  vat: L('TVA par taux', 'Btw per tarief', 'VAT per rate'),
  rate: L('Taux', 'Tarief', 'Rate'),
  base: L('Base', 'Basis', 'Base'),
  vatAmount: L('TVA', 'Btw', 'VAT'),
  payments: L('Paiements', 'Betalingen', 'Payments'),
  cash: L('Espèces', 'Contanten', 'Cash'),
  float: L('Fond de caisse', 'Wisselgeld', 'Opening float'),
  deposits: L('Apports', 'Stortingen', 'Deposits'),
  withdrawals: L('Retraits', 'Opnames', 'Withdrawals'),
  cashSales: L('Encaissé en espèces', 'Contant ontvangen', 'Taken in cash'),
  expected: L('Attendu', 'Verwacht', 'Expected'),
  counted: L('Compté', 'Geteld', 'Counted'),
  difference: L('Écart', 'Verschil', 'Difference'),
  noCount: L('Pas de comptage', 'Geen telling', 'No count'),
  grand: L('Totaux perpétuels', 'Doorlopende totalen', 'Perpetual grand totals'),
  heads: L('Têtes du journal', 'Koppen van het journaal', 'Journal heads'),
  signature: L('Empreinte de la clôture', 'Vingerafdruk van de afsluiting', 'Closure fingerprint'),
  other: L('Duplicata {duplicates} · corrections {corrections} · ouvertures sans vente {noSale}', 'Duplicaten {duplicates} · correcties {corrections} · lade zonder verkoop {noSale}', 'Duplicates {duplicates} · corrections {corrections} · no-sale openings {noSale}'),
  parked: L('Tickets en attente : {count}', 'Geparkeerde tickets: {count}', 'Parked tickets: {count}'),
};

const word = (k: keyof typeof WORDS, lang: Language, values: Record<string, string | number> = {}) =>
  WORDS[k][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));

function row(label: string, amount: string, bold = false): PrintBlock {
  return { type: 'columns', columns: [{ runs: [{ text: label, bold }], width: 3 }, { runs: [{ text: amount, bold }], width: 2, align: 'right' }] };
}

function title(text: string): PrintBlock[] {
  return [{ type: 'space' }, { type: 'text', runs: [{ text, bold: true }] }, { type: 'rule' }];
}

function periodText(z: ClosureView, ctx: TemplateContext): string {
  const { kind, from, to } = z.period;
  if (kind === 'day') return `${word('day', ctx.lang)} ${ctx.date(from)}`;
  if (kind === 'month') return `${word('month', ctx.lang)} ${from.slice(0, 7)}`;
  if (kind === 'year') return `${word('year', ctx.lang)} ${from.slice(0, 4)}`;
  return `${word('periodKind', ctx.lang)} ${ctx.date(from)} → ${ctx.date(to)}`;
}

export const zClosureTemplate = defineTemplate<ZClosurePrint>({
  name: 'z-closure',
  kind: 'document',
  title: L('Clôture Z', 'Z-afsluiting', 'Z closure'),
  description: L('La clôture Z imprimée ou en PDF, avec les totaux perpétuels et les têtes du journal', 'De Z-afsluiting afgedrukt of als pdf, met de doorlopende totalen en de koppen van het journaal', 'The Z closure printed or as PDF, with the perpetual grand totals and the journal heads'),
  texts: {
    title: { label: L('Titre', 'Titel', 'Title'), default: L('Clôture {number}', 'Afsluiting {number}', 'Closure {number}') },
    footer: { label: L('Pied de page', 'Voettekst', 'Footer'), multiline: true, default: L('Document à conserver avec la comptabilité.', 'Te bewaren bij de boekhouding.', 'Keep with the accounts.') },
  },
  blocks: {
    heads: { label: L('Têtes du journal', 'Koppen van het journaal', 'Journal heads') },
    footer: { label: L('Pied de page', 'Voettekst', 'Footer') },
  },
  sample: () => ({
    station: 'Caisse 1',
    methods: { cash: 'Espèces', card: 'Carte' },
    closure: {
      id: 1, number: 'Z1-2026-1', createdAt: '2026-06-15T19:02:00Z', userId: 1, scope: 'station', stationId: 1,
      period: { kind: 'day', from: '2026-06-15', to: '2026-06-15' },
      sales: { total: 154_230, count: 87 }, refunds: { total: -1_250, count: 1 }, net: 152_980,
      vat: [{ rate: 2100, base: 60_000, vat: 12_600 }, { rate: 600, base: 75_830, vat: 4_550 }],
      payments: [{ method: 'card', amount: 98_000, count: 40 }, { method: 'cash', amount: 54_980, count: 48 }],
      rounding: -3, discounts: 1_200,
      cash: { float: 10_000, deposits: 2_000, withdrawals: -5_000, noSale: 1, sales: 54_980, expected: 61_980 },
      duplicates: 1, corrections: 0, grandTotals: { sales: 3_154_230, refunds: -21_250, net: 3_132_980 }, parked: [],
      journalHeads: { tickets: { seq: 1204, hash: '9f2c4e0b7a51d3c8e6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3' } },
      cashCount: { counts: { 5000: 10, 1000: 1 }, counted: 51_000, expected: 61_980, difference: -10_980, explanation: '' },
      signature: 'c0ffee',
    },
  }),
  render(d, ctx) {
    const z = d.closure;
    const lang = ctx.lang;
    const blocks: PrintBlock[] = [];
    blocks.push({ type: 'text', runs: [{ text: ctx.shop.name, size: 'large', bold: true }] });
    blocks.push({ type: 'text', runs: [{ text: ctx.text('title', { number: z.number }), size: 'huge', bold: true }] });
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: d.station ?? word('shop', lang) }] }, { runs: [{ text: periodText(z, ctx) }], align: 'right' }] });
    blocks.push({ type: 'columns', columns: [{ runs: [{ text: word('takenAt', lang) }] }, { runs: [{ text: ctx.date(z.createdAt, true) }], align: 'right' }] });

    blocks.push(...title(word('figures', lang)));
    blocks.push(row(`${word('sales', lang)} (${z.sales.count})`, ctx.money(z.sales.total)));
    blocks.push(row(`${word('refunds', lang)} (${z.refunds.count})`, ctx.money(z.refunds.total)));
    blocks.push(row(word('net', lang), ctx.money(z.net), true));
    if (z.discounts) blocks.push(row(word('discounts', lang), ctx.money(z.discounts)));

    blocks.push(...title(word('vat', lang)));
    blocks.push({ type: 'columns', columns: [
      { runs: [{ text: word('rate', lang), bold: true }], width: 2 }, { runs: [{ text: word('base', lang), bold: true }], width: 2, align: 'right' }, { runs: [{ text: word('vatAmount', lang), bold: true }], width: 2, align: 'right' },
    ] });
    for (const v of z.vat) {
      blocks.push({ type: 'columns', columns: [
        { runs: [{ text: `${new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(v.rate / 100)} %` }], width: 2 },
        { runs: [{ text: ctx.money(v.base) }], width: 2, align: 'right' }, { runs: [{ text: ctx.money(v.vat) }], width: 2, align: 'right' },
      ] });
    }

    blocks.push(...title(word('payments', lang)));
    for (const p of z.payments) blocks.push(row(`${d.methods[p.method] ?? p.method} (${p.count})`, ctx.money(p.amount)));
    if (z.rounding) blocks.push(row(word('rounding', lang), ctx.money(z.rounding)));

    blocks.push(...title(word('cash', lang)));
    blocks.push(row(word('float', lang), ctx.money(z.cash.float)));
    blocks.push(row(word('deposits', lang), ctx.money(z.cash.deposits)));
    blocks.push(row(word('withdrawals', lang), ctx.money(z.cash.withdrawals)));
    blocks.push(row(word('cashSales', lang), ctx.money(z.cash.sales)));
    blocks.push(row(word('expected', lang), ctx.money(z.cash.expected), true));
    if (z.cashCount) {
      blocks.push(row(word('counted', lang), ctx.money(z.cashCount.counted), true));
      blocks.push(row(word('difference', lang), ctx.money(z.cashCount.difference), true));
      if (z.cashCount.explanation) blocks.push({ type: 'text', runs: [{ text: z.cashCount.explanation, size: 'small' }] });
    } else if (z.scope === 'station') {
      blocks.push({ type: 'text', runs: [{ text: word('noCount', lang), size: 'small' }] });
    }
    blocks.push({ type: 'text', runs: [{ text: word('other', lang, { duplicates: z.duplicates, corrections: z.corrections, noSale: z.cash.noSale }), size: 'small' }] });
    if (z.parked.length) blocks.push({ type: 'text', runs: [{ text: word('parked', lang, { count: z.parked.length }), size: 'small' }] });

    blocks.push(...title(word('grand', lang)));
    blocks.push(row(word('sales', lang), ctx.money(z.grandTotals.sales)));
    blocks.push(row(word('refunds', lang), ctx.money(z.grandTotals.refunds)));
    blocks.push(row(word('net', lang), ctx.money(z.grandTotals.net), true));

    blocks.push({ type: 'space', block: 'heads' });
    blocks.push({ type: 'text', block: 'heads', runs: [{ text: word('heads', lang), bold: true }] });
    blocks.push({ type: 'rule', block: 'heads' });
    for (const [chain, h] of Object.entries(z.journalHeads).sort(([a], [b]) => a.localeCompare(b))) {
      blocks.push({ type: 'columns', block: 'heads', columns: [{ runs: [{ text: `${chain} #${h.seq}`, size: 'small' }], width: 1 }, { runs: [{ text: h.hash, size: 'small' }], width: 4 }] });
    }
    if (z.signature) {
      blocks.push({ type: 'columns', block: 'heads', columns: [{ runs: [{ text: word('signature', lang), size: 'small' }], width: 1 }, { runs: [{ text: z.signature, size: 'small' }], width: 4 }] });
    }
    blocks.push({ type: 'space', block: 'footer' });
    for (const line of ctx.text('footer').split('\n').filter((l) => l.trim())) blocks.push({ type: 'text', block: 'footer', runs: [{ text: line, size: 'small' }] });
    return blocks;
  },
});
