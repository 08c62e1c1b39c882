/**
 * A virtual ESC/POS printer on TCP (127.0.0.1): it keeps the bytes it receives, decodes them into receipts, answers
 * the DLE EOT status requests, and can be told to run out of paper, open its cover, refuse connections or drop a
 * connection in the middle of a job. `comptoir-simulate printer` runs one; the tests use it as a real printer.
 */
import { openSync } from 'node:fs';
import { Socket, createServer, type Server } from 'node:net';
import { ReadStream, WriteStream } from 'node:tty';
import { decodeEscPos, type Decoded, type DecodedReceipt } from './decode.js';
import { STATUS_BITS } from './status.js';

/** A byte stream to a client: a TCP connection or a serial line. */
interface Line {
  on(event: 'data', fn: (b: Buffer) => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  write(b: Buffer): void;
  destroy(): void;
}

export interface PrinterSimulatorOptions {
  host?: string;
  /** 0: any free port (see `port`). */
  port?: number;
  /** Called with each receipt once cut. */
  onReceipt?: (lines: string[], receipt: DecodedReceipt) => void;
}

/** What the printer is going through, set by the tests or the person running it. */
export interface PrinterCondition {
  paperOut: boolean;
  paperLow: boolean;
  coverOpen: boolean;
  /** Close the next connection after this many bytes of printing (a cable pulled mid-job). */
  dropAfter: number | null;
}

export class PrinterSimulator {
  readonly condition: PrinterCondition = { paperOut: false, paperLow: false, coverOpen: false, dropAfter: null };
  /** Every printing byte received (status requests left out), in order, across connections. */
  private chunks: Buffer[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private waiters: Array<() => void> = [];
  connections = 0;
  host: string;
  port: number;

  constructor(private readonly options: PrinterSimulatorOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
  }

  /** Starts listening (again, on the same port after `stop`). */
  async start(): Promise<this> {
    const server = createServer((s) => this.accept(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops open connections: the printer is switched off or unplugged. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The printing bytes received so far. */
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** What was printed so far, decoded. */
  decoded(): Decoded {
    return decodeEscPos(this.bytes);
  }

  /** Forgets what was printed. */
  clear(): void {
    this.chunks = [];
  }

  /** Waits until `test(decoded)` holds (checked after each chunk received), or throws after `timeoutMs`. */
  async waitFor(test: (d: Decoded) => boolean, timeoutMs = 20_000): Promise<Decoded> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = this.decoded();
      if (test(d)) return d;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`printer simulator: condition not met within ${timeoutMs} ms; printed so far:\n${d.receipts.map((r) => r.lines.join('\n')).join('\n--- cut ---\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /**
   * Listens on a serial line too (one end of a socat pseudo-terminal pair, or a real port wired to the till): the
   * same printer, reached through the other end. Returns the function that detaches it.
   */
  attachSerial(path: string): () => void {
    const input = new ReadStream(openSync(path, 'r'));
    const output = new WriteStream(openSync(path, 'w'));
    const line: Line = {
      on: (event: string, fn: (...a: any[]) => void) => { (event === 'data' ? input : output).on(event, fn); },
      write: (b: Buffer) => { output.write(b); },
      destroy: () => undefined,
    };
    input.on('error', () => undefined);
    this.accept(line);
    return () => { input.destroy(); output.destroy(); };
  }

  private accept(s: Line): void {
    this.connections += 1;
    if (s instanceof Socket) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    }
    s.on('error', () => undefined);
    let budget = this.condition.dropAfter;
    this.condition.dropAfter = null;
    let pending = Buffer.alloc(0);
    s.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      const print: number[] = [];
      let i = 0;
      for (; i < pending.length; i++) {
        if (pending[i] === 0x10) {
          if (i + 2 >= pending.length) break;
          if (pending[i + 1] === 0x04) {
            s.write(Buffer.from([this.answer(pending[i + 2])]));
            i += 2;
            continue;
          }
        }
        if (budget !== null && budget-- <= 0) {
          this.received(Buffer.from(print));
          s.destroy();
          return;
        }
        print.push(pending[i]);
      }
      pending = pending.subarray(i);
      this.received(Buffer.from(print));
    });
  }

  private received(b: Buffer): void {
    if (!b.length) return;
    const before = this.decoded().receipts.filter((r) => r.cut).length;
    this.chunks.push(b);
    const receipts = this.decoded().receipts.filter((r) => r.cut);
    for (const r of receipts.slice(before)) this.options.onReceipt?.(r.lines, r);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The answer byte to DLE EOT n (fixed bits 1 and 4 set, as Epson printers answer). */
  private answer(n: number): number {
    const c = this.condition;
    let v = 0x12;
    if (n === 1 && (c.paperOut || c.coverOpen)) v |= 0x08;
    if (n === 2) {
      if (c.coverOpen) v |= STATUS_BITS.coverOpen;
      if (c.paperOut) v |= STATUS_BITS.paperStop;
    }
    if (n === 4) {
      if (c.paperOut) v |= STATUS_BITS.paperEnd;
      if (c.paperLow) v |= STATUS_BITS.paperNearEnd;
    }
    return v;
  }
}
