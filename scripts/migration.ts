/**
 * `pnpm migration:new <package-dir> <name>` in this repository: the same generator as `comptoir-dev migration`
 * (tools/dev), run from the TypeScript sources; for the kernel's own folder, the kernel's migrations.
 *
 *   pnpm migration:new plugins/catalog init
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kernelPluginDefinition } from '@comptoir/kernel/host';
import { generateMigration } from '../tools/dev/src/migration.js';

const [dirArg, name] = process.argv.slice(2);
if (!dirArg || !name) {
  console.error('usage: pnpm migration:new <package-dir> <name-in-kebab-case>');
  process.exit(2);
}
const dir = resolve(dirArg);
const isKernel = existsSync(join(dir, 'src', 'kernel.ts'));
await generateMigration(isKernel ? { dir, name, target: kernelPluginDefinition, requires: [], importFrom: '../../db/migrations.js' } : { dir, name });
