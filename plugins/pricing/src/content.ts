import type { ContentUnit } from './domain/index.js';

const CONTENT_RE = /(?:(\d{1,3})\s*[×x*]\s*)?(\d+(?:[.,]\d+)?)\s*(ml|cl|dl|l|g|kg)(?![\p{L}\d])/giu;
const FACTOR: Record<string, { unit: ContentUnit; thousandths: number }> = {
  ml: { unit: 'l', thousandths: 1 }, cl: { unit: 'l', thousandths: 10 }, dl: { unit: 'l', thousandths: 100 }, l: { unit: 'l', thousandths: 1000 },
  g: { unit: 'kg', thousandths: 1 }, kg: { unit: 'kg', thousandths: 1000 },
};

/**
 * The content written in an article's name or a supplier's column: "33 cl" → 330 l, "1,5 l" → 1500 l,
 * "500 g" → 500 kg, "6 × 25 cl" → 1500 l (the whole pack). The last mention wins ("Rioja 2020 37,5 cl").
 * Null when there is none.
 */
export function parseContent(text: string): { quantity: number; unit: ContentUnit } | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(CONTENT_RE)) last = m;
  if (!last) return null;
  const count = last[1] ? Number(last[1]) : 1;
  const f = FACTOR[last[3].toLowerCase()];
  const quantity = Math.round(Number(last[2].replace(',', '.')) * f.thousandths) * count;
  return quantity > 0 && Number.isSafeInteger(quantity) ? { quantity, unit: f.unit } : null;
}
