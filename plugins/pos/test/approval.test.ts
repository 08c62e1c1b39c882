import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestClient } from '@comptoir/kernel/testing';
import { createArticle, openShop, rows, ticketWith, type Shop } from './helpers.js';

/** A manager typing their PIN on the cashier's screen: one action approved, no session opened, the approver journaled. */
describe.each(testDialects())('manager approval at the till (%s)', (dialect) => {
  let shop: Shop;
  let boss: number;
  let clerk: number;
  let beer: any;
  const approved = (c: TestClient, userId: number, pin: string, url: string, body: unknown, extra = '') =>
    c.request('POST', url, body, { 'x-comptoir-approval': `${userId}:${pin}${extra}` });
  const idOf = async (username: string) => ((await shop.admin.get('/api/users')).body as any[]).find((u) => u.username === username).id as number;

  beforeAll(async () => {
    shop = await openShop(dialect);
    beer = await createArticle(shop.admin, { name: 'Triple 33 cl', price: 149 });
    await shop.tk.userWith(['manager'], { username: 'sophie', pin: '2580' });
    await shop.tk.userWith(['cashier'], { username: 'lucas', pin: '1234' });
    await shop.tk.userWith(['manager'], { username: 'marc', pin: '4321' });
    boss = await idOf('sophie');
    clerk = await idOf('lucas');
  });
  afterAll(async () => shop?.tk.close());

  it('opens the drawer for a cashier once a manager typed their PIN, and journals who approved', async () => {
    const sessions = async () => (await rows(shop.tk, "select payload from kernel_journal_entry where type = 'auth.signed-in'")).filter((r) => JSON.parse(r.payload).username === 'sophie').length;
    const before = await sessions();
    const denied = await shop.cashier.post('/api/pos/cash/drawer', { reason: 'Monnaie' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'pos.drawer' });
    const res = await approved(shop.cashier, boss, '2580', '/api/pos/cash/drawer', { reason: 'Monnaie' });
    expect(res.status).toBe(201);
    const [entry] = await rows(shop.tk, "select payload, user_id from kernel_journal_entry where type = 'pos.drawer.opened'");
    expect(JSON.parse(entry.payload)).toMatchObject({ reason: 'Monnaie', approvedBy: { userId: boss, username: 'sophie', permission: 'pos.drawer' } });
    expect(Number(entry.user_id)).not.toBe(boss);
    // No session was opened for the manager.
    expect(await sessions()).toBe(before);
    // The approval was for that request only.
    expect((await shop.cashier.post('/api/pos/cash/drawer', { reason: 'Encore' })).status).toBe(403);
  });

  it('refuses a wrong PIN, and the PIN of someone without the permission, and changes nothing', async () => {
    const before = (await rows(shop.tk, "select count(*) as n from kernel_journal_entry where type = 'pos.drawer.opened'"))[0].n;
    const wrong = await approved(shop.cashier, boss, '0000', '/api/pos/cash/drawer', { reason: 'Monnaie' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'APPROVAL_PIN_INVALID', attemptsLeft: 4, detail: 'Code PIN incorrect. Encore 4 essais avant blocage.' });
    const notAllowed = await approved(shop.cashier, clerk, '1234', '/api/pos/cash/drawer', { reason: 'Monnaie' });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body).toMatchObject({ code: 'APPROVAL_DENIED', permission: 'pos.drawer' });
    expect(notAllowed.body.detail).toContain('n’a pas le droit « pos.drawer »');
    const garbled = await shop.cashier.request('POST', '/api/pos/cash/drawer', { reason: 'Monnaie' }, { 'x-comptoir-approval': 'sophie' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.code).toBe('APPROVAL_INVALID');
    expect((await rows(shop.tk, "select count(*) as n from kernel_journal_entry where type = 'pos.drawer.opened'"))[0].n).toBe(before);
    // A right PIN forgets the failure.
    expect((await approved(shop.cashier, boss, '2580', '/api/pos/cash/drawer', { reason: 'Monnaie' })).status).toBe(201);
  });

  it('approves a permission the service checks itself: a discount above the limit', async () => {
    const t = await ticketWith(shop.cashier, [{ articleId: beer.id, quantity: 2000 }]);
    const url = `/api/pos/tickets/${t.id}/lines/${t.lines[0].id}`;
    const refused = await shop.cashier.request('PATCH', url, { discountRate: 5000 }, {});
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'POS_DISCOUNT_ABOVE_LIMIT', permission: 'pos.discount' });
    const res = await shop.cashier.request('PATCH', url, { discountRate: 5000 }, { 'x-comptoir-approval': `${boss}:2580:pos.discount` });
    expect(res.status).toBe(200);
    expect(res.body.lines[0]).toMatchObject({ discountRate: 5000 });
  });

  it('locks the PIN after 5 wrong ones, for approvals as for sign-in', async () => {
    const marc = await idOf('marc');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await approved(shop.cashier, marc, '9999', '/api/pos/cash/drawer', { reason: 'x' })).status);
    expect(answers).toEqual([403, 403, 403, 403, 423]);
    const locked = await approved(shop.cashier, marc, '4321', '/api/pos/cash/drawer', { reason: 'x' });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('PIN_LOCKED');
    expect(Number((await rows(shop.tk, "select count(*) as n from kernel_journal_entry where type = 'pos.drawer.opened'"))[0].n)).toBe(2);
  });

  it('lets a burst of wrong PINs check at most 5 of them', async () => {
    await shop.tk.userWith(['manager'], { username: 'anne', pin: '7777' });
    const anne = await idOf('anne');
    const all = await Promise.all(Array.from({ length: 12 }, () => approved(shop.cashier, anne, '1111', '/api/pos/cash/drawer', { reason: 'x' })));
    expect(all.filter((r) => r.status === 403).length).toBeLessThanOrEqual(4);
    expect(all.every((r) => r.status === 403 || r.status === 423)).toBe(true);
  });
});
