/** Label sheets and label-printer sizes, in millimetres. */
export interface LabelLayout {
  id: LabelLayoutId;
  name: { fr: string; nl: string; en: string };
  /** Page size; a label printer's page is one label. */
  page: { width: number; height: number };
  columns: number;
  rows: number;
  label: { width: number; height: number };
  /** Distance from the page's top-left corner to the first label. */
  margin: { top: number; left: number };
  /** Space between labels. */
  gap: { x: number; y: number };
  /** `article`: small labels stuck on goods; `shelf`: larger labels for the shelf edge, with the date. */
  style: 'article' | 'shelf';
}

export type LabelLayoutId = 'a4-3x8' | 'a4-4x10' | 'single-57x32' | 'shelf-a4-2x7';

const A4 = { width: 210, height: 297 };

/** The layouts the shop can print (the common Avery/Herma sheets and the 57 × 32 mm roll of label printers). */
export const LABEL_LAYOUTS: Readonly<Record<LabelLayoutId, LabelLayout>> = Object.freeze({
  'a4-3x8': {
    id: 'a4-3x8', name: { fr: 'A4, 3 × 8 étiquettes de 70 × 37 mm', nl: 'A4, 3 × 8 etiketten van 70 × 37 mm', en: 'A4, 3 × 8 labels of 70 × 37 mm' },
    page: A4, columns: 3, rows: 8, label: { width: 70, height: 37 }, margin: { top: 0.5, left: 0 }, gap: { x: 0, y: 0 }, style: 'article',
  },
  'a4-4x10': {
    id: 'a4-4x10', name: { fr: 'A4, 4 × 10 étiquettes de 48,5 × 25,4 mm', nl: 'A4, 4 × 10 etiketten van 48,5 × 25,4 mm', en: 'A4, 4 × 10 labels of 48.5 × 25.4 mm' },
    page: A4, columns: 4, rows: 10, label: { width: 48.5, height: 25.4 }, margin: { top: 21.5, left: 8 }, gap: { x: 0, y: 0 }, style: 'article',
  },
  'single-57x32': {
    id: 'single-57x32', name: { fr: 'Imprimante d’étiquettes, 57 × 32 mm', nl: 'Etikettenprinter, 57 × 32 mm', en: 'Label printer, 57 × 32 mm' },
    page: { width: 57, height: 32 }, columns: 1, rows: 1, label: { width: 57, height: 32 }, margin: { top: 0, left: 0 }, gap: { x: 0, y: 0 }, style: 'article',
  },
  'shelf-a4-2x7': {
    id: 'shelf-a4-2x7', name: { fr: 'Étiquettes de rayon, A4, 2 × 7 de 99,1 × 38,1 mm', nl: 'Schapetiketten, A4, 2 × 7 van 99,1 × 38,1 mm', en: 'Shelf labels, A4, 2 × 7 of 99.1 × 38.1 mm' },
    page: A4, columns: 2, rows: 7, label: { width: 99.1, height: 38.1 }, margin: { top: 15.15, left: 4.65 }, gap: { x: 2.5, y: 0 }, style: 'shelf',
  },
});

export const LABEL_LAYOUT_IDS = Object.keys(LABEL_LAYOUTS) as LabelLayoutId[];

/** Millimetres to PDF points. */
export const mm = (v: number): number => (v * 72) / 25.4;
