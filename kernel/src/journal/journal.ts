import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from '../errors.js';
import { canonicalJson } from './canonical.js';
import { query, run } from '../db/sql.js';
import { withApprover } from '../auth/approval.js';
import { entrySigningText, verifySignature, type InstallationKey } from './signing.js';

/** The chain of technical events: start, stop, upgrades, restores, exports, clock changes, plugin changes, keys. */
export const TECHNICAL_CHAIN = 'technical';
/** The chain of training-mode tickets: journaled, but apart from the sales, their figures and their closures. */
export const TRAINING_CHAIN = 'training';
/** Chains whose every entry is signed with the installation's key (besides being chained). */
export const SIGNED_CHAINS: readonly string[] = ['closures'];
/** How far the clock may step back between two entries (NTP corrections, two servers) before it is journaled. */
export const CLOCK_TOLERANCE_MS = 2000;

/** What a caller journals: the chain (tickets, invoices, closures, events), a type and a payload. */
export interface JournalRecord {
  chain: string;
  type: string;
  payload: Record<string, unknown>;
  userId?: number | null;
  stationId?: number | null;
}

/** A stored entry as `verify` reads it. */
export interface JournalRow {
  id: number;
  chain: string;
  seq: number;
  at: string;
  type: string;
  user_id: number | null;
  station_id: number | null;
  payload: string;
  prev_hash: string;
  hash: string;
  /** The software's name and version that wrote it ('' for entries written before it was recorded). */
  software?: string;
}

/** The first problem `verify` found, or none. */
export interface JournalVerification {
  ok: boolean;
  chains: Array<{ chain: string; entries: number; lastHash: string }>;
  /** How many anchors (records kept outside the journal of what a chain held) were checked. */
  anchors: number;
  firstBad?: { chain: string; seq: number; id: number | null; reason: string };
}

/**
 * Rows an entry vouches for (a ticket and its lines): the SHA-256 of their columns when journaled, put in the
 * entry's payload under `seals`. `verify` reads them again, so altering a sealed row breaks the chain there.
 */
export interface JournalSeal {
  table: string;
  /** The rows are those where `column` = `value`, in `id` order. */
  column: string;
  value: number | string;
  columns: string[];
  hash: string;
}

const SQL_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Seals the rows of `table` where `column` = `value` (call it inside the transaction that wrote them). */
export async function sealRows(em: EntityManager, spec: Omit<JournalSeal, 'hash'>): Promise<JournalSeal> {
  return { ...spec, columns: [...spec.columns], hash: await rowsHash(em, spec) };
}

/** The sealed columns of the rows, as text (what the seal's hash covers, and what an archive keeps). */
export async function sealedRows(em: EntityManager, spec: Omit<JournalSeal, 'hash'>): Promise<Array<Array<string | null>>> {
  for (const name of [spec.table, spec.column, ...spec.columns]) {
    if (!SQL_NAME.test(name)) throw new DomainError('JOURNAL_SEAL_INVALID', `'${name}' is not a table or column name`, { status: 500 });
  }
  const rows = await query<Record<string, unknown>>(em,
    `select ${spec.columns.join(', ')} from ${spec.table} where ${spec.column} = ? order by id`, [spec.value]);
  // Both databases' types to one text form: numbers, text, booleans and dates read the same everywhere.
  const cell = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  return rows.map((r) => spec.columns.map((c) => cell(r[c])));
}

/** The hash a seal records over its rows' cells. */
export function sealHash(cells: Array<Array<string | null>>): string {
  return createHash('sha256').update(canonicalJson(cells)).digest('hex');
}

async function rowsHash(em: EntityManager, spec: Omit<JournalSeal, 'hash'>): Promise<string> {
  return sealHash(await sealedRows(em, spec));
}

/**
 * A record, kept outside the journal's tables, that a chain held at least `seq` entries and that entry `seq`
 * had this hash: the shop's creation entry, a Z closure's recorded heads. Deleting or rewriting a whole chain,
 * head included, no longer passes for an empty or shorter journal.
 */
export interface JournalAnchor {
  chain: string;
  seq: number;
  hash: string;
  /** Where the anchor comes from, for the report ('shop.created', 'pos z-closure 12'). */
  source: string;
}

/** Reads anchors a plugin keeps in its own tables (for example each Z closure's recorded heads). */
export type JournalAnchorSource = (em: EntityManager) => Promise<JournalAnchor[]>;

/** SHA-256 over the previous hash and the entry's canonical content (the software too, once it is recorded). */
export function entryHash(prevHash: string, e: Omit<JournalRow, 'id' | 'prev_hash' | 'hash'>): string {
  const content = canonicalJson({
    chain: e.chain, seq: Number(e.seq), at: e.at, type: e.type,
    userId: e.user_id == null ? null : Number(e.user_id),
    stationId: e.station_id == null ? null : Number(e.station_id),
    payload: JSON.parse(e.payload),
    software: e.software ? e.software : undefined,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * The fiscal journal: append-only chains of entries, each holding the SHA-256 of the previous one.
 * Database triggers refuse UPDATE and DELETE on the entries; `verify` recomputes every chain.
 */
export class Journal {
  private readonly clock: { now(): Date };
  private readonly anchorSources = new Map<string, JournalAnchorSource>();
  /** The software's name and version stored with every entry ('Comptoir 0.1.0'). */
  readonly software: string;
  /** The installation's key, which signs the entries of the signed chains (none: they are only chained). */
  private key: InstallationKey | null = null;
  /** The latest entry time this process saw (ms): a new entry well before it means the clock went back. */
  private lastAt: number | null = null;

  constructor({ clock, software }: { clock: { now(): Date }; software?: string }) {
    this.clock = clock;
    this.software = software ?? '';
  }

  /** Signs the signed chains' entries from now on with this key. */
  useKey(key: InstallationKey): void {
    this.key = key;
  }

  /** The key signing entries and archives, if one was given. */
  get signingKey(): InstallationKey | null {
    return this.key;
  }

  /** Appends a technical event (start, stop, upgrade, restore, export, clock, plugin change) to its own chain. */
  async technical(em: EntityManager, type: string, payload: Record<string, unknown>, userId?: number | null) {
    return this.append(em, { chain: TECHNICAL_CHAIN, type, payload, userId });
  }

  /**
   * Compares the clock with the latest entry of the journal (at start): an earlier time is journaled as
   * `clock.backwards`. Later appends compare with the latest entry this process wrote.
   */
  async checkClock(em: EntityManager): Promise<boolean> {
    const rows = await query<{ at: string | null }>(em, 'select max(at) as at from kernel_journal_entry');
    const last = rows[0]?.at ? Date.parse(String(rows[0].at)) : NaN;
    if (Number.isFinite(last)) this.lastAt = Math.max(this.lastAt ?? 0, last);
    const now = this.clock.now().getTime();
    if (this.lastAt === null || now >= this.lastAt - CLOCK_TOLERANCE_MS) return false;
    const lastAt = this.lastAt;
    this.lastAt = now;
    await this.technical(em, 'clock.backwards', { detected: 'start', lastEntryAt: new Date(lastAt).toISOString(), now: new Date(now).toISOString(), behindMs: lastAt - now });
    return true;
  }

  /** Appends an entry inside the caller's transaction (or a transaction of its own). */
  async append(em: EntityManager, record: JournalRecord): Promise<{ chain: string; seq: number; hash: string; signature?: string }> {
    if (!/^[a-z][a-z0-9_.-]{0,31}$/.test(record.chain)) {
      throw new DomainError('JOURNAL_CHAIN_INVALID', `Journal chain '${record.chain}' is not a valid name`, { status: 500 });
    }
    if (!em.isInTransaction()) return em.transactional((tem) => this.append(tem, record));
    const now = this.clock.now();
    if (this.lastAt !== null && now.getTime() < this.lastAt - CLOCK_TOLERANCE_MS) {
      const lastAt = this.lastAt;
      this.lastAt = now.getTime();
      await this.technical(em, 'clock.backwards', { detected: 'append', chain: record.chain, lastEntryAt: new Date(lastAt).toISOString(), now: now.toISOString(), behindMs: lastAt - now.getTime() });
    }
    this.lastAt = Math.max(this.lastAt ?? 0, now.getTime());
    await run(em,
      `insert into kernel_journal_head (chain, last_seq, last_hash) values (?, 0, '') on conflict (chain) do nothing`,
      [record.chain]);
    // The update takes the head row's lock: concurrent appends to one chain queue here.
    const head = await query<{ last_seq: number; last_hash: string }>(em,
      'update kernel_journal_head set last_seq = last_seq + 1 where chain = ? returning last_seq, last_hash',
      [record.chain]);
    const seq = Number(head[0].last_seq);
    const prevHash = head[0].last_hash;
    const row = {
      chain: record.chain, seq, at: now.toISOString(), type: record.type,
      user_id: record.userId ?? null, station_id: record.stationId ?? null,
      payload: canonicalJson(withApprover(record.payload ?? {})), software: this.software,
    };
    const hash = entryHash(prevHash, row);
    await run(em,
      `insert into kernel_journal_entry (chain, seq, at, type, user_id, station_id, payload, prev_hash, hash, software)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.chain, seq, row.at, row.type, row.user_id, row.station_id, row.payload, prevHash, hash, row.software]);
    await run(em, 'update kernel_journal_head set last_hash = ? where chain = ?', [hash, record.chain]);
    let signature: string | undefined;
    if (this.key && SIGNED_CHAINS.includes(record.chain)) {
      signature = this.key.sign(entrySigningText(record.chain, seq, hash));
      await run(em, 'insert into kernel_journal_signature (chain, seq, hash, fingerprint, signature, created_at) values (?, ?, ?, ?, ?, ?)',
        [record.chain, seq, hash, this.key.fingerprint, signature, row.at]);
    }
    return { chain: record.chain, seq, hash, signature };
  }

  /** The signature of a signed chain's entry, found by the entry's hash (for printing it on a closure). */
  async signatureOf(em: EntityManager, chain: string, hash: string): Promise<{ seq: number; fingerprint: string; signature: string } | null> {
    const rows = await query<{ seq: number; fingerprint: string; signature: string }>(em,
      'select seq, fingerprint, signature from kernel_journal_signature where chain = ? and hash = ?', [chain, hash]);
    return rows.length ? { seq: Number(rows[0].seq), fingerprint: rows[0].fingerprint, signature: rows[0].signature } : null;
  }

  /** The public keys registered in the technical chain (`signing-key.registered`), by fingerprint. */
  async publicKeys(em: EntityManager): Promise<Map<string, string>> {
    const rows = await query<{ payload: string }>(em,
      "select payload from kernel_journal_entry where chain = ? and type = 'signing-key.registered' order by seq", [TECHNICAL_CHAIN]);
    return new Map(rows.map((r) => JSON.parse(r.payload) as { fingerprint: string; publicKey: string }).map((k) => [k.fingerprint, k.publicKey]));
  }

  /** Why a signed chain's entry fails its signature, as a sentence; null when it is signed by a registered key. */
  private signatureProblem(r: JournalRow, sig: { fingerprint: string; signature: string; hash: string } | undefined, keys: Map<string, string>): string | null {
    const name = `${r.chain}#${Number(r.seq)}`;
    if (!sig) return r.software ? `entry ${name} is not signed: its signature was removed` : null;
    const pem = keys.get(sig.fingerprint);
    if (!pem) return `entry ${name} is signed by key ${sig.fingerprint.slice(0, 16)}…, which is not registered in the technical chain`;
    if (sig.hash !== r.hash || !verifySignature(pem, entrySigningText(r.chain, Number(r.seq), r.hash), sig.signature)) {
      return `entry ${name}: its signature does not match (the entry or its signature was altered)`;
    }
    return null;
  }

  /** The first sealed table whose rows no longer match the entry, as a sentence; null when all match. */
  private async checkSeals(em: EntityManager, r: JournalRow): Promise<string | null> {
    const seals = (JSON.parse(r.payload) as { seals?: JournalSeal[] }).seals;
    if (!Array.isArray(seals)) return null;
    for (const s of seals) {
      if (await rowsHash(em, s) !== s.hash) return `rows of ${s.table} (${s.column} = ${s.value}) sealed by entry ${r.chain}#${Number(r.seq)} were altered`;
    }
    return null;
  }

  /**
   * Records an anchor in `kernel_journal_anchor` (append-only, outside the chains): `verify` then requires the
   * chain to hold at least `seq` entries, entry `seq` having this hash. Inside the caller's transaction.
   */
  async anchor(em: EntityManager, a: JournalAnchor): Promise<void> {
    await run(em, 'insert into kernel_journal_anchor (chain, seq, hash, source, created_at) values (?, ?, ?, ?, ?)',
      [a.chain, a.seq, a.hash, a.source.slice(0, 64), this.clock.now().toISOString()]);
  }

  /** Adds a source of anchors a plugin keeps in its own tables (the kernel adds each enabled plugin's). */
  addAnchorSource(name: string, source: JournalAnchorSource): void {
    this.anchorSources.set(name, source);
  }

  /** Every anchor: those recorded with `anchor`, then those the plugins' sources read. */
  async anchors(em: EntityManager): Promise<JournalAnchor[]> {
    const rows = await query<{ chain: string; seq: number; hash: string; source: string }>(em,
      'select chain, seq, hash, source from kernel_journal_anchor order by id');
    const out: JournalAnchor[] = rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash, source: r.source }));
    for (const source of this.anchorSources.values()) out.push(...await source(em));
    return out;
  }

  /** Entries of a chain, newest first, for screens and exports. */
  async list(em: EntityManager, chain: string, limit = 100, beforeSeq?: number): Promise<JournalRow[]> {
    return query<JournalRow>(em,
      `select * from kernel_journal_entry where chain = ? ${beforeSeq ? 'and seq < ?' : ''} order by seq desc limit ${Math.min(1000, Math.max(1, limit | 0))}`,
      beforeSeq ? [chain, beforeSeq] : [chain]);
  }

  /**
   * Walks every chain and names the first entry that was altered, removed or inserted out of chain.
   * Each chain is walked up to its head as first read; entries beyond it count as forged only if the head has
   * not moved over them meanwhile (they were then appended while verifying, and are walked next time), so that
   * verifying while the shop keeps selling raises no false alarm.
   */
  async verify(em: EntityManager): Promise<JournalVerification> {
    const heads = await query<{ chain: string; last_seq: number; last_hash: string }>(em,
      'select chain, last_seq, last_hash from kernel_journal_head');
    const chainNames = await query<{ chain: string }>(em, 'select distinct chain from kernel_journal_entry');
    const anchors = await this.anchors(em);
    // Chains that must exist are walked even when nothing of them is left.
    const names = [...new Set([...heads.map((h) => h.chain), ...chainNames.map((c) => c.chain), ...anchors.map((a) => a.chain)])].sort();
    const result: JournalVerification = { ok: true, chains: [], anchors: anchors.length };
    const keys = await this.publicKeys(em);
    for (const chain of names) {
      const signatures = new Map((SIGNED_CHAINS.includes(chain)
        ? await query<{ seq: number; fingerprint: string; signature: string; hash: string }>(em, 'select seq, fingerprint, signature, hash from kernel_journal_signature where chain = ?', [chain])
        : []).map((s) => [Number(s.seq), s]));
      const anchored = anchors.filter((a) => a.chain === chain);
      const anchorAt = new Map<number, JournalAnchor[]>();
      for (const a of anchored) anchorAt.set(a.seq, [...(anchorAt.get(a.seq) ?? []), a]);
      const head = heads.find((h) => h.chain === chain);
      const headSeq = head ? Number(head.last_seq) : 0;
      let prevHash = '';
      let expectedSeq = 1;
      let count = 0;
      let lastId: number | null = null;
      const fail = (seq: number, id: number | null, reason: string): JournalVerification => ({
        ...result, ok: false, firstBad: { chain, seq, id, reason },
      });
      // Read in pages by seq so that a large journal never sits in memory at once.
      for (;;) {
        const rows = await query<JournalRow>(em,
          'select * from kernel_journal_entry where chain = ? and seq >= ? and seq <= ? order by seq, id limit 1000', [chain, expectedSeq, headSeq]);
        for (const r of rows) {
          const seq = Number(r.seq);
          if (seq !== expectedSeq) {
            return fail(expectedSeq, null, seq > expectedSeq
              ? `entry ${chain}#${expectedSeq} is missing (next entry found is #${seq})`
              : `entry ${chain}#${seq} appears twice`);
          }
          if (r.prev_hash !== prevHash) {
            return fail(seq, Number(r.id), `entry ${chain}#${seq} does not follow #${seq - 1}: its previous-hash does not match`);
          }
          if (entryHash(prevHash, r) !== r.hash) {
            return fail(seq, Number(r.id), `entry ${chain}#${seq} was altered: its content does not match its hash`);
          }
          const sealed = await this.checkSeals(em, r);
          if (sealed) return fail(seq, Number(r.id), sealed);
          const unsigned = SIGNED_CHAINS.includes(chain) ? this.signatureProblem(r, signatures.get(seq), keys) : null;
          if (unsigned) return fail(seq, Number(r.id), unsigned);
          const differs = anchorAt.get(seq)?.find((a) => a.hash !== r.hash);
          if (differs) {
            return fail(seq, Number(r.id), `entry ${chain}#${seq} is not the one recorded by ${differs.source}: the chain was rewritten from there on`);
          }
          prevHash = r.hash;
          lastId = Number(r.id);
          expectedSeq++;
          count++;
        }
        if (rows.length < 1000) break;
      }
      const longest = anchored.reduce<JournalAnchor | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
      if (longest && count < longest.seq) {
        return fail(count + 1, null, `chain '${chain}' ends at #${count} but ${longest.source} recorded it at #${longest.seq} at least: entries were removed`);
      }
      // The head is written in the same transaction as each append.
      if (count < headSeq) {
        return fail(count + 1, null, `chain '${chain}' ends at #${count} but its head records #${headSeq}: entries after #${count} were removed`);
      }
      if (prevHash !== (head?.last_hash ?? '')) {
        return fail(count, lastId, `entry ${chain}#${count} does not match the hash in the chain's head: it was rewritten`);
      }
      const beyond = await query<{ seq: number; id: number }>(em,
        'select seq, id from kernel_journal_entry where chain = ? and seq > ? order by seq limit 1', [chain, headSeq]);
      if (beyond.length) {
        const seq = Number(beyond[0].seq);
        const moved = await query<{ last_seq: number }>(em, 'select last_seq from kernel_journal_head where chain = ?', [chain]);
        if (!moved.length || Number(moved[0].last_seq) < seq) {
          return fail(seq, Number(beyond[0].id), `entry ${chain}#${seq} is not in the chain's head, which ends at #${headSeq}: it was added outside the journal`);
        }
      }
      const stray = await query<{ seq: number; id: number }>(em,
        'select seq, id from kernel_journal_entry where chain = ? and seq < 1 order by seq limit 1', [chain]);
      if (stray.length) return fail(Number(stray[0].seq), Number(stray[0].id), `entry ${chain}#${Number(stray[0].seq)} appears out of order`);
      result.chains.push({ chain, entries: count, lastHash: prevHash });
    }
    return result;
  }
}
