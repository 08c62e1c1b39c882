/**
 * `comptoir simulate <device>`: the simulators the installed driver packages provide, each named in its
 * package.json (`"comptoir": { "simulators": { "printer": "./dist/simulate-printer.js" } }`) and run as a child
 * process with the rest of the command line, so that the kernel knows no device.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { KernelError } from '../errors.js';
import type { Installation } from './discover.js';

/** Device name → the script that simulates it, across the installed plugin packages. */
export function installedSimulators(root: string, installation: Installation): Map<string, string> {
  const req = createRequire(join(resolve(root), 'package.json'));
  const found = new Map<string, string>();
  for (const pkg of Object.values(installation.packages)) {
    let manifest: string;
    try {
      manifest = req.resolve(`${pkg}/package.json`);
    } catch {
      continue;
    }
    const sims = (JSON.parse(readFileSync(manifest, 'utf8')) as { comptoir?: { simulators?: Record<string, string> } }).comptoir?.simulators ?? {};
    for (const [device, file] of Object.entries(sims)) found.set(device, join(dirname(manifest), file));
  }
  return found;
}

/** Runs a simulator until it ends; resolves with its exit code. */
export async function runSimulator(root: string, installation: Installation, device: string, args: string[]): Promise<number> {
  const sims = installedSimulators(root, installation);
  const script = sims.get(device);
  if (!script) {
    const known = [...sims.keys()].sort().join(', ') || 'none (install a driver package, e.g. @comptoir/device-escpos)';
    throw new KernelError('SIMULATOR_NOT_FOUND', `No installed driver simulates '${device}'. Simulators: ${known}.`);
  }
  const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
  return new Promise((resolvePromise) => child.on('exit', (code) => resolvePromise(code ?? 1)));
}
