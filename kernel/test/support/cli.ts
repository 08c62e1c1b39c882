import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '@comptoir/kernel/testing';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What the command printed and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `comptoir <args>` from the sources, the way an operator runs it, and waits for it to end. */
export function runCli(args: string[]): Promise<CliResult> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('COMPTOIR_')) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'kernel/src/cli.ts', ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The `--data` / `--database` options that point the CLI at a test database. */
export function databaseArgs(db: TestDatabase): string[] {
  return db.databaseUrl ? ['--data', db.dataDir, '--database', db.databaseUrl] : ['--data', db.dataDir];
}
