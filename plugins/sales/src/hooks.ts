import { AsyncSeriesBailHook, AsyncSeriesHook, AsyncSeriesWaterfallHook, defineHooks, type EntityManager, type Language, type User } from '@comptoir/kernel';
import type { DocumentDiscount, SaleDocument, SaleLine } from './domain/types.js';
import type { SaleTotals } from './domain/totals.js';

/** What every selling hook knows besides its subject. */
export interface SaleContext {
  /** The caller's entity manager: the sale's transaction when the caller is committing one. */
  em: EntityManager;
  user: User | null;
  lang: Language;
  /** The document as it stands (for `resolveCode` and `priceLine`: its customer, day and channel). */
  document: Readonly<SaleDocument>;
}

/** A line as a `resolveCode` tap or a caller proposes it; the builder fills the rest (id, description, VAT, price). */
export type LineDraft = Partial<Omit<SaleLine, 'articleId' | 'quantity'>> & { articleId: number | null; quantity: number };

/**
 * What a code turned out to be: an article line, a customer (a loyalty or contract card), a document discount (a
 * coupon), or anything else a plugin knows (`kind` of its own, e.g. a cashier card), kept in `document.resolved`.
 */
export type CodeResolution =
  | { kind: 'line'; by: string; line: LineDraft }
  | { kind: 'customer'; by: string; customerId: number; data?: Record<string, unknown> }
  | { kind: 'discount'; by: string; discount: DocumentDiscount; data?: Record<string, unknown> }
  | { kind: string & {}; by: string; data: Record<string, unknown> };

/** `resolveCode`'s question: the code as scanned or typed, and the quantity the cashier typed before it, if any. */
export interface CodeRequest {
  code: string;
  quantity: number | null;
}

/** What a `composeLines` tap may use besides the document. */
export interface ComposeContext extends SaleContext {
  /** A new line's id, unique in the document ('L7'). */
  newLineId(): string;
  /** Fills and prices a line the way the builder does (catalogue facts, then `priceLine`), for a tap that adds one. */
  line(draft: LineDraft): Promise<SaleLine>;
}

/** A sale being written, inside its transaction. */
export interface CommittingEvent {
  /** The sale's transaction: what taps write commits or rolls back with the sale. */
  em: EntityManager;
  user: User | null;
  document: Readonly<SaleDocument>;
  totals: Readonly<SaleTotals>;
  /** The document the caller stored: its kind ('ticket', 'invoice'…), id and number. */
  record: SaleRecord;
}

/**
 * What a committed sale is, for the plugins that tap `committing`. `goods` says whether the goods of its lines
 * change hands with this document: `'move'` (the default: a ticket, a refund, a delivery note, an invoice of goods
 * delivered with it) or `'none'` (an invoice of goods a delivery note already took out, a credit note that gives
 * money back without the goods coming back). Stock moves only for `'move'`.
 */
export interface SaleRecord {
  kind: string;
  id: number | string;
  number: string | null;
  goods?: 'move' | 'none';
}

/** A sale written and committed; what runs here leaves the process (print, display, notify). */
export type CommittedEvent = Omit<CommittingEvent, 'em'>;

/** The selling hooks: how a sale is built, checked and recorded, whichever plugin sells. */
export interface SalesHooks {
  /** A scanned or typed code becomes something: the first tap that answers wins (catalogue barcodes come last). */
  resolveCode: AsyncSeriesBailHook<[CodeRequest, SaleContext], CodeResolution | undefined>;
  /** Each article line goes through this waterfall with the catalogue's price already on it; a tap returns the line. */
  priceLine: AsyncSeriesWaterfallHook<[SaleLine, SaleContext]>;
  /** The whole document, in stages (`SALE_STAGES`): taps add, change or remove lines and return the document. */
  composeLines: AsyncSeriesWaterfallHook<[SaleDocument, ComposeContext]>;
  /** The finished document; a tap throws a DomainError to refuse it (out of stock, serial missing, balance too low). */
  validate: AsyncSeriesHook<[SaleDocument, SaleContext]>;
  /** Inside the sale's transaction: stock moves, deposit balances, prepaid debits. A tap that throws rolls it all back. */
  committing: AsyncSeriesHook<[CommittingEvent]>;
  /** After the commit: receipts, customer display, notifications. Never runs when the sale rolled back. */
  committed: AsyncSeriesHook<[CommittedEvent]>;
}

/** Reach the selling hooks with `getSalesHooks(kernel)`. */
export const getSalesHooks: (host: object) => Readonly<SalesHooks> = defineHooks<SalesHooks>(() => ({
  resolveCode: new AsyncSeriesBailHook<[CodeRequest, SaleContext], CodeResolution | undefined>(['request', 'context']),
  priceLine: new AsyncSeriesWaterfallHook<[SaleLine, SaleContext]>(['line', 'context']),
  composeLines: new AsyncSeriesWaterfallHook<[SaleDocument, ComposeContext]>(['document', 'context']),
  validate: new AsyncSeriesHook<[SaleDocument, SaleContext]>(['document', 'context']),
  committing: new AsyncSeriesHook<[CommittingEvent]>(['event']),
  committed: new AsyncSeriesHook<[CommittedEvent]>(['event']),
}));
