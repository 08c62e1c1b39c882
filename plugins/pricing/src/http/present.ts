import { localize, type Language } from '@comptoir/kernel';
import type { LineQuote } from '../hooks.js';

interface Priced {
  rule?: LineQuote['rule'];
  adjustments?: LineQuote['adjustments'];
}

/** A priced line as the API sends it: rule and adjustments explained in the request's language. */
export type Presented<T> = Omit<T, 'rule' | 'adjustments'> & {
  rule: Omit<LineQuote['rule'], 'explanation'> & { explanation: string };
  adjustments: Array<{ by: string; explanation: string }>;
};

/** A priced line for the API: explanations in the request's language. */
export function presentLine<T extends Priced>(line: T, lang: Language): T | Presented<T> {
  if (!line.rule) return line;
  return {
    ...line,
    rule: { ...line.rule, explanation: localize(line.rule.explanation, lang) },
    adjustments: (line.adjustments ?? []).map((a) => ({ by: a.by, explanation: localize(a.explanation, lang) })),
  } as Presented<T>;
}

/** A quote or a scan, with its associated lines, for the API. */
export function presentQuote<T extends Priced & { associatedLines?: LineQuote[] }>(q: T, lang: Language) {
  return { ...presentLine(q, lang), associatedLines: (q.associatedLines ?? []).map((l) => presentLine(l, lang)) };
}
