/**
 * A virtual scale speaking the Mettler Toledo 8217 protocol on one end of a serial line (a socat pseudo-terminal
 * pair): it answers `W` with the weight it was given, or its status (in motion, overload, under zero), and `Z` by
 * zeroing. `comptoir simulate scale --serial /dev/pts/N` runs one.
 */
import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { REQUEST, statusAnswer, weightAnswer } from './protocol.js';

export type ScaleState = 'stable' | 'motion' | 'overload' | 'under-zero' | 'silent';

export class ScaleSimulator {
  /** The weight on the pan, in thousandths of kg. */
  weight = 0;
  state: ScaleState = 'stable';
  /** How many requests it answered. */
  requests = 0;
  private input: ReadStream | null = null;
  private output: WriteStream | null = null;

  /** Puts a weight on the pan (stable unless told otherwise). */
  set(weight: number, state: ScaleState = 'stable'): this {
    this.weight = weight;
    this.state = state;
    return this;
  }

  /** Answers on a serial line. */
  attachSerial(path: string): this {
    this.input = new ReadStream(openSync(path, 'r'));
    this.output = new WriteStream(openSync(path, 'w'));
    this.input.on('data', (b: Buffer) => { for (const byte of b) { const a = this.answer(byte); if (a) this.output?.write(a); } });
    this.input.on('error', () => undefined);
    this.output.on('error', () => undefined);
    return this;
  }

  detach(): void {
    this.input?.destroy();
    this.output?.destroy();
    this.input = this.output = null;
  }

  /** The answer to one command byte (null: none). */
  answer(command: number): Uint8Array | null {
    if (this.state === 'silent') return null;
    if (command === REQUEST.zero) {
      if (this.state === 'stable') this.weight = 0;
      return statusAnswer({ atZero: this.weight === 0, motion: this.state === 'motion' });
    }
    if (command !== REQUEST.weigh) return null;
    this.requests += 1;
    switch (this.state) {
      case 'motion': return statusAnswer({ motion: true });
      case 'overload': return statusAnswer({ overload: true });
      case 'under-zero': return statusAnswer({ underZero: true });
      default: return this.weight === 0 ? statusAnswer({ atZero: true }) : weightAnswer(this.weight);
    }
  }
}
