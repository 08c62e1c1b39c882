// Reading and writing invoicing's own rows. Reads go through the entities (fresh each time: the identity map would
// hide what the guarded SQL updates wrote); writes are guarded SQL, so that races end in 409s, not in lost updates.
import { sql, type EntityManager } from '@comptoir/kernel';
import { InvoicingDocument, type DocumentType } from '../entities/document.entity.js';
import { InvoicingLine } from '../entities/line.entity.js';
import { InvoicingErrors } from '../messages.js';

export const { query, run, sqlBool, insertReturningId, placeholders } = sql;

/** The number series of each document type (`FAC-2026-000001`), numbered per year by the kernel's sequences. */
export const SERIES: Record<DocumentType, string> = { quote: 'DEV', order: 'CDE', delivery: 'BL', invoice: 'FAC', credit_note: 'NC' };

/** A document, or 404. */
export async function loadDocument(em: EntityManager, id: number): Promise<InvoicingDocument> {
  const doc = await em.findOne(InvoicingDocument, { id }, { disableIdentityMap: true });
  if (!doc) throw InvoicingErrors.documentNotFound(id);
  return doc;
}

/** A document's lines in order. */
export function loadLines(em: EntityManager, documentId: number): Promise<InvoicingLine[]> {
  return em.find(InvoicingLine, { documentId }, { orderBy: { position: 'asc', id: 'asc' }, disableIdentityMap: true });
}

/** Lines of several documents, in their documents' order then position. */
export function loadLinesOf(em: EntityManager, documentIds: readonly number[]): Promise<InvoicingLine[]> {
  if (!documentIds.length) return Promise.resolve([]);
  return em.find(InvoicingLine, { documentId: { $in: [...documentIds] } }, { orderBy: { documentId: 'asc', position: 'asc', id: 'asc' }, disableIdentityMap: true });
}

/**
 * Takes a draft for a change: bumps its version if it is still a draft at the version the editor read. On
 * PostgreSQL the row stays locked until the transaction ends, so a concurrent editor waits, then finds the
 * version moved (409). Throws 404, `INVOICING_NOT_DRAFT` or `VERSION_CONFLICT`.
 */
export async function claimDraft(em: EntityManager, id: number, version: number, now: Date): Promise<InvoicingDocument> {
  const taken = await query<{ id: number }>(em,
    "update invoicing_document set version = version + 1, updated_at = ? where id = ? and status = 'draft' and version = ? returning id",
    [now.toISOString(), id, version]);
  const doc = await loadDocument(em, id);
  if (taken.length) return doc;
  if (doc.status !== 'draft') throw InvoicingErrors.notDraft(doc.number ?? String(id));
  throw InvoicingErrors.versionConflict(id);
}

/** What a line row holds, for inserting. */
export type LineRow = Omit<InvoicingLine, 'id' | 'deliveredQuantity' | 'invoicedQuantity' | 'creditedQuantity'>;

/** Amounts are stored in 32-bit columns on both databases: beyond, the document is refused the same way everywhere. */
export function checkStorable(...amounts: Array<number | null>): void {
  for (const a of amounts) if (a !== null && Math.abs(a) > 2_147_483_647) throw InvoicingErrors.amountTooLarge();
}

/** Inserts a line; returns its id. */
export function insertLine(em: EntityManager, l: LineRow): Promise<number> {
  checkStorable(l.quantity, l.unitPrice, l.fixedAmount, l.discountAmount, l.total);
  return insertReturningId(em,
    `insert into invoicing_line (document_id, position, kind, article_id, code, description, quantity, unit_price, includes_vat, vat_rate, fixed_amount,
       discount_rate, discount_amount, price_fixed, origin, parent_line_id, source_line_id, ext, total, delivered_quantity, invoiced_quantity, credited_quantity)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)`,
    [l.documentId, l.position, l.kind, l.articleId, l.code, l.description, l.quantity, l.unitPrice, sqlBool(em, l.includesVat), l.vatRate, l.fixedAmount,
      l.discountRate, l.discountAmount, sqlBool(em, l.priceFixed), l.origin, l.parentLineId, l.sourceLineId, l.ext, l.total]);
}

/** The next free position at the end of a document. */
export async function nextPosition(em: EntityManager, documentId: number): Promise<number> {
  const rows = await query<{ p: number | null }>(em, 'select max(position) as p from invoicing_line where document_id = ?', [documentId]);
  return Number(rows[0]?.p ?? 0) + 1;
}
