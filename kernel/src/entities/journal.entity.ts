import { EntitySchema } from '@mikro-orm/core';

/** One entry of the fiscal journal: append-only, chained by SHA-256 within its chain. */
export class JournalEntry {
  id!: number;
  chain!: string;
  seq!: number;
  at!: string;
  type!: string;
  userId: number | null = null;
  stationId: number | null = null;
  payload!: string;
  prevHash!: string;
  hash!: string;
  /** The software's name and version that wrote the entry ('' before they were recorded). */
  software = '';
}

/** The head of each chain: last sequence and hash, updated in the same transaction as the append. */
export class JournalHead {
  chain!: string;
  lastSeq = 0;
  lastHash = '';
}

export const JournalEntrySchema = new EntitySchema<JournalEntry>({
  class: JournalEntry,
  tableName: 'kernel_journal_entry',
  uniques: [{ properties: ['chain', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true },
    chain: { type: 'string', length: 32 },
    seq: { type: 'integer' },
    at: { type: 'string', length: 32 },
    type: { type: 'string', length: 64 },
    userId: { type: 'integer', nullable: true },
    stationId: { type: 'integer', nullable: true },
    payload: { type: 'text' },
    prevHash: { type: 'string', length: 64 },
    hash: { type: 'string', length: 64 },
    software: { type: 'string', length: 96, default: '' },
  },
});

/** The Ed25519 signature of a signed chain's entry (the `closures` chain), by the installation's key. */
export class JournalSignature {
  id!: number;
  chain!: string;
  seq!: number;
  hash!: string;
  fingerprint!: string;
  signature!: string;
  createdAt!: string;
}

export const JournalSignatureSchema = new EntitySchema<JournalSignature>({
  class: JournalSignature,
  tableName: 'kernel_journal_signature',
  uniques: [{ properties: ['chain', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true },
    chain: { type: 'string', length: 32 },
    seq: { type: 'integer' },
    hash: { type: 'string', length: 64 },
    fingerprint: { type: 'string', length: 64 },
    signature: { type: 'string', length: 128 },
    createdAt: { type: 'string', length: 32 },
  },
});

export const JournalHeadSchema = new EntitySchema<JournalHead>({
  class: JournalHead,
  tableName: 'kernel_journal_head',
  properties: {
    chain: { type: 'string', primary: true, length: 32 },
    lastSeq: { type: 'integer' },
    lastHash: { type: 'string', length: 64 },
  },
});
