import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { query } from '../db/sql.js';
import { TECHNICAL_CHAIN, type Journal } from './journal.js';

/** What a start records and compares with the previous start. */
export interface StartFacts {
  software: string;
  version: string;
  database: string;
  /** Enabled plugins as `name@version`. */
  plugins: string[];
}

/**
 * What the data folder remembers of the journal between runs: which database (its technical chain's first hash)
 * and how far its technical chain went. A database found shorter than that was restored from a backup.
 */
interface JournalState {
  genesis: string;
  seq: number;
  hash: string;
}

async function technicalHead(em: EntityManager): Promise<{ genesis: string; seq: number; hash: string }> {
  const head = await query<{ last_seq: number; last_hash: string }>(em, 'select last_seq, last_hash from kernel_journal_head where chain = ?', [TECHNICAL_CHAIN]);
  const first = await query<{ hash: string }>(em, 'select hash from kernel_journal_entry where chain = ? and seq = 1', [TECHNICAL_CHAIN]);
  return { genesis: first[0]?.hash ?? '', seq: Number(head[0]?.last_seq ?? 0), hash: head[0]?.last_hash ?? '' };
}

function readState(file: string): JournalState | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JournalState) : null;
  } catch {
    return null;
  }
}

/** Records how far the technical chain went, in the data folder. */
export async function saveJournalState(em: EntityManager, file: string): Promise<void> {
  const head = await technicalHead(em);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(head)}\n`);
}

function pluginVersions(list: unknown): Map<string, string> {
  return new Map((Array.isArray(list) ? list : []).map(String).map((p) => [p.slice(0, p.lastIndexOf('@')), p.slice(p.lastIndexOf('@') + 1)]));
}

/**
 * Journals a start in the technical chain, preceded by what it reveals: the clock behind the last entry, a
 * database restored from a backup (shorter than the data folder remembers), the software or a plugin upgraded
 * since the previous start, the installation's signing key not yet registered.
 */
export async function journalStart(journal: Journal, em: EntityManager, facts: StartFacts, stateFile: string): Promise<{ seq: number; hash: string }> {
  await journal.checkClock(em);
  const state = readState(stateFile);
  const head = await technicalHead(em);
  if (state && state.genesis && state.genesis === head.genesis) {
    const at = await query<{ hash: string }>(em, 'select hash from kernel_journal_entry where chain = ? and seq = ?', [TECHNICAL_CHAIN, state.seq]);
    if (head.seq < state.seq || at[0]?.hash !== state.hash) {
      await journal.technical(em, 'database.restored', { remembered: { seq: state.seq, hash: state.hash }, found: { seq: head.seq, hash: head.hash } });
    }
  }
  const previous = await query<{ payload: string }>(em,
    "select payload from kernel_journal_entry where chain in (?, 'events') and type = 'kernel.started' order by case when chain = ? then 0 else 1 end, seq desc limit 1",
    [TECHNICAL_CHAIN, TECHNICAL_CHAIN]);
  if (previous.length) {
    const before = JSON.parse(previous[0].payload) as { version?: string; software?: string; plugins?: string[] };
    const was = before.software ?? `${facts.software.split(' ')[0]} ${before.version ?? '?'}`;
    if (was !== facts.software) await journal.technical(em, 'software.upgraded', { from: was, to: facts.software });
    const old = pluginVersions(before.plugins);
    for (const [name, version] of pluginVersions(facts.plugins)) {
      const from = old.get(name);
      if (from && from !== version) await journal.technical(em, 'plugin.upgraded', { plugin: name, from, to: version });
    }
  }
  const key = journal.signingKey;
  if (key && !(await journal.publicKeys(em)).has(key.fingerprint)) {
    await journal.technical(em, 'signing-key.registered', { fingerprint: key.fingerprint, publicKey: key.publicKeyPem });
  }
  const started = await journal.technical(em, 'kernel.started', { ...facts });
  await saveJournalState(em, stateFile);
  return started;
}
