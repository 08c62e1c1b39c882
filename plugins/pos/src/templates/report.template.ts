/** The till's reports on A4 landscape (statistics, cash book, receipts and sales journals): one table per document. */
import { defineTemplate, type PrintBlock, type TemplateContext } from '@comptoir/kernel';
import { decimal, quantityDecimal, type Cell, type ColumnType, type ReportTable } from '../services/report-table.js';

/** A cell as the page prints it, in the shop's way of writing amounts. */
function printed(v: Cell | undefined, type: ColumnType, ctx: TemplateContext): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  const point = ctx.lang === 'en' ? '.' : ',';
  if (type === 'money') return ctx.money(v);
  if (type === 'quantity') return quantityDecimal(v, point);
  if (type === 'rate') return `${quantityDecimal(v * 10, point)} %`;
  if (type === 'count') return String(v);
  return decimal(v, 0);
}

export const reportTemplate = defineTemplate<ReportTable>({
  name: 'report',
  kind: 'document',
  title: { fr: 'Rapport de caisse (statistiques, livre de caisse, journaux)', nl: 'Kassarapport (statistieken, kasboek, journalen)', en: 'Till report (statistics, cash book, journals)' },
  description: { fr: 'A4 paysage, un tableau par rapport', nl: 'A4 liggend, één tabel per rapport', en: 'A4 landscape, one table per report' },
  paper: { width: 297, height: 210, margin: 12 },
  blocks: { header: { label: { fr: 'En-tête (magasin)', nl: 'Koptekst (winkel)', en: 'Header (shop)' } } },
  sample: (ctx) => ({
    name: 'stats-vat', title: { fr: 'Statistiques — Taux de TVA', nl: 'Statistieken — Btw-tarief', en: 'Statistics — VAT rate' }[ctx.lang], subtitle: '2026-06-15',
    columns: [{ key: 'label', label: 'TVA', type: 'rate' }, { key: 'sales', label: 'TTC', type: 'money' }, { key: 'tickets', label: 'Tickets', type: 'count' }],
    rows: [{ label: 2100, sales: 12345, tickets: 12 }, { label: 600, sales: 6789, tickets: 9 }],
    totals: { label: 'Total', sales: 19134, tickets: 17 },
  }),
  render(d, ctx) {
    const blocks: PrintBlock[] = [
      { type: 'text', block: 'header', runs: [{ text: ctx.shop.name, bold: true }, { text: `  ${[ctx.shop.street, `${ctx.shop.postalCode} ${ctx.shop.city}`.trim()].filter(Boolean).join(', ')}`, size: 'small' }] },
      { type: 'text', runs: [{ text: d.title, size: 'large', bold: true }] },
      { type: 'columns', columns: [{ runs: [{ text: d.subtitle }], width: 3 }, { runs: [{ text: ctx.date(new Date(), true), size: 'small' }], width: 1, align: 'right' }] },
      { type: 'rule' },
    ];
    const width = (type: ColumnType) => (type === 'text' ? 2.2 : type === 'date' ? 1.3 : type === 'time' || type === 'rate' ? 0.9 : type === 'count' ? 1.1 : 1.4);
    const align = (type: ColumnType) => (type === 'text' || type === 'date' || type === 'time' ? 'left' as const : 'right' as const);
    const row = (cells: Record<string, Cell>, bold: boolean): PrintBlock => ({
      type: 'columns',
      columns: d.columns.map((c) => ({ runs: [{ text: printed(cells[c.key], c.type, ctx), bold, size: 'small' as const }], width: width(c.type), align: align(c.type) })),
    });
    blocks.push({ type: 'columns', columns: d.columns.map((c) => ({ runs: [{ text: c.label, bold: true, size: 'small' as const }], width: width(c.type), align: align(c.type) })) });
    blocks.push({ type: 'rule' });
    for (const r of d.rows) blocks.push(row(r, false));
    if (d.totals) {
      blocks.push({ type: 'rule' });
      blocks.push(row(d.totals, true));
    }
    return blocks;
  },
});
