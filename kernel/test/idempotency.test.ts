import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMigration, definePlugin, DomainError, EntitySchema, KernelError } from '@comptoir/kernel';
import { createTestDatabase, startTestKernel, testDialects, TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { createKernel } from '@comptoir/kernel/host';
import { TestClock } from './support/clock.js';
import { sqlRows } from './support/db.js';

// `tills` records cash payments: a retried payment must never be recorded twice. Its POST opts in to
// Idempotency-Key; the till can be closed, which makes a payment fail after its row was written.

class Payment {
  id!: number;
  amount!: number;
  userId!: number;
}

const PaymentSchema = new EntitySchema<Payment>({
  class: Payment,
  tableName: 'tills_payment',
  properties: { id: { type: 'integer', primary: true }, amount: { type: 'integer' }, userId: { type: 'integer' } },
});

const tills = definePlugin({
  name: 'tills',
  version: '1.0.0',
  kernel: '^0.1.0',
  entities: [PaymentSchema],
  migrations: {
    sqlite: [defineMigration('0001-init', ['create table `tills_payment` (`id` integer not null primary key autoincrement, `amount` integer not null, `user_id` integer not null)'])],
    postgresql: [defineMigration('0001-init', ['create table "tills_payment" ("id" serial primary key, "amount" int not null, "user_id" int not null)'])],
  },
  permissions: { 'tills.pay': { label: 'Encaisser', roles: ['cashier'] } },
  routes(r, { kernel }) {
    const body = { type: 'object', required: ['amount'], additionalProperties: false, properties: { amount: { type: 'integer', minimum: 1 } } } as const;
    r.post<{ Body: { amount: number } }>('/payments', {
      permission: 'tills.pay', summary: 'Record a cash payment', status: 201, idempotent: true, schema: { body },
      handler: async (req, ctx) => {
        const payment = ctx.em.create(Payment, { amount: req.body.amount, userId: ctx.user!.id });
        await ctx.em.flush();
        // Written before the check on purpose: a refusal must take the row back with the key.
        if (await kernel.settings.get(ctx.em, 'tills.closed', false)) {
          throw new DomainError('TILL_CLOSED', { fr: 'La caisse est fermée.', nl: 'De kassa is gesloten.', en: 'The till is closed.' }, { status: 409 });
        }
        return { id: payment.id, amount: payment.amount, inTransaction: ctx.em.isInTransaction() };
      },
    });
    r.post<{ Body: { amount: number } }>('/refunds', {
      permission: 'tills.pay', summary: 'Record a refund (a key is required)', status: 201, idempotent: 'required', schema: { body },
      handler: async (req) => ({ refunded: req.body.amount }),
    });
    r.put<{ Body: { closed: boolean } }>('/state', {
      permission: 'tills.pay', summary: 'Open or close the till',
      schema: { body: { type: 'object', required: ['closed'], properties: { closed: { type: 'boolean' } } } },
      handler: async (req, ctx) => {
        await kernel.settings.set(ctx.em, 'tills.closed', req.body.closed);
        return { closed: req.body.closed };
      },
    });
  },
});

const pay = (client: TestClient, amount: number, key?: string) =>
  client.request('POST', '/api/tills/payments', { amount }, key === undefined ? {} : { 'idempotency-key': key });

describe.each(testDialects())('Idempotency-Key (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;
  let other: TestClient;
  const clock = new TestClock();
  const payments = async () => (await sqlRows<{ id: number; amount: number }>(tk, 'select id, amount from tills_payment order by id')).map((p) => ({ id: Number(p.id), amount: Number(p.amount) }));
  /** The first cashier, signed in afresh (after a restart, or once the clock has run past the session). */
  const signIn = async () => {
    const client = tk.anonymous();
    await client.login('user1-cashier', 'pw-user1-cashier-secret');
    return client;
  };
  const keys = async (key: string) => sqlRows<{ status: number }>(tk, 'select status from kernel_idempotency where key = ?', [key]);

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [tills], clock });
    cashier = await tk.userWith(['cashier']);
    other = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('answers a retry with the stored answer, marked as replayed, and records the payment once', async () => {
    const first = await pay(cashier, 1250, 'pay-0001-retry');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: 1250, inTransaction: true });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await pay(cashier, 1250, 'pay-0001-retry');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await payments()).filter((p) => p.id === first.body.id)).toEqual([{ id: first.body.id, amount: 1250 }]);
    expect(await keys('pay-0001-retry')).toEqual([{ status: 201 }]);
  });

  it('refuses the same key with another body with 422, in the person’s language, and records nothing', async () => {
    const before = await payments();
    expect((await pay(cashier, 500, 'pay-0002-body')).status).toBe(201);
    const res = await pay(cashier, 5000, 'pay-0002-body');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      detail: 'Cette clé Idempotency-Key a déjà servi pour une autre requête (POST /api/tills/payments, autre contenu). Une nouvelle opération demande une nouvelle clé.',
    });
    expect((await payments()).length).toBe(before.length + 1);
  });

  it('says it in Dutch and English too', async () => {
    for (const [lang, detail] of [
      ['nl', 'Deze Idempotency-Key werd al gebruikt voor een andere aanvraag (POST /api/tills/payments, andere inhoud). Een nieuwe bewerking vraagt een nieuwe sleutel.'],
      ['en', 'This Idempotency-Key was already used for another request (POST /api/tills/payments, different content). A new operation needs a new key.'],
    ] as const) {
      const client = new TestClient(tk.baseUrl, lang);
      await client.login('admin', tk.adminPassword);
      await tk.admin.patch(`/api/users/1`, { language: lang });
      expect((await pay(client, 100, `pay-0003-${lang}`)).status).toBe(201);
      const res = await pay(client, 200, `pay-0003-${lang}`);
      expect(res.status).toBe(422);
      expect(res.body.detail).toBe(detail);
    }
    await tk.admin.patch('/api/users/1', { language: 'fr' });
  });

  it('keeps each user’s keys apart: another user with the same key gets their own payment, never the first answer', async () => {
    const mine = await pay(cashier, 700, 'pay-0004-shared');
    const theirs = await pay(other, 900, 'pay-0004-shared');
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.amount).toBe(900);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await pay(other, 900, 'pay-0004-shared')).body).toEqual(theirs.body);
  });

  it('records one payment for 20 retries of one key sent at the same time, and answers all 20 alike', async () => {
    const before = (await payments()).length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay(cashier, 4200, 'pay-0005-burst')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const after = await payments();
    expect(after.length).toBe(before + 1);
    expect(after.filter((p) => p.amount === 4200)).toEqual([{ id: [...ids][0], amount: 4200 }]);
    expect(await keys('pay-0005-burst')).toEqual([{ status: 201 }]);
  });

  it('stores no key when the request fails: the retry runs again', async () => {
    await cashier.put('/api/tills/state', { closed: true });
    const before = (await payments()).length;
    const refused = await pay(cashier, 1500, 'pay-0006-closed');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TILL_CLOSED');
    expect(await keys('pay-0006-closed')).toEqual([]);
    expect((await payments()).length).toBe(before);
    await cashier.put('/api/tills/state', { closed: false });
    const retried = await pay(cashier, 1500, 'pay-0006-closed');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await payments()).length).toBe(before + 1);
  });

  it('runs a request without a key each time, and refuses a malformed key without recording anything', async () => {
    const before = (await payments()).length;
    expect((await pay(cashier, 300)).status).toBe(201);
    expect((await pay(cashier, 300)).status).toBe(201);
    expect((await payments()).length).toBe(before + 2);
    for (const bad of ['court', 'espace dans la clé', 'x'.repeat(256), 'clé-accentuée']) {
      const res = await pay(cashier, 300, bad);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', detail: 'En-tête Idempotency-Key invalide : 8 à 255 caractères ASCII visibles, sans espace (par exemple un UUID).' });
    }
    expect((await payments()).length).toBe(before + 2);
  });

  it('refuses a route that requires a key when none is sent', async () => {
    const res = await cashier.post('/api/tills/refunds', { amount: 100 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    const ok = await cashier.request('POST', '/api/tills/refunds', { amount: 100 }, { 'idempotency-key': 'refund-0001' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ refunded: 100 });
  });

  it('documents the header on idempotent routes in the API reference', async () => {
    const doc = (await tk.anonymous().get('/api/openapi.json')).body;
    const op = doc.paths['/api/tills/payments'].post;
    expect(op.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key' }));
    expect(op.description).toContain('Idempotency-Key');
  });

  it('remembers keys across a restart', async () => {
    const first = await pay(cashier, 2600, 'pay-0007-restart');
    tk = await tk.restart();
    cashier = await signIn();
    const again = await pay(cashier, 2600, 'pay-0007-restart');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('forgets keys once they expire: purged at start, and a late retry runs again', async () => {
    const first = await pay(cashier, 3300, 'pay-0008-expiry');
    // A day later the session is long gone: the cashier signs in again, with the same key in hand.
    clock.at += 23 * 3600_000;
    cashier = await signIn();
    expect((await pay(cashier, 3300, 'pay-0008-expiry')).headers.get('idempotent-replayed')).toBe('true');
    clock.at += 2 * 3600_000;
    tk = await tk.restart();
    expect(await keys('pay-0008-expiry')).toEqual([]);
    // Every key older than 24 hours went with it.
    expect(await keys('pay-0001-retry')).toEqual([]);
    cashier = await signIn();
    const late = await pay(cashier, 3300, 'pay-0008-expiry');
    expect(late.status).toBe(201);
    expect(late.headers.get('idempotent-replayed')).toBeNull();
    expect(late.body.id).not.toBe(first.body.id);
  });

  it('keeps keys for the configured time, purged by the periodic purge too', async () => {
    tk = await tk.restart({ idempotencyHours: 1 });
    cashier = await signIn();
    expect((await pay(cashier, 100, 'pay-0009-hour')).status).toBe(201);
    clock.at += 61 * 60_000;
    expect(await tk.kernel.purgeIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await keys('pay-0009-hour')).toEqual([]);
  });
});

describe.each(testDialects())('idempotent routes that cannot be (%s)', (dialect) => {
  it('refuses to start with an idempotent public route, naming it', async () => {
    const open = definePlugin({
      name: 'open', version: '1.0.0', kernel: '^0.1.0',
      routes(r) {
        r.post('/tips', { permission: 'public', summary: 'Leave a tip', idempotent: true, handler: async () => undefined });
      },
    });
    const db = await createTestDatabase(dialect);
    try {
      const err = await createKernel({ plugins: [open], dataDir: db.dataDir, databaseUrl: db.databaseUrl, logLevel: 'silent', shellDir: null }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(KernelError);
      expect((err as KernelError).code).toBe('ROUTE_IDEMPOTENT_INVALID');
      expect((err as Error).message).toContain('POST /api/open/tips');
    } finally {
      await db.drop();
    }
  });
});
