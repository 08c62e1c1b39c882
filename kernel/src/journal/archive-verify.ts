import { entryHash, SIGNED_CHAINS, sealHash, type JournalSeal } from './journal.js';
import { entrySigningText, fingerprintOf, normalizeFingerprint, verifySignature } from './signing.js';
import { unpackTar } from './tar.js';
import {
  ARCHIVE_FORMAT, ARCHIVE_MEMBERS, nextPeriodLabel, sha256,
  type ArchivedEntry, type ArchivedSeal, type ArchivedSignature, type ArchiveManifest,
} from './archive-format.js';

/** What verifying one archive found. */
export interface ArchiveCheck {
  file: string;
  period: string | null;
  /** The fingerprint of the key that signed the archive (compare it with the one printed on the Z). */
  fingerprint: string | null;
  entries: number;
  sealedRows: number;
  signatures: number;
  chains: ArchiveManifest['chains'];
  problems: string[];
}

/** What verifying archives found: each archive, then what lies between them (missing periods, chain gaps). */
export interface ArchivesReport {
  ok: boolean;
  archives: ArchiveCheck[];
  /** Problems found between the archives given together. */
  between: string[];
  /** Set when no expected fingerprint was given: the signer could be anyone until compared with the Z. */
  fingerprintUnchecked: boolean;
}

function parseLines<T>(buf: Buffer | undefined, member: string, problems: string[]): T[] {
  if (!buf) return [];
  const out: T[] = [];
  const lines = buf.toString('utf8').split('\n');
  lines.forEach((l, i) => {
    if (!l && i === lines.length - 1) return;
    try {
      out.push(JSON.parse(l) as T);
    } catch {
      problems.push(`${member}, line ${i + 1}: not JSON`);
    }
  });
  return out;
}

/** Verifies one archive's bytes offline: signature, members, chains, seals, closure signatures. */
export function verifyArchive(file: string, bytes: Buffer, expectedFingerprint?: string): ArchiveCheck {
  const check: ArchiveCheck = { file, period: null, fingerprint: null, entries: 0, sealedRows: 0, signatures: 0, chains: [], problems: [] };
  const problems = check.problems;
  let members: Map<string, Buffer>;
  try {
    members = new Map(unpackTar(bytes).map((m) => [m.name, m.data]));
  } catch (e) {
    problems.push(`${(e as Error).message}`);
    return check;
  }
  for (const name of ARCHIVE_MEMBERS) if (!members.has(name)) problems.push(`member ${name} is missing`);
  for (const name of members.keys()) if (!(ARCHIVE_MEMBERS as readonly string[]).includes(name)) problems.push(`member ${name} does not belong to an archive: it was added`);
  const manifestBytes = members.get('manifest.json');
  const pem = members.get('public-key.pem')?.toString() ?? '';
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(manifestBytes?.toString() ?? '') as ArchiveManifest;
    if (manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.chains) || !Array.isArray(manifest.members)) throw new Error('format');
  } catch {
    problems.push('manifest.json is missing or is not a Comptoir journal archive manifest');
    return check;
  }
  check.period = manifest.period?.label ?? null;
  check.chains = manifest.chains;

  // 1. Who signed: the manifest's signature by the included key, and that key is the expected one.
  try {
    check.fingerprint = fingerprintOf(pem);
  } catch {
    problems.push('public-key.pem is not a public key');
  }
  if (check.fingerprint) {
    if (!verifySignature(pem, manifestBytes!, (members.get('manifest.sig') ?? Buffer.alloc(0)).toString().trim())) {
      problems.push('the manifest\'s signature does not match: manifest.json was altered, or signed with another key than public-key.pem');
    }
    if (expectedFingerprint && normalizeFingerprint(expectedFingerprint) !== check.fingerprint) {
      problems.push(`the archive is signed by key ${check.fingerprint}, not by the expected key ${normalizeFingerprint(expectedFingerprint)}: it was re-signed by someone else`);
    }
    if (manifest.signedBy !== check.fingerprint) problems.push('the manifest names another signing key than public-key.pem');
  }

  // 2. Each member is the one the manifest describes.
  for (const m of manifest.members) {
    const data = members.get(m.name);
    if (data && (data.length !== m.bytes || sha256(data) !== m.sha256)) problems.push(`${m.name} does not match its SHA-256 in the manifest: it was altered`);
  }

  // 3. The chains: every entry's hash recomputed, each following the previous, from and to the heads recorded.
  const entries = parseLines<ArchivedEntry>(members.get('journal.jsonl'), 'journal.jsonl', problems);
  check.entries = entries.length;
  const byChain = new Map<string, ArchivedEntry[]>();
  for (const e of entries) byChain.set(e.chain, [...(byChain.get(e.chain) ?? []), e]);
  for (const c of manifest.chains) {
    const list = byChain.get(c.chain) ?? [];
    byChain.delete(c.chain);
    let prev = c.prevHash;
    let expected = c.fromSeq;
    for (const e of list) {
      const name = `${c.chain}#${e.seq}`;
      if (e.seq !== expected) {
        problems.push(e.seq > expected ? `entry ${c.chain}#${expected} is missing (next entry found is #${e.seq})` : `entry ${name} appears twice or out of order`);
        break;
      }
      if (e.prevHash !== prev) problems.push(`entry ${name} does not follow #${e.seq - 1}: its previous-hash does not match`);
      const hash = entryHash(e.prevHash, { chain: e.chain, seq: e.seq, at: e.at, type: e.type, user_id: e.userId, station_id: e.stationId, payload: e.payload, software: e.software });
      if (hash !== e.hash) problems.push(`entry ${name} (${e.type}, ${e.at}) was altered: its content does not match its hash`);
      prev = e.hash;
      expected++;
    }
    if (expected !== c.toSeq + 1 && !problems.some((p) => p.startsWith(`entry ${c.chain}#`))) {
      problems.push(`chain '${c.chain}' ends at #${expected - 1} in the archive but the manifest records #${c.toSeq}: entries were removed`);
    }
    if (list.length && prev !== c.lastHash) problems.push(`chain '${c.chain}': its last entry does not match the hash the manifest records`);
  }
  for (const chain of byChain.keys()) problems.push(`chain '${chain}' is in journal.jsonl but not in the manifest`);

  // 4. The sealed rows: each seal of each entry recomputed from the rows archived.
  const seals = parseLines<ArchivedSeal>(members.get('sealed.jsonl'), 'sealed.jsonl', problems);
  const sealKey = (chain: string, seq: number, table: string, column: string, value: unknown) => `${chain}#${seq} ${table}.${column}=${String(value)}`;
  // An entry may seal the same rows twice: each seal takes the next archived line with its key.
  const archivedSeals = new Map<string, ArchivedSeal[]>();
  for (const s of seals) {
    const k = sealKey(s.chain, s.seq, s.table, s.column, s.value);
    archivedSeals.set(k, [...(archivedSeals.get(k) ?? []), s]);
  }
  for (const e of entries) {
    let payload: { seals?: JournalSeal[] };
    try {
      payload = JSON.parse(e.payload) as { seals?: JournalSeal[] };
    } catch {
      continue;
    }
    for (const s of Array.isArray(payload.seals) ? payload.seals : []) {
      const k = sealKey(e.chain, e.seq, s.table, s.column, s.value);
      const rows = archivedSeals.get(k)?.shift();
      if (!archivedSeals.get(k)?.length) archivedSeals.delete(k);
      if (!rows) problems.push(`the rows of ${s.table} (${s.column} = ${s.value}) sealed by entry ${e.chain}#${e.seq} are missing`);
      else if (sealHash(rows.rows) !== s.hash) problems.push(`the rows of ${s.table} (${s.column} = ${s.value}) sealed by entry ${e.chain}#${e.seq} were altered`);
      else check.sealedRows += rows.rows.length;
    }
  }
  for (const k of archivedSeals.keys()) problems.push(`sealed rows ${k} belong to no entry of the archive`);

  // 5. The closures' signatures, by a key registered in the journal.
  const sigs = new Map(parseLines<ArchivedSignature>(members.get('signatures.jsonl'), 'signatures.jsonl', problems).map((s) => [`${s.chain}#${s.seq}`, s]));
  const keys = new Map(manifest.keys.map((k) => [k.fingerprint, k.publicKey]));
  for (const e of entries.filter((x) => SIGNED_CHAINS.includes(x.chain))) {
    const s = sigs.get(`${e.chain}#${e.seq}`);
    if (!s) {
      if (e.software) problems.push(`entry ${e.chain}#${e.seq} is not signed`);
      continue;
    }
    const key = keys.get(s.fingerprint);
    if (!key) problems.push(`entry ${e.chain}#${e.seq} is signed by a key not registered in the journal`);
    else if (s.hash !== e.hash || !verifySignature(key, entrySigningText(e.chain, e.seq, e.hash), s.signature)) problems.push(`entry ${e.chain}#${e.seq}: its signature does not match`);
    else check.signatures++;
  }
  return check;
}

/**
 * Verifies archives offline, each on its own, then together: archives of the same kind (months, years) must
 * follow each other with no period missing, and each chain must go on where the previous archive left it.
 */
export function verifyArchives(files: Array<{ file: string; bytes: Buffer }>, expectedFingerprint?: string): ArchivesReport {
  const archives = files.map((f) => verifyArchive(f.file, f.bytes, expectedFingerprint));
  const between: string[] = [];
  const kinds = new Map<number, ArchiveCheck[]>();
  for (const a of archives) if (a.period) kinds.set(a.period.length, [...(kinds.get(a.period.length) ?? []), a]);
  for (const list of kinds.values()) {
    list.sort((a, b) => a.period!.localeCompare(b.period!));
    for (let i = 1; i < list.length; i++) {
      const [prev, next] = [list[i - 1], list[i]];
      if (nextPeriodLabel(prev.period!) !== next.period) {
        between.push(`the archives of ${prev.period} and ${next.period} do not follow each other: the archive of ${nextPeriodLabel(prev.period!)} is missing`);
      }
      for (const c of prev.chains) {
        const n = next.chains.find((x) => x.chain === c.chain);
        if (!n) {
          between.push(`chain '${c.chain}' is in the archive of ${prev.period} but not in that of ${next.period}`);
        } else if (n.fromSeq !== c.toSeq + 1 || n.prevHash !== c.lastHash) {
          between.push(n.fromSeq > c.toSeq + 1
            ? `chain '${c.chain}': entries #${c.toSeq + 1} to #${n.fromSeq - 1} are in none of the archives given (between ${prev.period} and ${next.period})`
            : `chain '${c.chain}': the archive of ${next.period} does not continue the chain where ${prev.period} left it`);
        }
      }
    }
  }
  return {
    ok: archives.every((a) => a.problems.length === 0) && between.length === 0,
    archives, between, fingerprintUnchecked: !expectedFingerprint,
  };
}

/** A key given as a PEM file's text or as a fingerprint, reduced to its fingerprint. */
export function expectedFingerprintOf(input: string): string {
  return input.includes('BEGIN PUBLIC KEY') ? fingerprintOf(input) : normalizeFingerprint(input);
}
