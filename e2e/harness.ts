/**
 * End-to-end harness: starts Comptoir the way a user does (`node kernel/dist/cli.js demo`) on a fresh data
 * folder and a free port, with a fresh database (SQLite in the folder, or a new PostgreSQL database made from
 * COMPTOIR_TEST_PG), and drives Debian's Chromium with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
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
  const dataDir = db.dataDir;
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['kernel/dist/cli.js', '--data', dataDir, 'demo', '--port', String(port)], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, COMPTOIR_DATABASE_URL: db.databaseUrl ?? '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const url = `http://localhost:${port}`;
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start in 120 s:\n${out}`)), 120_000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`demo exited with ${code}:\n${out}`)); });
    const poll = setInterval(() => {
      if (out.includes('Open http')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  try {
    await started;
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
    throw e;
  }
  return {
    url, dataDir, output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
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
