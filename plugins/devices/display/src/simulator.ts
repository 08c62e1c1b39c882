/**
 * A virtual pole display: reads the Epson display commands from a serial line (one end of a socat pseudo-terminal
 * pair) and keeps the two lines it shows. `comptoir simulate display --serial /dev/pts/N` runs one.
 */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { decodeByte } from '@comptoir/devices';
import { LINES, WIDTH } from './commands.js';

export class DisplaySimulator {
  /** What the display shows, line by line. */
  readonly screen: string[][] = Array.from({ length: LINES }, () => Array<string>(WIDTH).fill(' '));
  private x = 0;
  private y = 0;
  private pending: number[] = [];
  private input: ReadStream | null = null;
  private readonly listeners = new Set<() => void>();

  /** The two lines as text. */
  get lines(): string[] {
    return this.screen.map((l) => l.join(''));
  }

  /** Reads commands from a serial line. */
  attachSerial(path: string): this {
    this.input = new ReadStream(openSync(path, 'r'));
    this.input.on('data', (b: Buffer) => this.feed(b));
    this.input.on('error', () => undefined);
    return this;
  }

  detach(): void {
    this.input?.destroy();
    this.input = null;
  }

  /** Waits until the display shows what `test` wants. */
  async waitFor(test: (lines: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (!test(this.lines)) {
      if (Date.now() > deadline) throw new Error(`display shows ${JSON.stringify(this.lines)}`);
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, 100); this.listeners.add(() => { clearTimeout(t); resolve(); }); });
    }
    return this.lines;
  }

  /** Interprets bytes (ESC @, ESC DC1, ESC t n, FF, US $ x y, text). */
  feed(bytes: Uint8Array): void {
    this.pending.push(...bytes);
    const p = this.pending;
    let i = 0;
    while (i < p.length) {
      const b = p[i];
      if (b === 0x1b) {
        if (i + 1 >= p.length) break;
        if (p[i + 1] === 0x74) { if (i + 2 >= p.length) break; i += 3; continue; }
        if (p[i + 1] === 0x40) this.clear();
        i += 2;
        continue;
      }
      if (b === 0x1f && p[i + 1] === 0x24) {
        if (i + 3 >= p.length) break;
        this.x = Math.min(WIDTH, Math.max(1, p[i + 2])) - 1;
        this.y = Math.min(LINES, Math.max(1, p[i + 3])) - 1;
        i += 4;
        continue;
      }
      if (b === 0x0c) { this.clear(); i += 1; continue; }
      if (b >= 0x20) {
        if (this.x < WIDTH) this.screen[this.y][this.x] = decodeByte(b, 19);
        this.x += 1;
      }
      i += 1;
    }
    this.pending = p.slice(i);
    for (const l of [...this.listeners]) l();
    this.listeners.clear();
  }

  private clear(): void {
    for (const line of this.screen) line.fill(' ');
    this.x = 0;
    this.y = 0;
  }
}
