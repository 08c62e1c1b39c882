import { EventEmitter } from 'node:events';

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
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: ServerEvent): void {
    this.emitter.emit('event', event);
  }

  private readonly shutdowns = new Set<() => void>();

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
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
