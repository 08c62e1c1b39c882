import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, testDialects, type TestKernel } from '@comptoir/kernel/testing';

/** A request with the Host header a browser would send for that name (fetch does not let a page choose it). */
function get(baseUrl: string, path: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const INLINE = '{"imports":{"lit":"/assets/lit.js"}}';

describe.each(testDialects())('host names and security headers (%s)', (dialect) => {
  let tk: TestKernel;
  let shellDir: string;

  beforeAll(async () => {
    shellDir = mkdtempSync(join(tmpdir(), 'comptoir-shell-'));
    writeFileSync(join(shellDir, 'index.html'), `<!doctype html><html><head><script type="importmap">${INLINE}</script><script type="module" src="/assets/app.js"></script></head><body></body></html>`);
    tk = await startTestKernel(dialect, { plugins: [], shellDir, allowedHosts: ['caisse.boulangerie.example'] });
  });
  afterAll(async () => {
    await tk?.close();
    rmSync(shellDir, { recursive: true, force: true });
  });

  it('answers 421 to a name it was not given (DNS rebinding), to pages and API alike', async () => {
    const port = new URL(tk.baseUrl).port;
    for (const path of ['/', '/api/session', '/api/auth/station-users']) {
      const res = await get(tk.baseUrl, path, `attacker.example:${port}`);
      expect(res.status, path).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'HOST_UNKNOWN', status: 421 });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `192.168.1.20:${port}`, `[::1]:${port}`, 'caisse.boulangerie.example', 'CAISSE.boulangerie.example:443']) {
      expect((await get(tk.baseUrl, '/api/health', host)).status, host).toBe(200);
    }
  });

  it('sends the security headers, and a policy the shell’s inline import map satisfies', async () => {
    const page = await get(tk.baseUrl, '/', new URL(tk.baseUrl).host);
    expect(page.status).toBe(200);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(page.headers['content-security-policy']);
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    expect(csp).toContain(`script-src 'self' ${hash}`);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const api = await get(tk.baseUrl, '/api/session', new URL(tk.baseUrl).host);
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });
});
