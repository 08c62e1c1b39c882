import { createHash } from 'node:crypto';
import { DomainError } from '../errors.js';

/**
 * The journal archive's format, shared by what writes it (with the database) and what verifies it (offline):
 * a tar of JSON Lines and a manifest (period, chain heads, counts, SHA-256 of each member, registered keys),
 * the manifest signed with the installation's Ed25519 key whose public part is a member too.
 */
export const ARCHIVE_FORMAT = 'comptoir-journal-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
/** The shop's civil time: a period starts at midnight in Brussels and Paris (the same zone rules). */
export const ARCHIVE_TIME_ZONE = 'Europe/Brussels';

/** The members every archive holds, in the order they are packed. */
export const ARCHIVE_MEMBERS = ['README.txt', 'manifest.json', 'manifest.sig', 'journal.jsonl', 'public-key.pem', 'sealed.jsonl', 'signatures.jsonl'] as const;

/** A month (`2026-11`) or a year (`2026`), with its first and last day and its bounds as instants. */
export interface ArchivePeriod {
  kind: 'month' | 'year';
  label: string;
  from: string;
  to: string;
  /** First instant of the period (UTC ISO), inclusive. */
  start: string;
  /** First instant after the period (UTC ISO), exclusive. */
  end: string;
  timeZone: string;
}

/** One chain's part in an archive: its entries from `fromSeq` to `toSeq`, following `prevHash`. */
export interface ArchiveChain {
  chain: string;
  fromSeq: number;
  toSeq: number;
  entries: number;
  /** The hash of the entry before the first one archived ('' when the chain starts here). */
  prevHash: string;
  /** The hash of the last entry archived (`prevHash` when the period has none). */
  lastHash: string;
}

/** What `manifest.json` holds (its bytes are what `manifest.sig` signs). */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  period: ArchivePeriod;
  chains: ArchiveChain[];
  members: Array<{ name: string; bytes: number; sha256: string; lines: number }>;
  /** The keys registered in the journal up to the end of the period (which sign the closures), and the archive's signer. */
  keys: Array<{ fingerprint: string; publicKey: string }>;
  /** The fingerprint of the key that signed the manifest. */
  signedBy: string;
}

/** An entry as a line of `journal.jsonl`: its columns as stored (the payload as its canonical JSON text). */
export interface ArchivedEntry {
  chain: string;
  seq: number;
  at: string;
  type: string;
  userId: number | null;
  stationId: number | null;
  software: string;
  payload: string;
  prevHash: string;
  hash: string;
}

/** A line of `sealed.jsonl`: the rows one seal of an entry covers, their sealed columns as text. */
export interface ArchivedSeal {
  chain: string;
  seq: number;
  table: string;
  column: string;
  value: number | string;
  columns: string[];
  rows: Array<Array<string | null>>;
}

/** A line of `signatures.jsonl`: an entry's Ed25519 signature. */
export interface ArchivedSignature {
  chain: string;
  seq: number;
  hash: string;
  fingerprint: string;
  signature: string;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The UTC instant of midnight starting `day` in the time zone. */
function zonedMidnight(day: string, timeZone: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(guess)).map((p) => [p.type, p.value]));
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(guess - (asLocal - guess)).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a label (`2026-11` or `2026`); a clear error otherwise. */
export function archivePeriod(label: string): ArchivePeriod {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(label);
  if (!m) {
    throw new DomainError('ARCHIVE_PERIOD_INVALID', {
      fr: `« ${label} » n’est pas une période d’archive : un mois (2026-11) ou une année (2026).`,
      nl: `'${label}' is geen archiefperiode: een maand (2026-11) of een jaar (2026).`,
      en: `'${label}' is not an archive period: a month (2026-11) or a year (2026).`,
    }, { status: 422 });
  }
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
    return {
      kind: 'month', label, from: `${label}-01`, to: `${label}-${pad(last)}`,
      start: zonedMidnight(`${label}-01`, ARCHIVE_TIME_ZONE), end: zonedMidnight(next, ARCHIVE_TIME_ZONE), timeZone: ARCHIVE_TIME_ZONE,
    };
  }
  return {
    kind: 'year', label, from: `${year}-01-01`, to: `${year}-12-31`,
    start: zonedMidnight(`${year}-01-01`, ARCHIVE_TIME_ZONE), end: zonedMidnight(`${year + 1}-01-01`, ARCHIVE_TIME_ZONE), timeZone: ARCHIVE_TIME_ZONE,
  };
}

/** The label of the period that follows (`2026-12` → `2027-01`, `2026` → `2027`). */
export function nextPeriodLabel(label: string): string {
  if (/^\d{4}$/.test(label)) return String(Number(label) + 1);
  const [y, m] = label.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

/** The archive's file name: `comptoir-journal-2026-11.tar`. */
export function archiveFileName(label: string): string {
  return `comptoir-journal-${label}.tar`;
}

/** JSON Lines: one canonical JSON value a line, each line ended. */
export function jsonLines(lines: string[]): Buffer {
  return Buffer.from(lines.map((l) => `${l}\n`).join(''));
}

export const ARCHIVE_README = `Comptoir — archive of the fiscal journal
==========================================

This archive holds, for one period, every entry of the shop's fiscal journal (journal.jsonl), the rows
of the documents the entries seal — tickets, their lines and payments, cash movements, closures
(sealed.jsonl) — the Ed25519 signatures of the closures (signatures.jsonl), and a manifest
(manifest.json) with the period, each chain's first and last entry and hashes, the SHA-256 of every
member and the public keys registered in the journal. manifest.sig is the Ed25519 signature of
manifest.json by the installation's key, whose public part is public-key.pem.

Every line is canonical JSON (keys sorted, no spaces). An entry's hash is
SHA-256(previous hash, a line feed, canonical JSON of {chain, seq, at, type, userId, stationId,
payload, software}), software left out when empty. A seal's hash is SHA-256 of the canonical JSON of
its rows' cells.

Verify it on any machine, without the shop's database:

  comptoir journal verify --archive comptoir-journal-2026-11.tar --fingerprint <fingerprint on the Z>

Give several archives at once to check that no period is missing between them.
`;
