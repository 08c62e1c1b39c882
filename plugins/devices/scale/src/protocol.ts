/**
 * The Mettler Toledo 8217 protocol, the one French and Belgian shop scales certified for trade (Mettler Toledo,
 * Bizerba, Dibal, CAS, Epelsa in their "8217" / "Toledo" ECR mode) speak to a till, at 9600 bauds, 7 data bits, even
 * parity, 1 stop bit:
 * - the till sends `W` (0x57); the scale answers `STX` + the weight in kg with 3 decimals (`01.234`) + `CR` when the
 *   weight is stable and valid, or `STX ? status CR` otherwise;
 * - the till sends `Z` (0x5A) to zero the scale; it answers `STX ? status CR`;
 * - the status byte: bit 0 in motion, bit 1 at zero, bit 4 under zero, bit 5 over capacity, bit 6 always 1 (so it
 *   prints: `@` nothing to say, `A` in motion, `B` at zero, `P` under zero, `` ` `` overload).
 * Tare is set on the scale itself (the protocol has no tare command); the weight it sends is the net weight.
 */
export const STX = 0x02;
export const CR = 0x0d;
export const REQUEST = { weigh: 0x57, zero: 0x5a } as const;
export const STATUS = { motion: 0x01, atZero: 0x02, underZero: 0x10, overload: 0x20, always: 0x40 } as const;

/** What one answer says. */
export type Reading =
  | { kind: 'weight'; weight: number }
  | { kind: 'status'; motion: boolean; atZero: boolean; underZero: boolean; overload: boolean };

/** Reads one answer (without its CR): the weight in thousandths of kg, or the status. Null if it is not one. */
export function parseAnswer(bytes: Uint8Array): Reading | null {
  if (bytes[0] !== STX) return null;
  const body = Buffer.from(bytes.subarray(1)).toString('latin1');
  if (body.length === 2 && body[0] === '?') {
    const s = body.charCodeAt(1);
    return { kind: 'status', motion: !!(s & STATUS.motion), atZero: !!(s & STATUS.atZero), underZero: !!(s & STATUS.underZero), overload: !!(s & STATUS.overload) };
  }
  const m = /^(\d{1,3})\.(\d{3})$/.exec(body);
  if (!m) return null;
  return { kind: 'weight', weight: Number(m[1]) * 1000 + Number(m[2]) };
}

/** The answer a scale gives for a stable weight in thousandths of kg (`STX 01.234 CR`). */
export function weightAnswer(weight: number): Uint8Array {
  const kg = `${Math.floor(weight / 1000)}`.padStart(2, '0');
  const g = `${weight % 1000}`.padStart(3, '0');
  return Uint8Array.from([STX, ...Buffer.from(`${kg}.${g}`, 'latin1'), CR]);
}

/** The answer a scale gives with a status byte (`STX ? s CR`). */
export function statusAnswer(flags: { motion?: boolean; atZero?: boolean; underZero?: boolean; overload?: boolean }): Uint8Array {
  const s = STATUS.always | (flags.motion ? STATUS.motion : 0) | (flags.atZero ? STATUS.atZero : 0) | (flags.underZero ? STATUS.underZero : 0) | (flags.overload ? STATUS.overload : 0);
  return Uint8Array.from([STX, 0x3f, s, CR]);
}
