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
