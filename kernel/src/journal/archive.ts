import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { DomainError } from '../errors.js';
import { query } from '../db/sql.js';
import { canonicalJson } from './canonical.js';
import { sealedRows, TECHNICAL_CHAIN, type Journal, type JournalRow, type JournalSeal } from './journal.js';
import type { InstallationKey } from './signing.js';
import { packTar } from './tar.js';
import {
  ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, ARCHIVE_README, archiveFileName, archivePeriod, jsonLines, nextPeriodLabel, sha256,
  type ArchiveChain, type ArchiveManifest, type ArchivePeriod,
} from './archive-format.js';

/** How long archives are kept (art. 286 of the French CGI: six years); nothing here ever deletes one. */
export const ARCHIVE_RETENTION_YEARS = 6;

/** Each chain's cut at an instant: the last entry numbered before it (a clock stepping back moves no cut back). */
async function cuts(em: EntityManager, instant: string): Promise<Map<string, number>> {
  const rows = await query<{ chain: string; seq: number | null }>(em, 'select chain, max(seq) as seq from kernel_journal_entry where at < ? group by chain', [instant]);
  return new Map(rows.map((r) => [r.chain, Number(r.seq ?? 0)]));
}

async function hashAt(em: EntityManager, chain: string, seq: number): Promise<string> {
  if (seq <= 0) return '';
  const rows = await query<{ hash: string }>(em, 'select hash from kernel_journal_entry where chain = ? and seq = ?', [chain, seq]);
  return rows[0]?.hash ?? '';
}

/**
 * Builds the archive of a period, byte for byte the same each time for the same journal and key: entries in
 * (chain, seq) order, no time of production, members in a fixed order with a fixed tar header, and Ed25519
 * signatures (deterministic).
 */
export async function buildArchive(em: EntityManager, period: ArchivePeriod, key: InstallationKey): Promise<{ bytes: Buffer; manifest: ArchiveManifest }> {
  const [before, upTo] = [await cuts(em, period.start), await cuts(em, period.end)];
  const chains: ArchiveChain[] = [];
  const entryLines: string[] = [];
  const sealLines: string[] = [];
  for (const chain of [...upTo.keys()].sort()) {
    const fromSeq = (before.get(chain) ?? 0) + 1;
    const toSeq = upTo.get(chain) ?? 0;
    const prevHash = await hashAt(em, chain, fromSeq - 1);
    let lastHash = prevHash;
    for (let seq = fromSeq; seq <= toSeq; seq += 1000) {
      const rows = await query<JournalRow>(em, 'select * from kernel_journal_entry where chain = ? and seq >= ? and seq <= ? order by seq', [chain, seq, Math.min(toSeq, seq + 999)]);
      for (const r of rows) {
        entryLines.push(canonicalJson({
          chain, seq: Number(r.seq), at: r.at, type: r.type, userId: r.user_id == null ? null : Number(r.user_id),
          stationId: r.station_id == null ? null : Number(r.station_id), software: r.software ?? '', payload: r.payload, prevHash: r.prev_hash, hash: r.hash,
        }));
        lastHash = r.hash;
        const seals = (JSON.parse(r.payload) as { seals?: JournalSeal[] }).seals;
        for (const s of Array.isArray(seals) ? seals : []) {
          const spec = { table: s.table, column: s.column, value: s.value, columns: s.columns };
          sealLines.push(canonicalJson({ chain, seq: Number(r.seq), ...spec, rows: await sealedRows(em, spec) }));
        }
      }
    }
    chains.push({ chain, fromSeq, toSeq, entries: toSeq - fromSeq + 1, prevHash, lastHash });
  }
  const signatures = await query<{ chain: string; seq: number; hash: string; fingerprint: string; signature: string }>(em,
    'select chain, seq, hash, fingerprint, signature from kernel_journal_signature order by chain, seq');
  const signatureLines = signatures
    .filter((s) => chains.some((c) => c.chain === s.chain && Number(s.seq) >= c.fromSeq && Number(s.seq) <= c.toSeq))
    .map((s) => canonicalJson({ chain: s.chain, seq: Number(s.seq), hash: s.hash, fingerprint: s.fingerprint, signature: s.signature }));
  const keyRows = await query<{ payload: string }>(em,
    "select payload from kernel_journal_entry where chain = ? and type = 'signing-key.registered' and seq <= ? order by seq", [TECHNICAL_CHAIN, upTo.get(TECHNICAL_CHAIN) ?? 0]);
  const keys = keyRows.map((r) => JSON.parse(r.payload) as { fingerprint: string; publicKey: string }).map((k) => ({ fingerprint: k.fingerprint, publicKey: k.publicKey }));
  // A period journaled before this key existed (an installation upgraded since) is signed by it all the same.
  if (!keys.some((k) => k.fingerprint === key.fingerprint)) keys.push({ fingerprint: key.fingerprint, publicKey: key.publicKeyPem });

  const data: Record<string, Buffer> = {
    'README.txt': Buffer.from(ARCHIVE_README),
    'journal.jsonl': jsonLines(entryLines),
    'public-key.pem': Buffer.from(key.publicKeyPem),
    'sealed.jsonl': jsonLines(sealLines),
    'signatures.jsonl': jsonLines(signatureLines),
  };
  const lineCount = (b: Buffer) => b.toString().split('\n').length - 1;
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT, version: ARCHIVE_FORMAT_VERSION, period, chains,
    members: Object.entries(data).map(([name, b]) => ({ name, bytes: b.length, sha256: sha256(b), lines: lineCount(b) })),
    keys, signedBy: key.fingerprint,
  };
  const manifestBytes = Buffer.from(`${canonicalJson(manifest)}\n`);
  const members = [
    { name: 'README.txt', data: data['README.txt'] },
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(`${key.sign(manifestBytes)}\n`) },
    ...(['journal.jsonl', 'public-key.pem', 'sealed.jsonl', 'signatures.jsonl'] as const).map((name) => ({ name, data: data[name] })),
  ];
  return { bytes: packTar(members, Math.floor(Date.parse(period.end) / 1000)), manifest };
}

/** What producing an archive did. */
export interface ArchiveResult {
  period: string;
  file: string;
  sha256: string;
  /** False when an identical archive was already kept. */
  created: boolean;
  entries: number;
}

/**
 * The archives kept in the data folder (`archives/`): produced at the monthly and yearly closures, on demand,
 * and at start for any ended period that has none; produced again, an archive must be identical to the one kept.
 */
export class JournalArchives {
  readonly dir: string;
  private readonly journal: Journal;
  private readonly clock: { now(): Date };

  constructor({ dataDir, journal, clock }: { dataDir: string; journal: Journal; clock: { now(): Date } }) {
    this.dir = join(dataDir, 'archives');
    this.journal = journal;
    this.clock = clock;
  }

  /** Archives being produced, by period: a second request for one waits for the first. */
  private readonly producing = new Map<string, Promise<unknown>>();

  /** Produces (or checks again) the archive of a month or year that has ended, and journals it. */
  async produce(em: EntityManager, label: string, userId?: number | null): Promise<ArchiveResult> {
    const before = this.producing.get(label) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(() => this.produceNow(em, label, userId));
    this.producing.set(label, mine);
    try {
      return await mine;
    } finally {
      if (this.producing.get(label) === mine) this.producing.delete(label);
    }
  }

  private async produceNow(em: EntityManager, label: string, userId?: number | null): Promise<ArchiveResult> {
    const period = archivePeriod(label);
    if (Date.parse(period.end) > this.clock.now().getTime()) {
      throw new DomainError('ARCHIVE_PERIOD_OPEN', {
        fr: `La période ${label} n’est pas terminée : son archive se fait à partir du ${period.to} à minuit.`,
        nl: `De periode ${label} is niet voorbij: het archief kan na ${period.to} middernacht.`,
        en: `The period ${label} has not ended: its archive can be made after midnight ending ${period.to}.`,
      }, { status: 409 });
    }
    const key = this.journal.signingKey;
    if (!key) throw new DomainError('SIGNING_KEY_MISSING', 'No signing key: the archive cannot be signed', { status: 500 });
    const { bytes, manifest } = await buildArchive(em, period, key);
    const name = archiveFileName(label);
    const file = join(this.dir, name);
    const digest = sha256(bytes);
    const entries = manifest.chains.reduce((n, c) => n + c.entries, 0);
    if (existsSync(file)) {
      if (sha256(readFileSync(file)) === digest) return { period: label, file, sha256: digest, created: false, entries };
      throw new DomainError('ARCHIVE_DIFFERS', {
        fr: `L’archive ${label} refaite diffère de celle conservée (${file}) : le journal de cette période a changé, ou la clé de signature. Lancez « comptoir journal verify ».`,
        nl: `Het opnieuw gemaakte archief ${label} verschilt van het bewaarde (${file}): het journaal van die periode of de sleutel is gewijzigd. Voer 'comptoir journal verify' uit.`,
        en: `The archive of ${label} made again differs from the one kept (${file}): the journal of that period or the signing key changed. Run 'comptoir journal verify'.`,
      }, { status: 409 });
    }
    mkdirSync(this.dir, { recursive: true });
    // Written aside, then linked in place: another process producing it at the same time cannot be overwritten.
    const part = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
    writeFileSync(part, bytes, { mode: 0o644 });
    try {
      linkSync(part, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return this.produceNow(em, label, userId);
    } finally {
      unlinkSync(part);
    }
    await this.journal.technical(em, 'journal.archived', { period: label, file: name, sha256: digest, entries, signedBy: key.fingerprint }, userId);
    return { period: label, file, sha256: digest, created: true, entries };
  }

  /** The archives kept, oldest first. */
  list(): Array<{ name: string; period: string }> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).map((name) => /^comptoir-journal-(\d{4}(?:-\d{2})?)\.tar$/.exec(name)).filter((m) => m !== null)
      .map((m) => ({ name: m![0], period: m![1] })).sort((a, b) => a.period.localeCompare(b.period));
  }

  /** The bytes of a kept archive, or null. */
  read(label: string): Buffer | null {
    const file = join(this.dir, archiveFileName(label));
    return existsSync(file) ? readFileSync(file) : null;
  }

  /** Produces every ended month and year since the journal's first entry that has no archive yet. */
  async produceDue(em: EntityManager): Promise<ArchiveResult[]> {
    const first = await query<{ at: string | null }>(em, 'select min(at) as at from kernel_journal_entry');
    if (!first[0]?.at) return [];
    const now = this.clock.now().getTime();
    const done: ArchiveResult[] = [];
    const firstAt = String(first[0].at);
    for (const start of [firstAt.slice(0, 7), firstAt.slice(0, 4)]) {
      for (let label = start; Date.parse(archivePeriod(label).end) <= now; label = nextPeriodLabel(label)) {
        if (!existsSync(join(this.dir, archiveFileName(label)))) done.push(await this.produce(em, label));
      }
    }
    return done;
  }
}
