/**
 * Byte streams to devices: TCP (a printer's port 9100), a serial port (configured with `stty`, then read and
 * written as a tty) and a USB printer device file (/dev/usb/lp0, written only). Every driver talks through
 * these, so that timeouts and errors read the same for every device.
 */
import { execFile } from 'node:child_process';
import { openSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Socket, connect } from 'node:net';
import { ReadStream, WriteStream } from 'node:tty';
import { promisify } from 'node:util';
import { DeviceError, type Connection, type SerialConnection } from '../types.js';

/** An open byte stream to a device. */
export interface Transport {
  write(bytes: Uint8Array): Promise<void>;
  /** Reads exactly `n` bytes, or throws DEVICE_NO_ANSWER after `timeoutMs`. */
  read(n: number, timeoutMs?: number): Promise<Uint8Array>;
  /** Whether the device can answer (a USB printer file cannot). */
  readonly readable: boolean;
  close(): Promise<void>;
}

export interface TransportOptions {
  /** How long to wait for a connection (ms, default 3000). */
  connectTimeoutMs?: number;
}

const offline = (what: string, cause?: unknown) =>
  new DeviceError('DEVICE_OFFLINE', 'offline', `${what}: ${(cause as Error)?.message ?? 'no answer'}`, { cause });

/** Opens a byte stream to a device (`via` connections are resolved by the device manager, not here). */
export async function openTransport(c: Connection, options: TransportOptions = {}): Promise<Transport> {
  switch (c.type) {
    case 'tcp': return openTcp(c.host, c.port, options.connectTimeoutMs ?? 3000);
    case 'serial': return openSerial(c);
    case 'usb': return openUsb(c.path);
    default: throw new DeviceError('DEVICE_CONNECTION_UNSUPPORTED', 'error', `a '${c.type}' connection is not a byte stream`);
  }
}

/** Collects what a stream receives and hands it out by count. */
class Inbox {
  private chunks: Buffer[] = [];
  private size = 0;
  private wake: (() => void) | null = null;
  failure: Error | null = null;

  push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    this.wake?.();
  }

  fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
  }

  async take(n: number, timeoutMs: number): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.size < n) {
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new DeviceError('DEVICE_NO_ANSWER', 'offline', `no answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      this.wake = null;
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(n)];
    this.size -= n;
    return new Uint8Array(all.subarray(0, n));
  }
}

async function openTcp(host: string, port: number, timeoutMs: number): Promise<Transport> {
  const where = `${host}:${port}`;
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host, port });
    const t = setTimeout(() => { s.destroy(); reject(offline(where, new Error(`no connection within ${timeoutMs} ms`))); }, timeoutMs);
    s.once('connect', () => { clearTimeout(t); resolve(s); });
    s.once('error', (e) => { clearTimeout(t); reject(offline(where, e)); });
  });
  socket.setNoDelay(true);
  const inbox = new Inbox();
  socket.on('data', (b: Buffer) => inbox.push(b));
  socket.on('error', (e) => inbox.fail(offline(where, e)));
  socket.on('close', () => inbox.fail(offline(where, new Error('connection closed by the device'))));
  return {
    readable: true,
    write: (bytes) => new Promise<void>((resolve, reject) => {
      if (inbox.failure || socket.destroyed) { reject(inbox.failure ?? offline(where)); return; }
      socket.write(bytes, (e) => (e ? reject(offline(where, e)) : resolve()));
    }),
    read: (n, ms = 2000) => inbox.take(n, ms),
    close: () => new Promise<void>((resolve) => {
      if (socket.destroyed) { resolve(); return; }
      socket.end(() => { socket.destroy(); resolve(); });
      setTimeout(() => { socket.destroy(); resolve(); }, 500).unref();
    }),
  };
}

const run = promisify(execFile);

/** The `stty` words for a serial connection: speed, character size, parity, stop bits, raw bytes, no flow control. */
export function sttyArgs(c: SerialConnection): string[] {
  return [
    String(c.baudRate), `cs${c.dataBits}`,
    ...(c.parity === 'none' ? ['-parenb'] : ['parenb', c.parity === 'odd' ? 'parodd' : '-parodd']),
    c.stopBits === 2 ? 'cstopb' : '-cstopb',
    'raw', '-echo', '-crtscts', '-ixon', '-ixoff', 'clocal',
  ];
}

async function openSerial(c: SerialConnection): Promise<Transport> {
  try {
    await run('stty', ['-F', c.path, ...sttyArgs(c)]);
  } catch (e) {
    throw offline(c.path, new Error((e as { stderr?: string }).stderr?.trim() || (e as Error).message));
  }
  let input: ReadStream;
  let output: WriteStream;
  try {
    // A serial port is a tty: libuv reads and writes it without blocking a thread, like a socket. Each stream owns
    // its own descriptor and closes it.
    input = new ReadStream(openSync(c.path, 'r'));
    output = new WriteStream(openSync(c.path, 'w'));
  } catch (e) {
    throw offline(c.path, e);
  }
  const inbox = new Inbox();
  input.on('data', (b: Buffer) => inbox.push(b));
  input.on('error', (e) => inbox.fail(offline(c.path, e)));
  output.on('error', (e) => inbox.fail(offline(c.path, e)));
  return {
    readable: true,
    write: (bytes) => new Promise<void>((resolve, reject) => {
      if (inbox.failure) { reject(inbox.failure); return; }
      output.write(bytes, (e) => (e ? reject(offline(c.path, e)) : resolve()));
    }),
    read: (n, ms = 2000) => inbox.take(n, ms),
    close: async () => {
      input.destroy();
      await new Promise<void>((resolve) => output.end(() => resolve()));
      output.destroy();
    },
  };
}

async function openUsb(path: string): Promise<Transport> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'a');
  } catch (e) {
    throw offline(path, e);
  }
  return {
    readable: false,
    write: async (bytes) => {
      try {
        await fh.write(bytes);
      } catch (e) {
        throw offline(path, e);
      }
    },
    read: async () => { throw new DeviceError('DEVICE_NO_STATUS', 'unknown', `${path} does not answer status queries`); },
    close: () => fh.close(),
  };
}
