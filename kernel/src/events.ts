import type { EntityManager } from '@mikro-orm/core';
import { afterCommit } from './db/after-commit.js';

/** An event pushed to browsers over server-sent events. */
export interface ServerEvent {
  type: string;
  data: unknown;
  /** Only browsers signed in at this station receive it. */
  stationId?: number;
  /** Only users holding this permission receive it. */
  permission?: string;
}

/** In-process event bus feeding the `/api/events` stream. */
export class EventBus {
  private readonly listeners = new Set<(e: ServerEvent) => void>();
  private readonly shutdowns = new Set<() => void>();
  private readonly log: (err: unknown) => void;

  constructor({ log }: { log?: (err: unknown) => void } = {}) {
    this.log = log ?? ((err) => console.error('Comptoir: an event listener failed', err));
  }

  /**
   * Sends an event to the subscribed browsers. Inside a transaction (the one `em` works in, or the one
   * `em.transactional` is running in) it waits for the commit and is dropped on rollback: a browser never
   * hears of something that was not saved.
   */
  publish(event: ServerEvent, em?: EntityManager | null): void {
    afterCommit(em, () => this.deliver(event));
  }

  /** Hands the event to every listener; one that throws does not keep it from the others. */
  private deliver(event: ServerEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        this.log(err);
      }
    }
  }

  /** Registers what to do when the server stops (end open streams); returns the function that forgets it. */
  onShutdown(fn: () => void): () => void {
    this.shutdowns.add(fn);
    return () => this.shutdowns.delete(fn);
  }

  /** Ends every open stream. */
  shutdown(): void {
    for (const fn of [...this.shutdowns]) fn();
    this.shutdowns.clear();
  }

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: (e: ServerEvent) => void): () => void {
    // Each subscription is its own entry, so that the same function subscribed twice is unsubscribed once.
    const entry = (e: ServerEvent) => listener(e);
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }
}
