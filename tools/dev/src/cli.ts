#!/usr/bin/env node
/**
 * comptoir-dev — a plugin author's tools, run from the plugin's folder (or with --dir):
 *   comptoir-dev ui [--watch]          build src/ui/*.ts into dist/ui/*.js for the shell to load at run time
 *   comptoir-dev migration <name>      write the next migration of both dialects from the entities
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { register } from 'tsx/esm/api';
import { buildUi } from './ui.js';
import { generateMigration } from './migration.js';

const program = new Command('comptoir-dev')
  .description('Tools for Comptoir plugin authors, run from the plugin’s folder')
  .option('-d, --dir <dir>', 'the plugin’s folder', process.cwd());

const dir = () => resolve(program.opts<{ dir: string }>().dir);

program.command('ui').description('build the plugin’s browser UI (src/ui/*.ts → dist/ui/*.js)')
  .option('-w, --watch', 'rebuild on every change (reload the browser to see it)')
  .action(async (o: { watch?: boolean }) => {
    const out = await buildUi({ dir: dir(), watch: o.watch });
    if (!o.watch) console.log(`Built the UI into ${out}.`);
  });

program.command('migration <name>').description('write the next migration of both dialects (needs PostgreSQL; COMPTOIR_TEST_PG names the server)')
  .action(async (name: string) => {
    // The plugin's entities are TypeScript: load them as they are.
    register();
    await generateMigration({ dir: dir(), name });
  });

program.parseAsync().catch((e: unknown) => {
  console.error(e instanceof Error ? `Error: ${e.message}` : e);
  process.exit(1);
});
