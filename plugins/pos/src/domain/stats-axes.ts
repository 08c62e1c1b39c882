/** What the till's statistics are grouped by (shared by the server and the screen). */
export const STATS_AXES = ['hour', 'day', 'article', 'family', 'cashier', 'vat', 'payment', 'postcode', 'station'] as const;
export type StatsAxis = (typeof STATS_AXES)[number];
