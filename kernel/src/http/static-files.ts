import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Content types of what a built shell or plugin UI holds; anything else is sent as bytes. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt']);
/** Below this size compression saves less than the header costs. */
const MIN_COMPRESS = 1024;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts: brotli, then gzip (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** Compresses a text body the way the client asked; identity when it would not shrink. */
export function compress(body: Buffer, encoding: Encoding): Buffer | null {
  if (encoding === 'identity' || body.length < MIN_COMPRESS) return null;
  const out = encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
  return out.length < body.length ? out : null;
}

/** A whole in-memory answer: one body, its encodings made once. */
export class MemoryFile {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Buffer | null>();

  constructor(readonly body: Buffer, readonly type: string, readonly cacheControl: string) {
    // Weak: the same content goes out in several encodings.
    this.etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  }

  send(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    void reply.header('cache-control', this.cacheControl).header('etag', this.etag).header('vary', 'accept-encoding').type(this.type);
    if (fresh(req, this.etag)) return reply.status(304).send();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!this.encoded.has(encoding)) this.encoded.set(encoding, compress(this.body, encoding));
    const body = this.encoded.get(encoding);
    if (body) return reply.header('content-encoding', encoding).send(body);
    return reply.send(this.body);
  }
}

function fresh(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
}

/**
 * Files of one folder, served read-only: only regular files really inside the folder (no '..', no hidden
 * file, no link leading out), with their content type, an ETag, the cache policy `cacheControl(path)` gives,
 * and brotli or gzip — the `.br` / `.gz` written next to the file at build time, else compressed here once.
 */
export class StaticFolder {
  readonly root: string;
  /** Compressed bodies made here, by path, ETag and encoding (a build's few hundred kilobytes at most). */
  private readonly cache = new Map<string, Buffer | null>();

  constructor(root: string, private readonly cacheControl: (path: string) => string) {
    this.root = realpathSync(root);
  }

  /** Sends the file at `path` (relative, URL-decoded) and returns true, or returns false when there is none. */
  async send(req: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
    const file = await this.locate(path);
    if (!file) return false;
    const info = await stat(file);
    const ext = extname(file).toLowerCase();
    const etag = `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
    void reply.header('cache-control', this.cacheControl(path)).header('etag', etag).type(TYPES[ext] ?? 'application/octet-stream');
    if (COMPRESSIBLE.has(ext)) void reply.header('vary', 'accept-encoding');
    if (fresh(req, etag)) {
      await reply.status(304).send();
      return true;
    }
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const body = encoding === 'identity' ? null : await this.encoded(file, info.mtimeMs, etag, encoding);
    if (body) await reply.header('content-encoding', encoding).send(body);
    else await reply.send(await readFile(file));
    return true;
  }

  private async encoded(file: string, mtimeMs: number, etag: string, encoding: Encoding): Promise<Buffer | null> {
    const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (existsSync(sibling) && (await stat(sibling)).mtimeMs >= mtimeMs) return readFile(sibling);
    const key = `${file}\n${etag}\n${encoding}`;
    if (!this.cache.has(key)) {
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(key, compress(await readFile(file), encoding));
    }
    return this.cache.get(key)!;
  }

  /** The real path of `path` inside the folder, or null. */
  private async locate(path: string): Promise<string | null> {
    if (!path || path.includes('\0') || path.includes('\\')) return null;
    const segments = path.split('/');
    if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
    try {
      const real = await realpath(join(this.root, ...segments));
      if (!real.startsWith(this.root + sep)) return null;
      return (await stat(real)).isFile() ? real : null;
    } catch {
      return null;
    }
  }
}
