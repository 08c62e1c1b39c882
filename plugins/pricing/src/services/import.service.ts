import { DomainError, NotFoundError, Shop, ValidationError, type EntityManager, type FieldError, type Kernel, type User } from '@comptoir/kernel';
import { Family, Supplier, type ArticleBatchService, type ArticleReads } from '@comptoir/catalog';
import { ImportProfile, PriceList } from '../entities/index.js';
import { getPricingHooks } from '../hooks.js';
import { M, type T3 } from '../messages.js';
import { chunks } from '../sql.js';
import { R } from '../import/import-messages.js';
import { IMPORT_FIELDS, mapRow, type ImportField, type ImportMapping, type MappedRow } from '../import/map-rows.js';
import { planBatch, type FieldChange, type ImportContext, type RowAction } from '../import/planner.js';
import { MAX_ROWS, type Table } from '../import/read-table.js';
import { parseInWorker } from '../import/parse-in-worker.js';

/** A supplier's catalogue and how to read it. */
export interface ImportRequest {
  format: 'csv' | 'xlsx';
  /** The file, base64-encoded (gzip-compressed first when `compression` says so). */
  content: string;
  compression?: 'gzip';
  mapping: ImportMapping;
  /** CSV only; found from the header line when absent. */
  delimiter?: string;
  /** Of amounts written as text (default ','). */
  decimalSeparator?: ',' | '.';
  /** The catalogue supplier whose purchase prices these are. */
  supplierCode?: string;
  /** Lists that receive the retail (with VAT) and wholesale (without VAT) prices; default 'retail' and 'wholesale'. */
  retailListCode?: string;
  wholesaleListCode?: string;
}

export interface RejectedRow {
  row: number;
  reasons: T3[];
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

export interface ImportPreview {
  columns: string[];
  rows: number;
  counts: { create: number; update: number; unchanged: number; rejected: number };
  /** The first mapped rows, with what the import would do. */
  sample: Array<{ row: number; action: RowAction; articleId: number | null; values: MappedRow; changes: FieldChange[] }>;
  /** Every update (the first 1,000), with each value it changes, old → new. */
  updates: Array<{ row: number; articleId: number; code: string; changes: FieldChange[] }>;
  /** Rejected rows (the first 200). */
  rejected: RejectedRow[];
}

/** Rows per transaction: a failure loses one batch at most, and the lookups stay within SQL parameter limits. */
export const IMPORT_BATCH = 1000;

/** Bounds of reading an uploaded file: its size once unpacked, and the time its parsing may take. */
export interface ImportLimits {
  maxFileBytes: number;
  parseTimeoutMs: number;
}
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxFileBytes: 64 * 1024 * 1024, parseTimeoutMs: 60_000 };
const SAMPLE = 20;

/** Imports a supplier's catalogue (CSV or XLSX) into the catalogue and the price lists. */
export class ImportService {
  private readonly kernel: Kernel;
  private readonly reads: ArticleReads;
  private readonly articles: ArticleBatchService;
  /** Changeable (tests, a shop with huge files); the defaults take a 100,000-row file with room to spare. */
  limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };

  constructor({ kernel, catalogReads, catalogArticleBatch }: { kernel: Kernel; catalogReads: ArticleReads; catalogArticleBatch: ArticleBatchService }) {
    this.kernel = kernel;
    this.reads = catalogReads;
    this.articles = catalogArticleBatch;
  }

  /** What the import would do, without writing anything. */
  async preview(em: EntityManager, req: ImportRequest): Promise<ImportPreview> {
    const preview: ImportPreview = { columns: [], rows: 0, counts: { create: 0, update: 0, unchanged: 0, rejected: 0 }, sample: [], updates: [], rejected: [] };
    await this.run(em, req, null, false, (table) => {
      preview.columns = table.headers;
      preview.rows = table.rows.length;
    }, (planned, rejected) => {
      for (const p of planned) {
        preview.counts[p.action]++;
        if (preview.sample.length < SAMPLE) preview.sample.push({ row: p.row.row, action: p.action, articleId: p.articleId, values: p.row, changes: p.changes });
        if (p.action === 'update' && preview.updates.length < 1000) preview.updates.push({ row: p.row.row, articleId: p.articleId!, code: p.code, changes: p.changes });
      }
      preview.counts.rejected += rejected.length;
      preview.rejected.push(...rejected.slice(0, Math.max(0, 200 - preview.rejected.length)));
    });
    preview.sample.sort((a, b) => a.row - b.row);
    preview.updates.sort((a, b) => a.row - b.row);
    return preview;
  }

  /** Creates or updates articles, barcodes, prices and packs; a rerun of the same file changes nothing. */
  async import(em: EntityManager, req: ImportRequest, user: User | null): Promise<ImportReport> {
    const report: ImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
    await this.run(em, req, user, true, (table) => { report.rows = table.rows.length; }, (planned, rejected) => {
      for (const p of planned) report[p.action === 'create' ? 'created' : p.action === 'update' ? 'updated' : 'unchanged']++;
      report.rejected.push(...rejected);
    });
    report.rejected.sort((a, b) => a.row - b.row);
    return report;
  }

  async profiles(em: EntityManager): Promise<ImportProfile[]> {
    return em.find(ImportProfile, {}, { orderBy: { name: 'asc' } });
  }

  /** Saves a mapping under a name (the same name replaces it). */
  async saveProfile(em: EntityManager, name: string, settings: Record<string, unknown>): Promise<ImportProfile> {
    const trimmed = name.trim();
    if (!trimmed) throw new ValidationError([{ field: 'name', code: 'REQUIRED', message: M.required }]);
    const profile = (await em.findOne(ImportProfile, { name: trimmed })) ?? em.create(ImportProfile, { name: trimmed, settings, updatedAt: new Date() });
    Object.assign(profile, { settings, updatedAt: new Date() });
    await em.flush();
    return profile;
  }

  async deleteProfile(em: EntityManager, id: number): Promise<void> {
    const p = await em.findOne(ImportProfile, { id });
    if (!p) throw new NotFoundError('IMPORT_PROFILE_NOT_FOUND', M.profileNotFound(id));
    await em.remove(p).flush();
  }

  private async run(
    em: EntityManager, req: ImportRequest, user: User | null, write: boolean,
    onTable: (t: Table) => void, onBatch: (planned: Awaited<ReturnType<typeof planBatch>>['planned'], rejected: RejectedRow[]) => void,
  ): Promise<void> {
    const table = await this.read(req);
    onTable(table);
    const columns = this.columns(table, req.mapping);
    const ctx = await this.context(em, req, user);
    const country = (await em.findOne(Shop, { id: 1 }))?.country ?? 'BE';
    const opts = { decimalSeparator: req.decimalSeparator ?? ',', country } as const;
    const hooks = getPricingHooks(this.kernel);
    for (const batch of chunks(table.rows, IMPORT_BATCH)) {
      const rejected: RejectedRow[] = [];
      const mapped: MappedRow[] = [];
      for (const r of batch) {
        const res = mapRow(r.row, r.cells, columns, opts);
        if (res.ok) mapped.push(res.value);
        else rejected.push({ row: r.row, reasons: res.reasons });
      }
      const work = async (tem: EntityManager) => {
        const result = await planBatch(tem, mapped, ctx, write);
        if (write) {
          const ids = (action: RowAction) => result.planned.filter((p) => p.action === action).map((p) => p.articleId!);
          await hooks.catalogueImported.promise({ em: tem, user, createdArticleIds: ids('create'), updatedArticleIds: ids('update') });
        }
        return result;
      };
      const fork = em.fork();
      const result = write ? await fork.transactional(work) : await work(fork);
      onBatch(result.planned, [...rejected, ...result.rejected]);
    }
  }

  /** Unpacks and parses the file in a worker thread, bounded in size (413) and time (422). */
  private async read(req: ImportRequest): Promise<Table> {
    const bytes = Buffer.from(req.content, 'base64');
    const outcome = await parseInWorker({ bytes, format: req.format, compression: req.compression, delimiter: req.delimiter, maxBytes: this.limits.maxFileBytes }, this.limits.parseTimeoutMs);
    if (outcome.ok) return outcome.table;
    if (outcome.code === 'FILE_TOO_LARGE') {
      const text = R.fileTooLarge(Math.round(this.limits.maxFileBytes / 1e6));
      throw new DomainError('IMPORT_FILE_TOO_LARGE', text, { status: 413, errors: [{ field: 'content', code: 'IMPORT_FILE_TOO_LARGE', message: text }] });
    }
    if (outcome.code === 'PARSE_TIMEOUT') {
      const text = R.parseTimeout(Math.round(this.limits.parseTimeoutMs / 1000));
      throw new DomainError('IMPORT_PARSE_TIMEOUT', text, { status: 422, errors: [{ field: 'content', code: 'IMPORT_PARSE_TIMEOUT', message: text }] });
    }
    const message = outcome.code === 'TABLE_EMPTY' ? R.empty : outcome.code === 'TABLE_TOO_LARGE' ? R.tooLarge(MAX_ROWS) : R.unreadable(outcome.message);
    throw new ValidationError([{ field: 'content', code: outcome.code, message }]);
  }

  /** Field → column index; every mapped column must exist (headers compared without case and surrounding blanks). */
  private columns(table: Table, mapping: ImportMapping): Partial<Record<ImportField, number>> {
    const errors: FieldError[] = [];
    const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
    const out: Partial<Record<ImportField, number>> = {};
    for (const field of IMPORT_FIELDS) {
      const column = mapping[field];
      if (column === undefined || column === '') continue;
      const i = index.get(column.trim().toLowerCase());
      if (i === undefined) errors.push({ field: `mapping.${field}`, code: 'IMPORT_COLUMN_UNKNOWN', message: R.columnUnknown(field, column) });
      else out[field] = i;
    }
    if (out.code === undefined && out.barcode === undefined && !errors.length) errors.push({ field: 'mapping', code: 'IMPORT_NO_MATCH_FIELD', message: R.noMatchField });
    if (errors.length) throw new ValidationError(errors);
    return out;
  }

  private async context(em: EntityManager, req: ImportRequest, user: User | null): Promise<ImportContext> {
    const errors: FieldError[] = [];
    const list = async (field: string, code: string) => {
      const l = await em.findOne(PriceList, { code });
      if (!l) errors.push({ field, code: 'PRICE_LIST_NOT_FOUND', message: R.list(code) });
      return l;
    };
    const retailList = await list('retailListCode', req.retailListCode ?? 'retail');
    const wholesaleList = await list('wholesaleListCode', req.wholesaleListCode ?? 'wholesale');
    const defaultList = await em.findOne(PriceList, { isDefault: true });
    let supplierId: number | null = null;
    if (req.supplierCode) {
      const s = await em.findOne(Supplier, { code: req.supplierCode });
      if (!s) errors.push({ field: 'supplierCode', code: 'SUPPLIER_NOT_FOUND', message: R.supplier(req.supplierCode) });
      supplierId = s?.id ?? null;
    }
    if (errors.length || !retailList || !wholesaleList) throw new ValidationError(errors);
    const families = new Map((await em.find(Family, {})).map((f) => [f.code, f.id]));
    return { reads: this.reads, articles: this.articles, user, families, retailList, wholesaleList, defaultList: defaultList ?? retailList, supplierId, seenArticles: new Map(), seenBarcodes: new Map() };
  }
}
