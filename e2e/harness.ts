/**
 * End-to-end harness: starts Comptoir the way a user does (`node kernel/dist/cli.js demo`) on a fresh data
 * folder and a free port, with a fresh database (SQLite in the folder, or a new PostgreSQL database made from
 * COMPTOIR_TEST_PG), and drives Debian's Chromium with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, testDialects } from '@comptoir/kernel/testing';

/** The databases every end-to-end suite runs on, as for the package tests: `describe.each(e2eDatabases())`. */
export const e2eDatabases = testDialects;

export const CHROMIUM = process.env.COMPTOIR_CHROMIUM ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A running demo server. */
export interface DemoServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `comptoir demo` on a fresh data folder and a fresh database of `dialect`, and waits until it serves. */
export async function startDemo(dialect: 'sqlite' | 'postgresql' = 'sqlite', extraEnv: Record<string, string> = {}): Promise<DemoServer> {
  const db = await createTestDatabase(dialect);
  let server: RunningServer;
  try {
    server = await startComptoir({
      cli: join(import.meta.dirname, '..', 'kernel', 'dist', 'cli.js'), cwd: join(import.meta.dirname, '..'),
      args: ['--data', db.dataDir, 'demo'], env: { COMPTOIR_DATABASE_URL: db.databaseUrl ?? '', ...extraEnv },
    });
  } catch (e) {
    await db.drop();
    throw e;
  }
  return { ...server, dataDir: db.dataDir, stop: async () => { await server.stop(); await db.drop(); } };
}

/** A running `comptoir` server. */
export interface RunningServer {
  url: string;
  output: () => string;
  /** Stops it the way a service manager does (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Runs a `comptoir` command (CLI file, working folder, arguments) to its end; throws with its output when it fails. */
export async function runComptoir(opts: { cli: string; cwd: string; args: string[]; env?: Record<string, string> }): Promise<string> {
  const child = spawn(process.execPath, [opts.cli, ...opts.args], { cwd: opts.cwd, env: { ...process.env, COMPTOIR_DATABASE_URL: '', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`comptoir ${opts.args.join(' ')} exited with ${code}:\n${out}`);
  return out;
}

/** Starts a `comptoir` server command on a free port and waits until it serves. */
export async function startComptoir(opts: { cli: string; cwd: string; args: string[]; env?: Record<string, string> }): Promise<RunningServer> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [opts.cli, ...opts.args, '--port', String(port)], {
    cwd: opts.cwd,
    env: { ...process.env, COMPTOIR_DATABASE_URL: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`comptoir did not start in 120 s:\n${out}`)); }, 120_000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`comptoir exited with ${code}:\n${out}`)); });
    const poll = setInterval(() => {
      if (out.includes('Open http')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  return {
    url, output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A tablet-sized French browser context. */
export async function tablet(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE', hasTouch: true });
}

/** Signs in with username and password through the sign-in form. */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Calls the API with the page's session, as the shell does (CSRF token included): the test's own setup. */
export async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(async ({ method, path, body }) => {
    const session = await (await fetch('/api/session')).json();
    const res = await fetch(path, {
      method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }, { method, path, body });
}

/**
 * The usual setup of a suite: a fresh demo shop on `dialect` and a Chromium, started before the suite's tests and
 * stopped after them. Read `demo.server` and `demo.browser` inside tests (they exist once `beforeAll` ran).
 */
export function useDemo(dialect: 'sqlite' | 'postgresql', extraEnv: Record<string, string> = {}): { readonly server: DemoServer; readonly browser: Browser } {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemo(dialect, extraEnv);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() { if (!server) throw new Error('the demo server is not started yet (use it inside a test)'); return server; },
    get browser() { if (!browser) throw new Error('the browser is not started yet (use it inside a test)'); return browser; },
  };
}
