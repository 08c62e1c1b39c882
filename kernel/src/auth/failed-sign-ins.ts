import type { EntityManager } from '@mikro-orm/core';
import type { Journal } from '../journal/journal.js';

interface Window {
  from: number;
  repeats: number;
  usernames: Set<string>;
  ip: string;
  method: string;
}

/** How many addresses are followed at once; beyond, the oldest window is written out early. */
const MAX_WINDOWS = 10_000;
/** How many of the usernames tried during a window the summary names. */
const MAX_USERNAMES = 10;

/**
 * Journals failed sign-ins without letting anyone fill the append-only journal: the first failure from an
 * address in a window is an `auth.failed` entry at once; the ones that follow in that window are counted and
 * written as one `auth.failed-repeated` entry when the window is over (or the server stops).
 */
export class FailedSignIns {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly journal: Journal,
    private readonly clock: { now(): Date },
    private readonly windowMs: number,
    private readonly freshEm: () => EntityManager,
  ) {}

  /** Records one failed sign-in; journals it when it opens its address's window. */
  async record(em: EntityManager, f: { ip: string; username: string; method: 'password'; stationId?: number | null }): Promise<void> {
    const now = this.clock.now().getTime();
    const key = `${f.method}|${f.ip}`;
    const open = this.windows.get(key);
    if (open && now - open.from < this.windowMs) {
      open.repeats++;
      if (open.usernames.size < MAX_USERNAMES) open.usernames.add(f.username);
      return;
    }
    if (open) await this.writeOut(key, open);
    if (this.windows.size >= MAX_WINDOWS) {
      const [oldest, w] = this.windows.entries().next().value as [string, Window];
      await this.writeOut(oldest, w);
    }
    this.windows.set(key, { from: now, repeats: 0, usernames: new Set(), ip: f.ip, method: f.method });
    await this.journal.append(em, { chain: 'events', type: 'auth.failed', payload: { username: f.username, method: f.method, ip: f.ip }, stationId: f.stationId });
  }

  /** Writes out the windows that are over (all of them with `all`, when the server stops). */
  async flush(all = false): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [key, w] of [...this.windows]) {
      if (all || now - w.from >= this.windowMs) await this.writeOut(key, w);
    }
  }

  private async writeOut(key: string, w: Window): Promise<void> {
    this.windows.delete(key);
    if (!w.repeats) return;
    await this.journal.append(this.freshEm(), {
      chain: 'events', type: 'auth.failed-repeated',
      payload: { ip: w.ip, method: w.method, failures: w.repeats, usernames: [...w.usernames], from: new Date(w.from).toISOString(), windowMinutes: Math.round(this.windowMs / 60_000) },
    });
  }
}
