import { describe, expect, it } from 'vitest';
import { EventBus, type ServerEvent } from './events.js';

describe('the event bus behind /api/events', () => {
  it('hands each published event to every subscriber until they unsubscribe', () => {
    const bus = new EventBus();
    const a: ServerEvent[] = [];
    const b: ServerEvent[] = [];
    const stopA = bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    bus.publish({ type: 'notification', data: { text: 'Livraison arrivée' } });
    stopA();
    bus.publish({ type: 'device', data: { printer: 'offline' }, stationId: 2 });
    expect(a.map((e) => e.type)).toEqual(['notification']);
    expect(b.map((e) => e.type)).toEqual(['notification', 'device']);
  });

  it('hands an event to every listener even when one of them fails, and reports the failure', () => {
    const failures: unknown[] = [];
    const bus = new EventBus({ log: (err) => failures.push(err) });
    const got: string[] = [];
    bus.subscribe(() => { throw new Error('connexion fermée'); });
    bus.subscribe((e) => got.push(e.type));
    bus.publish({ type: 'notification', data: {} });
    expect(got).toEqual(['notification']);
    expect((failures[0] as Error).message).toBe('connexion fermée');
  });

  it('unsubscribes one subscription of a listener subscribed twice', () => {
    const bus = new EventBus();
    let n = 0;
    const listener = () => { n++; };
    const stop = bus.subscribe(listener);
    bus.subscribe(listener);
    stop();
    bus.publish({ type: 'x', data: null });
    expect(n).toBe(1);
  });

  it('ends every open stream once at shutdown, except those already gone', () => {
    const bus = new EventBus();
    const ended: string[] = [];
    bus.onShutdown(() => ended.push('caisse 1'));
    const forget = bus.onShutdown(() => ended.push('caisse 2'));
    forget();
    bus.shutdown();
    bus.shutdown();
    expect(ended).toEqual(['caisse 1']);
  });

  it('holds many open streams without warnings', async () => {
    const bus = new EventBus();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 50; i++) bus.subscribe(() => undefined);
      // Node emits the warning on a later tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
