import { DomainError, type PluginContext, type PrintService, type RouteContext, type RouteDefinition, type RouteRegistrar } from '@comptoir/kernel';
import { businessDay, isDay } from '../domain/business-day.js';
import { PosErrors } from '../messages.js';
import type { CheckoutService } from '../services/checkout.service.js';
import type { JournalsService } from '../services/journals.service.js';
import { toCsv, type ReportTable } from '../services/report-table.js';
import { REPORT_WORDS, cashBookTable, receiptsTable, salesJournalTable, statsTable } from '../services/report-tables.js';
import { STATS_AXES, type ReportScope, type StatsAxis, type StatsService } from '../services/stats.service.js';

/** The longest period a report reads: three years (a year of tickets is the everyday case). */
export const MAX_REPORT_DAYS = 1100;
/** Rows a screen receives at most (the CSV and the PDF have them all). */
export const TABLE_ROWS = 1000;

type Format = 'json' | 'table' | 'csv' | 'pdf';
type Reply = Parameters<RouteDefinition['handler']>[2];
type ReportQuery = { from?: string; to?: string; scope?: 'station' | 'shop'; stationId?: number; format?: Format };

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const reportQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    from: { ...day, description: 'first business day (YYYY-MM-DD), default today' },
    to: { ...day, description: 'last business day, inclusive (default: from)' },
    scope: { type: 'string', enum: ['station', 'shop'], default: 'shop', description: 'shop: every station; station: stationId, else this browser’s station' },
    stationId: { type: 'integer', minimum: 1 },
    format: {
      type: 'string', enum: ['json', 'table', 'csv', 'pdf'], default: 'json',
      description: `json (the figures), table (the report as the screen shows it: labelled columns, at most ${TABLE_ROWS} rows, \`rowCount\` says how many there are), csv (UTF-8 with BOM; ";" and a decimal comma in fr and nl) or pdf (A4 landscape)`,
    },
  },
} as const;

const tooLong = () => new DomainError('POS_PERIOD_TOO_LONG', {
  fr: `Un rapport couvre au plus ${MAX_REPORT_DAYS} jours : raccourcissez la période.`,
  nl: `Een rapport beslaat hoogstens ${MAX_REPORT_DAYS} dagen: kort de periode in.`,
  en: `A report covers at most ${MAX_REPORT_DAYS} days: shorten the period.`,
}, { status: 422 });

const unknownStation = (id: number) => new DomainError('POS_STATION_NOT_FOUND', {
  fr: `La caisse ${id} n’existe pas.`, nl: `Kassa ${id} bestaat niet.`, en: `Till ${id} does not exist.`,
}, { status: 404 });

/**
 * The till's reports under /api/pos/reports (permission `pos.stats`: managers and administrators — the X report
 * stays `pos.report` for cashiers, but figures per cashier and per article are the shop's business): statistics
 * by axis, the cash book, the receipts journal and the sales journal, each as JSON, CSV or PDF.
 */
export function statsRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const stats = container.resolve<StatsService>('posStats');
  const journals = container.resolve<JournalsService>('posJournals');
  const checkout = container.resolve<CheckoutService>('posCheckout');
  const print = container.resolve<PrintService>('print');

  const scopeOf = async (ctx: RouteContext, q: ReportQuery): Promise<ReportScope> => {
    const from = q.from ?? businessDay(new Date());
    const to = q.to ?? from;
    if (!isDay(from) || !isDay(to) || to < from) throw PosErrors.periodInvalid();
    if ((Date.parse(to) - Date.parse(from)) / 86400_000 + 1 > MAX_REPORT_DAYS) throw tooLong();
    let stationId: number | null = null;
    if (q.scope === 'station') {
      stationId = q.stationId ?? ctx.station?.id ?? null;
      if (stationId === null) throw PosErrors.stationRequired();
    } else if (q.stationId) stationId = q.stationId;
    if (stationId !== null && !(String(stationId) in await journals.stationNames(ctx.em))) throw unknownStation(stationId);
    return { from, to, stationId };
  };
  const methodLabel = (ctx: RouteContext) => {
    const methods = checkout.methods();
    return (code: string) => methods.find((m) => m.code === code)?.label[ctx.lang] ?? code;
  };
  /** JSON as it is, or the table as CSV or PDF (a download named after the report and its period). */
  const answer = async (ctx: RouteContext, reply: Reply, q: ReportQuery, data: unknown, table: () => Promise<ReportTable>) => {
    if ((q.format ?? 'json') === 'json') return data;
    const t = await table();
    if (q.format === 'table') return { ...t, rows: t.rows.slice(0, TABLE_ROWS), rowCount: t.rows.length, stations: await journals.stationNames(ctx.em) };
    const file = `${t.name}-${(data as ReportScope).from}${(data as ReportScope).to !== (data as ReportScope).from ? `_${(data as ReportScope).to}` : ''}`;
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}.csv"`).send(toCsv(t, ctx.lang));
    }
    const doc = await print.render(ctx.em, 'pos.report', { lang: ctx.lang, data: t });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file}.pdf"`).send(Buffer.from(await print.pdf(doc)));
  };

  r.get<{ Querystring: ReportQuery & { axis?: StatsAxis } }>('/reports/stats', {
    permission: 'pos.stats',
    summary: 'Statistics over a period grouped by hour, day, article, family, cashier, VAT rate, payment method, customer postal code or station: sales and refunds incl. and excl. VAT, quantities, tickets, average basket',
    schema: { querystring: { ...reportQuery, properties: { ...reportQuery.properties, axis: { type: 'string', enum: [...STATS_AXES], default: 'day' } } } },
    handler: async (req, ctx, reply) => {
      const scope = await scopeOf(ctx, req.query);
      const label = methodLabel(ctx);
      const axis = req.query.axis ?? 'day';
      const none = { article: REPORT_WORDS.noArticle, family: REPORT_WORDS.noFamily, cashier: REPORT_WORDS.noCashier, postcode: REPORT_WORDS.noPostcode } as Partial<Record<StatsAxis, typeof REPORT_WORDS.none>>;
      const report = await stats.stats(ctx.em, scope, axis, (what, key) => (what === 'method' ? label(key) : (none[axis] ?? REPORT_WORDS.none)[ctx.lang]));
      return answer(ctx, reply, req.query, report, async () => statsTable(report, await journals.stationNames(ctx.em), ctx.lang));
    },
  });
  r.get<{ Querystring: ReportQuery }>('/reports/cash-book', {
    permission: 'pos.stats',
    summary: 'Cash book: every cash tender, change, cash refund, float, deposit, withdrawal and correction of the period, with the drawer’s balance per station and day',
    schema: { querystring: reportQuery },
    handler: async (req, ctx, reply) => {
      const book = await journals.cashBook(ctx.em, await scopeOf(ctx, req.query));
      return answer(ctx, reply, req.query, book, async () => cashBookTable(book, ctx.lang, book.stationId === null));
    },
  });
  r.get<{ Querystring: ReportQuery }>('/reports/receipts', {
    permission: 'pos.stats',
    summary: 'Receipts journal: the takings of each payment method per station and day (the X report’s payments)',
    schema: { querystring: reportQuery },
    handler: async (req, ctx, reply) => {
      const journal = await journals.receipts(ctx.em, await scopeOf(ctx, req.query));
      return answer(ctx, reply, req.query, journal, async () => receiptsTable(journal, methodLabel(ctx), ctx.lang, journal.stationId === null));
    },
  });
  r.get<{ Querystring: ReportQuery }>('/reports/sales-journal', {
    permission: 'pos.stats',
    summary: 'Sales journal: every ticket and refund of the period (number, time) with its base and VAT per rate',
    schema: { querystring: reportQuery },
    handler: async (req, ctx, reply) => {
      const journal = await journals.salesJournal(ctx.em, await scopeOf(ctx, req.query));
      return answer(ctx, reply, req.query, journal, async () => salesJournalTable(journal, ctx.lang, journal.stationId === null));
    },
  });
}
