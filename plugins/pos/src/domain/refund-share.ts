// Kept free of the kernel's imports: the refund screen computes the same amounts in the browser.

/**
 * The total of refunding `quantity` more of a sold line of which `before` was already refunded: the difference of
 * two prorations of the line's total, so that refunding a line in several goes gives back exactly what was paid,
 * never a cent more (negative: money going back).
 */
export function refundLineTotal(soldTotal: number, soldQuantity: number, before: number, quantity: number): number {
  const share = (q: number) => prorate(soldTotal, q, soldQuantity);
  return -(share(before + quantity) - share(before));
}

function prorate(total: number, part: number, whole: number): number {
  const n = BigInt(total) * BigInt(part);
  const d = BigInt(whole);
  const q = n / d;
  const r = n % d;
  return Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}
