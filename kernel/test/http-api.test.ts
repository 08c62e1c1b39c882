import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '@comptoir/kernel';
import { startTestKernel, testDialects, TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { sqlRows } from './support/db.js';
import { EventStream } from './support/sse.js';

/** A plugin route, to see it in the API reference next to the kernel's. */
const display = definePlugin({
  name: 'display',
  version: '1.0.0',
  kernel: '^0.1.0',
  permissions: { 'display.show': { label: 'Afficher au client', roles: ['cashier'] } },
  routes(r) {
    r.post<{ Body: { text: string } }>('/messages', {
      permission: 'display.show', summary: 'Show a message on the customer display', description: 'The text scrolls on the pole display.',
      schema: { body: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 40 } } } },
      handler: async () => undefined,
    });
  },
});

describe.each(testDialects())('the HTTP API (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [display] });
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  it('says it is up, with which database and plugins, to anyone', async () => {
    const res = await tk.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: '0.1.0', database: dialect, plugins: ['display'] });
  });

  it('publishes an OpenAPI document listing every route with the permission it needs', async () => {
    const res = await tk.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info).toMatchObject({ title: 'Comptoir API', version: '0.1.0' });
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/health', '/api/session', '/api/auth/login', '/api/auth/pin', '/api/auth/logout', '/api/auth/station-users', '/api/shop',
      '/api/stations', '/api/stations/{id}', '/api/users', '/api/users/{id}', '/api/roles', '/api/roles/{name}', '/api/permissions',
      '/api/plugins', '/api/plugins/{name}/enable', '/api/plugins/{name}/disable', '/api/journal/verify', '/api/journal/{chain}', '/api/events', '/api/display/messages']) {
      expect(paths, p).toContain(p);
    }
    expect(doc.paths['/api/users'].get.description).toBe('Permission: `kernel.users`');
    expect(doc.paths['/api/users'].get.tags).toEqual(['kernel']);
    expect(doc.paths['/api/users'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/shop'].put.description).toBe('Permission: `kernel.shop`');
    expect(doc.paths['/api/health'].get.description).toBe('The database is asked at most once a second; an unreachable database answers 500.\n\nPermission: `public`');
    expect(doc.paths['/api/health'].get.security).toBeUndefined();
    expect(doc.paths['/api/plugins/{name}/disable'].post.description).toBe('Permission: `kernel.plugins`');
    expect(doc.paths['/api/display/messages'].post).toMatchObject({
      summary: 'Show a message on the customer display', tags: ['display'],
      description: 'The text scrolls on the pole display.\n\nPermission: `display.show`',
    });
    expect(paths).not.toContain('/api/openapi.json');
  });

  it('serves the browsable API reference', async () => {
    const res = await fetch(`${tk.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('swagger-ui');
  });

  it('answers an unknown API address with a 404 problem in the shop’s language', async () => {
    const res = await cashier.get('/api/nothing-here?x=1');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toEqual({
      type: 'urn:comptoir:problem:not-found', title: 'Introuvable', status: 404, code: 'NOT_FOUND', detail: 'Aucune ressource à GET /api/nothing-here.',
    });
    expect((await new TestClient(tk.baseUrl, 'en').request('DELETE', '/api/shop')).body.detail).toBe('Nothing at DELETE /api/shop.');
  });

  it('says what is wrong with a body that is not JSON, and changes nothing', async () => {
    const journal = async () => (await sqlRows<{ n: number }>(tk, 'select count(*) as n from kernel_journal_entry'))[0].n;
    const sessions = async () => (await sqlRows<{ n: number }>(tk, 'select count(*) as n from kernel_session'))[0].n;
    const [entriesBefore, sessionsBefore] = [Number(await journal()), Number(await sessions())];
    const res = await fetch(`${tk.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: '{"username": "admin",' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.json()).toMatchObject({ status: 400, code: 'BODY_INVALID', detail: 'Le corps de la requête n’est pas du JSON valide.' });
    // Nobody was signed in, and neither a sign-in nor a failed one was journaled.
    expect([Number(await journal()), Number(await sessions())]).toEqual([entriesBefore, sessionsBefore]);
  });

  it('answers with the shell’s placeholder at / when the shell is not built', async () => {
    const res = await fetch(`${tk.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('the shell is not built');
  });

  it('streams a hello, then the events published for the browser', async () => {
    const stream = await new EventStream().open(tk.baseUrl, cashier.cookie('cpt_session'));
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      expect(await stream.readUntil('\n\n')).toContain('event: hello\ndata: {"stationId":null}\n\n');

      tk.kernel.events.publish({ type: 'display', data: { text: 'Pour une autre caisse' }, stationId: 999 });
      tk.kernel.events.publish({ type: 'stock-alert', data: { article: 'Orval 33 cl' }, permission: 'kernel.users' });
      tk.kernel.events.publish({ type: 'notification', data: { level: 'info', text: 'Livraison Brasserie Dupont arrivée' } });
      const text = await stream.readUntil('Livraison');
      expect(text).toContain('event: notification\ndata: {"level":"info","text":"Livraison Brasserie Dupont arrivée"}\n\n');
      // Events for another station, or for a right the cashier lacks, were not sent before it.
      expect(text).not.toContain('Pour une autre caisse');
      expect(text).not.toContain('Orval');
    } finally {
      stream.close();
    }
  });

  it('streams a station’s events to the browser signed in at that station', async () => {
    const station = await tk.admin.post('/api/stations', { name: 'Caisse 1' });
    const stream = await new EventStream().open(tk.baseUrl, tk.admin.cookie('cpt_session'), tk.admin.cookie('cpt_station'));
    try {
      expect(await stream.readUntil('\n\n')).toContain(`data: {"stationId":${station.body.id}}`);
      tk.kernel.events.publish({ type: 'display', data: { text: 'Total 12,50 €' }, stationId: station.body.id });
      expect(await stream.readUntil('12,50')).toContain('event: display\ndata: {"text":"Total 12,50 €"}');
    } finally {
      stream.close();
    }
  });

  it('refuses the event stream to nobody', async () => {
    const stream = await new EventStream().open(tk.baseUrl, undefined);
    try {
      expect(stream.status).toBe(401);
      expect(JSON.parse(await stream.readUntil('}'))).toMatchObject({ code: 'AUTH_REQUIRED' });
    } finally {
      stream.close();
    }
  });
});
