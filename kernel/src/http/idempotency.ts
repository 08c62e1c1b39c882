import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { IdempotencyRecord } from '../entities/index.js';
import { canonicalJson } from '../journal/canonical.js';
import { query, run } from '../db/sql.js';

/** The request header a client sends to make a retry safe. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The answer header that says the body is the stored answer of an earlier request. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key is remembered by default. */
export const IDEMPOTENCY_HOURS = 24;

/** 8 to 255 visible ASCII characters: a UUID, a ULID, or any random token the client keeps with its request. */
const KEY_RE = /^[\x21-\x7e]{8,255}$/;

/**
 * The key a request carries, or null when it carries none. A malformed key is always refused (a client that
 * meant to be safe must learn that it is not); a missing one is refused only by routes declared
 * `idempotent: 'required'`.
 */
export function idempotencyKeyOf(req: FastifyRequest, required: boolean): string | null {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) {
    if (!required) return null;
    throw new DomainError('IDEMPOTENCY_KEY_REQUIRED', {
      fr: 'Cette opération demande un en-tête Idempotency-Key (une clé unique par opération, par exemple un UUID).',
      nl: 'Deze bewerking vraagt een Idempotency-Key-header (een unieke sleutel per bewerking, bijvoorbeeld een UUID).',
      en: 'This operation needs an Idempotency-Key header (a unique key per operation, such as a UUID).',
    }, { status: 400 });
  }
  const key = Array.isArray(raw) ? raw.join(',') : raw;
  if (!KEY_RE.test(key)) {
    throw new DomainError('IDEMPOTENCY_KEY_INVALID', {
      fr: 'En-tête Idempotency-Key invalide : 8 à 255 caractères ASCII visibles, sans espace (par exemple un UUID).',
      nl: 'Ongeldige Idempotency-Key-header: 8 tot 255 zichtbare ASCII-tekens, zonder spaties (bijvoorbeeld een UUID).',
      en: 'Invalid Idempotency-Key header: 8 to 255 visible ASCII characters, no spaces (such as a UUID).',
    }, { status: 400 });
  }
  return key;
}

/** SHA-256 of what makes two requests the same: method, path with query, and the body as canonical JSON. */
export function requestHash(req: FastifyRequest): string {
  let body: string;
  try {
    body = canonicalJson(req.body ?? null);
  } catch {
    body = String(req.body);
  }
  return createHash('sha256').update(req.method).update('\n').update(req.url).update('\n').update(body).digest('hex');
}

/** What a key's record holds for a replay. */
export interface StoredAnswer {
  route: string;
  requestHash: string;
  status: number;
  /** The answer's JSON body (null for an empty answer). */
  response: string | null;
}

/** Raised inside the claiming transaction when another request holds the key: it rolls back, then replays. */
export class KeyTaken extends Error {}

/** The stored answers of idempotent requests (`kernel_idempotency`). */
export class IdempotencyStore {
  constructor(private readonly ttlMs: number, private readonly clock: { now(): Date }) {}

  /** The stored answer for a user's key, unless it has expired. */
  async find(em: EntityManager, userId: number, key: string): Promise<StoredAnswer | null> {
    const rows = await query<{ route: string; request_hash: string; status: number | string; response: string | null }>(em,
      'select route, request_hash, status, response from kernel_idempotency where user_id = ? and "key" = ? and expires_at > ?',
      [userId, key, this.clock.now()]);
    const r = rows[0];
    return r ? { route: r.route, requestHash: r.request_hash, status: Number(r.status), response: r.response } : null;
  }

  /**
   * Takes the key inside the request's transaction, in one statement (an expired record of the key is taken
   * over). On PostgreSQL a concurrent request with the same key waits here until the first one commits (then
   * finds the key taken) or rolls back (then takes it); SQLite's single connection runs the two one after the
   * other. Throws KeyTaken when it is taken.
   */
  async claim(tem: EntityManager, userId: number, key: string, route: string, hash: string): Promise<void> {
    const now = this.clock.now();
    const taken = await query<{ user_id: number }>(tem,
      `insert into kernel_idempotency (user_id, "key", route, request_hash, status, response, created_at, expires_at) values (?, ?, ?, ?, 0, null, ?, ?)
       on conflict (user_id, "key") do update set route = excluded.route, request_hash = excluded.request_hash, status = 0, response = null,
         created_at = excluded.created_at, expires_at = excluded.expires_at
       where kernel_idempotency.expires_at <= ?
       returning user_id`,
      [userId, key, route, hash, now, new Date(now.getTime() + this.ttlMs), now]);
    if (!taken.length) throw new KeyTaken();
  }

  /** Records the answer in the same transaction as the request's effect. */
  async complete(tem: EntityManager, userId: number, key: string, status: number, body: unknown): Promise<void> {
    await run(tem, 'update kernel_idempotency set status = ?, response = ? where user_id = ? and "key" = ?',
      [status, body === undefined ? null : JSON.stringify(body), userId, key]);
  }

  /** Forgets expired keys; returns how many. */
  async purge(em: EntityManager): Promise<number> {
    return em.nativeDelete(IdempotencyRecord, { expiresAt: { $lte: this.clock.now() } });
  }
}

/** The refusal of a key already used for another request (another body, path or method). */
export function keyReused(rec: StoredAnswer): DomainError {
  return new DomainError('IDEMPOTENCY_KEY_REUSED', {
    fr: `Cette clé Idempotency-Key a déjà servi pour une autre requête (${rec.route}, autre contenu). Une nouvelle opération demande une nouvelle clé.`,
    nl: `Deze Idempotency-Key werd al gebruikt voor een andere aanvraag (${rec.route}, andere inhoud). Een nieuwe bewerking vraagt een nieuwe sleutel.`,
    en: `This Idempotency-Key was already used for another request (${rec.route}, different content). A new operation needs a new key.`,
  }, { status: 422 });
}
