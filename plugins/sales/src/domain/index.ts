// The sale contract's pure part: lines, documents, stages and totals.
export * from './types.js';
export { SALE_STAGES, type SaleStage } from './stages.js';
export { saleTotals, lineAmounts, documentDiscount, spread, type SaleTotals, type LineAmounts, type TotalsInput } from './totals.js';
export { SaleErrors } from './errors.js';
