/**
 * The device-neutral print document. A template turns data into blocks; painters turn the same blocks into an
 * HTML preview, a PDF (pdf-lib) and, in `@comptoir/devices`, ESC/POS bytes. Nothing here names a device: sizes
 * are steps, not points; widths are shares of the line; the page is millimetres, and a receipt's line is a
 * number of characters so that a text printer can print it as it is.
 */
import type { LocalizedText, Language } from '../errors.js';
import type { Shop } from '../entities/index.js';
import type { QrErrorCorrection } from './qr.js';

/** What a document is printed on. */
export type PrintKind = 'receipt' | 'document' | 'label';

/**
 * Text size steps. On a receipt printer: small = font B, normal = font A, large = double height and width,
 * huge = triple. On a page: points relative to the document's base size (see layout.ts).
 */
export type TextSize = 'small' | 'normal' | 'large' | 'huge';

/** A piece of text in one size and weight. */
export interface TextRun {
  text: string;
  size?: TextSize;
  bold?: boolean;
}

export type Align = 'left' | 'center' | 'right';

/** Fields every block may carry: `block` names the template's block it belongs to (a shop may hide it). */
interface BlockBase {
  block?: string;
}

/** A paragraph: runs on one line, wrapped at the line width. */
export interface TextBlock extends BlockBase {
  type: 'text';
  runs: TextRun[];
  align?: Align;
}

/** One row of columns; `width` is a share of the line (weights), `align` per column. */
export interface ColumnsBlock extends BlockBase {
  type: 'columns';
  columns: Array<{ runs: TextRun[]; width?: number; align?: Align }>;
}

/** A horizontal line across the printable width. */
export interface RuleBlock extends BlockBase {
  type: 'rule';
  style?: 'solid' | 'dashed' | 'double';
}

/** An image given as a data: URL (PNG or JPEG; SVG shows in HTML only), `width` in millimetres. */
export interface ImageBlock extends BlockBase {
  type: 'image';
  src: string;
  width: number;
  align?: Align;
}

/** A linear barcode; `height` in millimetres; the digits printed under it unless `showText` is false. */
export interface BarcodeBlock extends BlockBase {
  type: 'barcode';
  symbology: 'ean13' | 'code128';
  data: string;
  height?: number;
  /** Module width in millimetres (default 0.33 for EAN-13, 0.25 for Code 128). */
  module?: number;
  showText?: boolean;
  align?: Align;
}

/** A QR code; `size` is the side in millimetres, quiet zone included. */
export interface QrBlock extends BlockBase {
  type: 'qr';
  data: string;
  size?: number;
  ecc?: QrErrorCorrection;
  align?: Align;
}

/** Vertical space, in lines of normal text. */
export interface SpaceBlock extends BlockBase {
  type: 'space';
  lines?: number;
}

/** Where a receipt is cut (a page break on a page printer). */
export interface CutBlock extends BlockBase {
  type: 'cut';
  partial?: boolean;
}

export type PrintBlock = TextBlock | ColumnsBlock | RuleBlock | ImageBlock | BarcodeBlock | QrBlock | SpaceBlock | CutBlock;

/** The paper: width and height in millimetres (height null: continuous roll), margins, and for rolls the characters per line. */
export interface PaperSpec {
  width: number;
  height: number | null;
  margin: number;
  /** Characters per line of normal text on a roll (48 on 80 mm paper, 32 on 58 mm). */
  columns?: number;
}

/** A rendered document: what every painter receives. */
export interface PrintDocument {
  template: string;
  kind: PrintKind;
  lang: Language;
  paper: PaperSpec;
  blocks: PrintBlock[];
}

/** The paper each kind gets unless its template says otherwise. */
export const DEFAULT_PAPER: Record<PrintKind, PaperSpec> = {
  receipt: { width: 80, height: null, margin: 4, columns: 48 },
  document: { width: 210, height: 297, margin: 15 },
  label: { width: 62, height: 29, margin: 2 },
};

/** The shop's changes to a template in one language. */
export interface TemplateOverride {
  /** Text key → the shop's text (replaces the template's default). */
  texts: Record<string, string>;
  /** Blocks the shop does not want printed. */
  hiddenBlocks: string[];
  /** data: URL of a logo for this template, or null to use the shop's logo. */
  logo: string | null;
}

/** What a template's render function receives besides its data. */
export interface TemplateContext {
  lang: Language;
  /** `${lang}-${country}`, for formatting amounts and dates. */
  locale: string;
  shop: Shop;
  /** The text for a key: the shop's override in this language, else the template's default. `{name}` placeholders are filled from `values`. */
  text(key: string, values?: Record<string, string | number>): string;
  /** The logo to print (the override's, else the shop's), or null. */
  logo: string | null;
  /** Amount in cents as the shop writes it ("12,50 €"). */
  money(cents: number): string;
  /** A date as the shop writes it. */
  date(d: Date | string, withTime?: boolean): string;
  /** The fingerprint of the installation's signing key in groups of four, for closures to print (null: no key). */
  keyFingerprint: string | null;
}

/** A print template, declared by a plugin in `definePlugin({ templates })`. */
export interface PrintTemplateDefinition<D = any> {
  /** Unique within the plugin; the template's id is `<plugin>.<name>`. */
  name: string;
  kind: PrintKind;
  title: LocalizedText;
  description?: LocalizedText;
  /** Paper, when not the kind's default. */
  paper?: Partial<PaperSpec>;
  /** Texts a shop may rewrite, with their defaults; keys are used by `ctx.text(key)`. */
  texts?: Record<string, { label: LocalizedText; default: LocalizedText; multiline?: boolean }>;
  /** Blocks a shop may hide; the blocks of the document name them in their `block` field. */
  blocks?: Record<string, { label: LocalizedText }>;
  /** Whether the template prints a logo (and so whether a shop may give one). */
  logo?: boolean;
  /** Believable data for previews. */
  sample(ctx: TemplateContext): D;
  /** The document's blocks for `data`. */
  render(data: D, ctx: TemplateContext): PrintBlock[];
}

/** Declares a print template (checks nothing at run time; gives the data type to `render`). */
export function defineTemplate<D>(def: PrintTemplateDefinition<D>): PrintTemplateDefinition<D> {
  return def;
}
