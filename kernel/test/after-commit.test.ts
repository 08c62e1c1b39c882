import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { afterCommit, AsyncSeriesHook, defineHooks, defineMigration, definePlugin, DomainError, EntitySchema, type EntityManager } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { EventStream } from './support/sse.js';
import { sqlRows } from './support/db.js';

// `alerts` saves an alert, announces it on the event stream and runs its `alertSaved` hook, all in one
// transaction; `guard` taps that hook and refuses some alerts, which rolls the whole transaction back.

class Alert {
  id!: number;
  text!: string;
}

const AlertSchema = new EntitySchema<Alert>({
  class: Alert,
  tableName: 'alerts_alert',
  properties: { id: { type: 'integer', primary: true }, text: { type: 'string', length: 200 } },
});

const getAlertHooks = defineHooks(() => ({
  alertSaved: new AsyncSeriesHook<[{ em: EntityManager; text: string }]>(['event']),
}));

const alerts = definePlugin({
  name: 'alerts',
  version: '1.0.0',
  kernel: '^0.1.0',
  entities: [AlertSchema],
  migrations: {
    sqlite: [defineMigration('0001-init', ['create table `alerts_alert` (`id` integer not null primary key autoincrement, `text` text not null)'])],
    postgresql: [defineMigration('0001-init', ['create table "alerts_alert" ("id" serial primary key, "text" varchar(200) not null)'])],
  },
  permissions: { 'alerts.write': { label: 'Envoyer des alertes', roles: ['cashier'] } },
  routes(r, { kernel }) {
    const body = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 100 }, brokenPrinter: { type: 'boolean' } } } as const;

    r.post<{ Body: { text: string; brokenPrinter?: boolean } }>('/', {
      permission: 'alerts.write', summary: 'Save and announce an alert', status: 201, schema: { body },
      handler: async (req, ctx) => ctx.transactional(async (em) => {
        const alert = em.create(Alert, { text: req.body.text });
        await em.flush();
        if (req.body.brokenPrinter) afterCommit(em, () => { throw new Error('imprimante hors ligne'); });
        // No entity manager given: the transaction `ctx.transactional` runs in is found by itself.
        kernel.events.publish({ type: 'alert', data: { id: alert.id, text: alert.text } });
        await getAlertHooks(kernel).alertSaved.promise({ em, text: alert.text });
        return { id: alert.id, text: alert.text };
      }),
    });

    r.post<{ Body: { text: string } }>('/nested', {
      permission: 'alerts.write', summary: 'Announce from savepoints inside one transaction', schema: { body },
      handler: async (req, ctx) => {
        const heard: string[] = [];
        const stop = kernel.events.subscribe((e) => heard.push((e.data as { text: string }).text));
        try {
          let beforeCommit: string[] = [];
          await ctx.transactional(async (outer) => {
            await outer.transactional(async (inner) => {
              inner.create(Alert, { text: `${req.body.text} (gardée)` });
              kernel.events.publish({ type: 'alert', data: { text: `${req.body.text} (gardée)` } }, inner);
            });
            await outer.transactional(async (inner) => {
              kernel.events.publish({ type: 'alert', data: { text: `${req.body.text} (annulée)` } }, inner);
              throw new DomainError('ALERT_CANCELLED', 'annulée');
            }).catch(() => undefined);
            kernel.events.publish({ type: 'alert', data: { text: `${req.body.text} (principale)` } }, outer);
            beforeCommit = [...heard];
          });
          return { beforeCommit, afterCommit: heard };
        } finally {
          stop();
        }
      },
    });
  },
});

const guard = definePlugin({
  name: 'guard',
  version: '1.0.0',
  kernel: '^0.1.0',
  requires: { alerts: '^1.0.0' },
  register({ kernel }) {
    getAlertHooks(kernel).alertSaved.tapPromise('guard', async ({ text }) => {
      if (text.includes('interdit')) {
        throw new DomainError('ALERT_REFUSED', { fr: 'Alerte refusée par le contrôle.', nl: 'Waarschuwing geweigerd door de controle.', en: 'Alert refused by the check.' }, { status: 409 });
      }
    });
  },
});

const count = (text: string, part: string) => text.split(part).length - 1;

describe.each(testDialects())('effects after the commit (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let stream: EventStream;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [alerts, guard] });
    cashier = await tk.userWith(['cashier']);
    stream = await new EventStream().open(tk.baseUrl, cashier.cookie('cpt_session'));
    await stream.readUntil('event: hello');
  });
  afterAll(async () => {
    stream?.close();
    await tk?.close();
  });

  it('shows nothing on the event stream when a hook tap refuses the change after the event was requested', async () => {
    const refused = await cashier.post('/api/alerts', { text: 'Rayon interdit' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ALERT_REFUSED', detail: 'Alerte refusée par le contrôle.' });
    // The next alert goes through: once it is on the stream, anything published before it would be too.
    expect((await cashier.post('/api/alerts', { text: 'Livraison Brasserie Dupont arrivée' })).status).toBe(201);
    const text = await stream.readUntil('Brasserie Dupont');
    expect(text).not.toContain('interdit');
    expect(await sqlRows(tk, 'select text from alerts_alert where text like ?', ['%interdit%'])).toEqual([]);
  });

  it('shows a committed event exactly once', async () => {
    const res = await cashier.post('/api/alerts', { text: 'Caisse 2 : fond de caisse vérifié' });
    expect(res.status).toBe(201);
    await stream.readUntil('fond de caisse');
    // Another event after it, so that a late duplicate would have arrived by then.
    await cashier.post('/api/alerts', { text: 'Témoin après le fond de caisse' });
    const text = await stream.readUntil('Témoin après');
    expect(count(text, `event: alert\ndata: {"id":${res.body.id},"text":"Caisse 2 : fond de caisse vérifié"}\n\n`)).toBe(1);
  });

  it('holds events of savepoints until the outer transaction commits, and drops those of a savepoint rolled back', async () => {
    const res = await cashier.post('/api/alerts/nested', { text: 'Inventaire' });
    expect(res.status).toBe(200);
    expect(res.body.beforeCommit).toEqual([]);
    expect(res.body.afterCommit).toEqual(['Inventaire (gardée)', 'Inventaire (principale)']);
    const text = await stream.readUntil('Inventaire (principale)');
    expect(count(text, 'Inventaire (gardée)')).toBe(1);
    expect(text).not.toContain('Inventaire (annulée)');
    expect(await sqlRows(tk, 'select text from alerts_alert where text like ?', ['Inventaire%'])).toEqual([{ text: 'Inventaire (gardée)' }]);
  });

  it('keeps a committed request successful when an effect fails after the commit, and logs the failure', async () => {
    const logged = vi.spyOn(tk.kernel.log, 'error');
    try {
      const res = await cashier.post('/api/alerts', { text: 'Ticket 42 à réimprimer', brokenPrinter: true });
      expect(res.status).toBe(201);
      expect(await sqlRows(tk, 'select text from alerts_alert where id = ?', [res.body.id])).toEqual([{ text: 'Ticket 42 à réimprimer' }]);
      // The event requested after the broken effect still went out.
      expect(await stream.readUntil('Ticket 42')).toContain('"text":"Ticket 42 à réimprimer"');
      const failure = logged.mock.calls.find(([obj]) => (obj as { err?: Error })?.err?.message === 'imprimante hors ligne');
      expect(failure?.[1]).toBe('an effect after a commit failed; the data was committed');
    } finally {
      logged.mockRestore();
    }
  });

  it('publishes at once outside a transaction', async () => {
    tk.kernel.events.publish({ type: 'alert', data: { text: 'Annonce hors transaction' } });
    expect(await stream.readUntil('Annonce hors transaction')).toContain('event: alert\ndata: {"text":"Annonce hors transaction"}');
  });
});
