import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError } from './client.js';

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType },
    }),
  );
}

describe('ApiClient', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const f = fakeFetch(200, { ok: true });
    const api = new ApiClient({ fetch: f as unknown as typeof fetch });
    api.csrfToken = 'tok';
    await api.get('/catalog/articles', { q: 'coca', page: 1, family: undefined, active: '' });
    await api.post('/catalog/articles', { name: 'x' });
    const [url1, init1] = f.mock.calls[0];
    expect(url1).toBe('/api/catalog/articles?q=coca&page=1');
    expect((init1!.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect(init1!.credentials).toBe('same-origin');
    const [, init2] = f.mock.calls[1];
    expect((init2!.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect(init2!.body).toBe('{"name":"x"}');
  });

  it('parses problem+json into ApiError', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'Invalid article',
      errors: [
        { field: 'barcodes.0', code: 'BARCODE_CHECKSUM', message: 'Chiffre de contrôle invalide' },
        { field: 'code', code: 'REQUIRED', message: 'Obligatoire' },
      ],
    };
    const api = new ApiClient({ fetch: fakeFetch(400, problem, 'application/problem+json') as unknown as typeof fetch });
    const err = (await api.post('/catalog/articles', {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.detail).toBe('Invalid article');
    expect(err.fieldErrors()).toEqual({ 'barcodes.0': 'Chiffre de contrôle invalide', code: 'Obligatoire' });
  });

  it('notifies unauthorized listeners on 401 unless quiet', async () => {
    const api = new ApiClient({ fetch: fakeFetch(401, { code: 'AUTH_REQUIRED' }) as unknown as typeof fetch });
    const l = vi.fn();
    api.onUnauthorized(l);
    await expect(api.get('/session')).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    await expect(api.get('/session', undefined, { quiet401: true })).rejects.toBeInstanceOf(ApiError);
    expect(l).toHaveBeenCalledOnce();
  });

  it('returns undefined on 204 and maps network failures to status 0', async () => {
    const ok = new ApiClient({ fetch: fakeFetch(204, undefined) as unknown as typeof fetch });
    await expect(ok.post('/auth/logout')).resolves.toBeUndefined();
    const down = new ApiClient({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    await expect(down.get('/session')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
