import { TransactionContext, type Configuration, type EntityManager, type EventSubscriber, type TransactionEventArgs } from '@mikro-orm/core';

/**
 * Something that leaves the process once the data it announces is committed: an SSE event, a print job, a
 * customer-display update, an e-mail. It may return a promise; the next effect of the same transaction waits
 * for it. It never receives the entity manager: the transaction is over when it runs.
 */
export type Effect = () => unknown;

/** Where an effect's failure is reported (the kernel's logger). */
export type EffectErrorLog = (err: unknown) => void;

/**
 * A knex transaction object as MikroORM hands it out: a savepoint knows its parent transaction (knex sets
 * `parentTransaction` on nested transactors) and is released or rolled back by `commit` / `rollback`.
 */
interface Trx {
  isCompleted?(): boolean;
  parentTransaction?: Trx;
  rollback?: (...args: unknown[]) => unknown;
}

interface Pending {
  effect: Effect;
  /** The savepoints the effect was requested in, innermost first: if one rolls back, the effect is dropped. */
  savepoints: Trx[];
  log: EffectErrorLog;
}

const queues = new WeakMap<Trx, Pending[]>();
const rolledBack = new WeakSet<Trx>();
const watched = new WeakSet<Trx>();
const logs = new WeakMap<Configuration, EffectErrorLog>();

const fallbackLog: EffectErrorLog = (err) => console.error('Comptoir: an after-commit effect failed', err);

/** Sends the failures of effects run for this ORM to a logger (the kernel calls it once at boot). */
export function logEffectErrors(config: Configuration, log: EffectErrorLog): void {
  logs.set(config, log);
}

/** The transaction `em` works in, else the one MikroORM's transaction context (`em.transactional`) runs in. */
function transactionOf(em: EntityManager | null | undefined): { trx: Trx; em: EntityManager } | null {
  const own = em?.getTransactionContext<Trx>();
  if (own && !own.isCompleted?.()) return { trx: own, em: em! };
  const current = TransactionContext.currentTransactionContext()?.em;
  const trx = current?.getTransactionContext<Trx>();
  // Work started inside a transaction keeps its async context after the commit: it is outside it by then.
  if (current && trx && !trx.isCompleted?.()) return { trx, em: current };
  return null;
}

/** Remembers when a savepoint rolls back (MikroORM fires transaction events for the outermost one only). */
function watchRollback(savepoint: Trx): void {
  if (watched.has(savepoint) || typeof savepoint.rollback !== 'function') return;
  watched.add(savepoint);
  const rollback = savepoint.rollback;
  savepoint.rollback = function (this: unknown, ...args: unknown[]) {
    rolledBack.add(savepoint);
    return rollback.apply(this, args);
  };
}

/** Runs effects in order, each failure logged; an effect's promise is awaited before the next starts. */
function run(list: Pending[]): void {
  let i = 0;
  const next = (): void => {
    while (i < list.length) {
      const { effect, log } = list[i++];
      try {
        const out = effect() as PromiseLike<unknown> | undefined;
        if (out && typeof out.then === 'function') {
          out.then(next, (err) => {
            log(err);
            next();
          });
          return;
        }
      } catch (err) {
        log(err);
      }
    }
  };
  next();
}

/**
 * Runs `effect` once the outermost transaction that `em` belongs to (or, without one, the transaction
 * `em.transactional` is running in) has committed, and never if it rolls back; an effect requested inside a
 * savepoint that rolls back is dropped even if the outer transaction commits. Outside any transaction it runs
 * at once. An effect that throws is logged: the data is committed, so the request that committed it succeeds.
 */
export function afterCommit(em: EntityManager | null | undefined, effect: Effect): void {
  const tx = transactionOf(em);
  const log = logs.get((tx?.em ?? em)?.config as Configuration) ?? fallbackLog;
  if (!tx) {
    run([{ effect, savepoints: [], log }]);
    return;
  }
  const savepoints: Trx[] = [];
  let root = tx.trx;
  while (root.parentTransaction) {
    savepoints.push(root);
    watchRollback(root);
    root = root.parentTransaction;
  }
  let queue = queues.get(root);
  if (!queue) queues.set(root, (queue = []));
  queue.push({ effect, savepoints, log });
}

/** The MikroORM subscriber that releases the queue of an outermost transaction when it ends. */
export const afterCommitSubscriber: EventSubscriber = {
  afterTransactionCommit(args: TransactionEventArgs): void {
    const root = args.transaction as Trx | undefined;
    if (!root) return;
    const queue = queues.get(root);
    if (!queue) return;
    queues.delete(root);
    run(queue.filter((p) => !p.savepoints.some((s) => rolledBack.has(s))));
  },
  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) queues.delete(args.transaction as Trx);
  },
};
