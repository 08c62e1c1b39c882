import type { DeviceState } from '@comptoir/devices';

/** DLE EOT n: real-time status requests (answered at once, even with a full buffer). */
export const DLE_EOT = { printer: [0x10, 0x04, 0x01], offlineCause: [0x10, 0x04, 0x02], paper: [0x10, 0x04, 0x04] } as const;

/** Bits of the answers (Epson's ESC/POS reference, DLE EOT). */
export const STATUS_BITS = {
  /** n=2: cover open. */
  coverOpen: 0x04,
  /** n=2: printing stopped by a paper end. */
  paperStop: 0x20,
  /** n=2: an error occurred (cutter, mechanism, overheating). */
  error: 0x40,
  /** n=4: the roll is near its end. */
  paperNearEnd: 0x0c,
  /** n=4: no paper. */
  paperEnd: 0x60,
} as const;

/** The state the answers to DLE EOT 2 and 4 describe. */
export function stateOf(offlineCause: number, paper: number): { state: DeviceState; detail?: string } {
  if (paper & STATUS_BITS.paperEnd || offlineCause & STATUS_BITS.paperStop) return { state: 'paper-out', detail: 'paper end' };
  if (offlineCause & STATUS_BITS.coverOpen) return { state: 'cover-open', detail: 'cover open' };
  if (offlineCause & STATUS_BITS.error) return { state: 'error', detail: 'printer error (cutter, mechanism or head temperature)' };
  if (paper & STATUS_BITS.paperNearEnd) return { state: 'paper-low', detail: 'paper near its end' };
  return { state: 'online' };
}
