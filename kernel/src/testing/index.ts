/**
 * Test helpers for plugin authors: a fresh database per suite (SQLite file or PostgreSQL database),
 * a kernel listening on 127.0.0.1, and an HTTP client that keeps cookies and sends the CSRF token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createKernel, type Kernel, type KernelOptions } from '../kernel.js';
import type { Dialect } from '../db/migrations.js';
import { PluginState } from '../entities/index.js';

/** The databases every persistence test runs on; `COMPTOIR_TEST_DATABASES=sqlite` narrows it while developing. */
export function testDialects(): Dialect[] {
  const env = process.env.COMPTOIR_TEST_DATABASES;
  if (!env) return ['sqlite', 'postgresql'];
  const list = env.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of list) if (d !== 'sqlite' && d !== 'postgresql') throw new Error(`COMPTOIR_TEST_DATABASES: unknown database '${d}'`);
  return list as Dialect[];
}

/** The PostgreSQL server tests create their databases on. */
export const testPgAdminUrl = () => process.env.COMPTOIR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database; `drop()` removes it. */
export interface TestDatabase {
  dialect: Dialect;
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** Creates a fresh database: a new SQLite folder, or a new PostgreSQL database on the test server. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
  if (dialect === 'sqlite') {
    return { dialect, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `cpt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPgAdminUrl());
  url.pathname = `/${name}`;
  return {
    dialect, dataDir, databaseUrl: url.toString(),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: testPgAdminUrl() });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A JSON answer as a test sees it. */
export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with a cookie jar that sends the session's CSRF token, like the shell does. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string, readonly language = 'fr') {}

  /** A new client sharing nothing with this one (another browser). */
  fork(): TestClient {
    return new TestClient(this.baseUrl, this.language);
  }

  /** Copies this browser's station cookie into another client (same till, another person). */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { 'accept-language': this.language, ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: any = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body ?? {}); }
  patch<T = any>(path: string, body?: unknown) { return this.request<T>('PATCH', path, body ?? {}); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }

  /** Signs in with a password; throws with the server's answer when it fails. */
  async login(username: string, password: string): Promise<TestResponse> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

/** A kernel on a fresh database, listening on 127.0.0.1, with an admin client signed in. */
export interface TestKernel {
  kernel: Kernel;
  db: TestDatabase;
  baseUrl: string;
  /** Signed in as `admin`. */
  admin: TestClient;
  adminPassword: string;
  /** A fresh client that nobody signed in with. */
  anonymous(): TestClient;
  /** Creates a user with these roles and returns a client signed in as them. */
  userWith(roles: string[], extra?: { pin?: string; username?: string }): Promise<TestClient>;
  /** Stops the kernel (restart with `restart()`), then drops the database with `close()`. */
  restart(overrides?: Partial<KernelOptions>): Promise<TestKernel>;
  close(): Promise<void>;
}

/** Boots a kernel with the given plugins on a fresh database of the given dialect. */
export async function startTestKernel(dialect: Dialect, options: Partial<KernelOptions> & { plugins: KernelOptions['plugins']; enable?: string[] }): Promise<TestKernel> {
  const db = await createTestDatabase(dialect);
  try {
    return await bootOn(db, options, true);
  } catch (e) {
    // A kernel that refuses to start must not leave its fresh database behind.
    await db.drop().catch(() => undefined);
    throw e;
  }
}

async function bootOn(db: TestDatabase, options: Partial<KernelOptions> & { plugins: KernelOptions['plugins']; enable?: string[] }, fresh: boolean, adminPassword = ''): Promise<TestKernel> {
  const opts: KernelOptions = { logLevel: 'silent', shellDir: null, ...options, dataDir: db.dataDir, databaseUrl: db.databaseUrl };
  let kernel = await createKernel(opts);
  if (kernel.firstStart) adminPassword = kernel.firstStart.password;
  if (options.enable?.length && fresh) {
    // Plugins that are off by default are switched on the way an administrator would, then the kernel restarts.
    const em = kernel.em();
    for (const name of options.enable) await em.upsert(PluginState, { name, enabled: true, version: '0', changedAt: new Date() });
    await kernel.close();
    kernel = await createKernel(opts);
  }
  const address = await kernel.listen(0, '127.0.0.1');
  const admin = new TestClient(address);
  await admin.login('admin', adminPassword);
  let n = 0;
  const tk: TestKernel = {
    kernel, db, baseUrl: address, admin, adminPassword,
    anonymous: () => new TestClient(address),
    userWith: async (roles, extra = {}) => {
      const username = extra.username ?? `user${++n}-${roles.join('-')}`;
      const password = `pw-${username}-secret`;
      const res = await admin.post('/api/users', { username, displayName: username, password, roles, ...(extra.pin ? { pin: extra.pin } : {}) });
      if (res.status !== 201) throw new Error(`creating ${username} failed: ${JSON.stringify(res.body)}`);
      const client = new TestClient(address);
      await client.login(username, password);
      return client;
    },
    restart: async (overrides = {}) => {
      await kernel.close();
      return bootOn(db, { ...options, ...overrides, enable: [] }, false, adminPassword);
    },
    close: async () => {
      await kernel.close();
      await db.drop();
    },
  };
  return tk;
}

export { fuzzOperations, sampleOf, type FuzzReport, type FuzzFinding } from './fuzz.js';
export { pdfPages, pdfTexts } from './pdf-text.js';
export { createTestArticle, createTestCustomer, fixedClock } from './catalog.js';
