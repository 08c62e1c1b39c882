/**
 * A minimal POSIX tar (ustar) writer and reader for the journal's archives: regular files only, fixed owner,
 * mode and time, so that the same members always give the same bytes. Any `tar` reads what it writes.
 */

/** One file of an archive. */
export interface TarMember {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Packs the members in the order given; every member gets mode 0644, owner 0:0 and time `mtime` (seconds). */
export function packTar(members: TarMember[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    if (!/^[A-Za-z0-9._/-]{1,99}$/.test(m.name)) throw new TypeError(`'${m.name}' cannot be a member of an archive`);
    const h = Buffer.alloc(BLOCK, 0);
    h.write(m.name, 0, 'ascii');
    h.write(octal(0o644, 8), 100, 'ascii');
    h.write(octal(0, 8), 108, 'ascii');
    h.write(octal(0, 8), 116, 'ascii');
    h.write(octal(m.data.length, 12), 124, 'ascii');
    h.write(octal(Math.max(0, Math.floor(mtime)), 12), 136, 'ascii');
    h.write('        ', 148, 'ascii');
    h.write('0', 156, 'ascii');
    h.write('ustar\0', 257, 'ascii');
    h.write('00', 263, 'ascii');
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    parts.push(h, m.data);
    const pad = (BLOCK - (m.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

/** Reads the regular files of a tar; throws a sentence when the bytes are not a tar (or are cut short). */
export function unpackTar(buf: Buffer): TarMember[] {
  const out: TarMember[] = [];
  let off = 0;
  while (off + BLOCK <= buf.length) {
    const h = buf.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) return out;
    const field = (start: number, len: number) => h.subarray(start, start + len).toString('ascii').replace(/\0.*$/s, '').trim();
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (parseInt(field(148, 8), 8) !== sum) throw new Error(`not a tar archive (bad header at byte ${off})`);
    const name = field(0, 100);
    const size = parseInt(field(124, 12), 8);
    const type = field(156, 1) || '0';
    off += BLOCK;
    if (off + size > buf.length) throw new Error(`the archive is cut short (member ${name})`);
    if (type === '0') out.push({ name, data: Buffer.from(buf.subarray(off, off + size)) });
    off += Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('the archive is cut short (no end-of-archive blocks)');
}
