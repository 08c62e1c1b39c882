/** The sale screen's buttons a shop may show or hide per station (no imports: the browser UI uses it too). */
export const SALE_BUTTONS = ['customer', 'discount', 'note', 'park', 'parked', 'quantity', 'search'] as const;
export type SaleButton = (typeof SALE_BUTTONS)[number];
