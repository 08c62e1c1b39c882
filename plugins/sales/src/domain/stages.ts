/**
 * The named stages of `composeLines`, in the order they run: a tap gives its stage when tapping, so that
 * associated articles exist before deposits are counted, and deposits before promotions look at the total.
 * Tapable runs lower stages first; taps of one stage run in the order they were tapped.
 */
export const SALE_STAGES = Object.freeze({
  /** Articles that come with another (a fee, an accessory, an empty crate). */
  associated: 100,
  /** Returnable containers for the lines that carry them. */
  deposits: 200,
  /** Promotions and document discounts, once every line is there. */
  promotions: 300,
  /** Last look before validation (rounding lines, checks that need the whole document). */
  final: 1000,
});

export type SaleStage = keyof typeof SALE_STAGES;
