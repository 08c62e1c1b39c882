import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Dialect, PluginDefinition } from '@comptoir/kernel';
import { kernelPluginDefinition, openOrm, runMigrations } from '@comptoir/kernel/host';

/** What `comptoir-dev migration` writes. */
export interface MigrationOptions {
  /** The plugin's folder (package.json, src/index.ts, src/migrations). */
  dir: string;
  /** kebab-case name: 'init', 'note-pinned'. */
  name: string;
  /** The plugin to write for (default: the default export of the folder's src/index.ts). */
  target?: PluginDefinition;
  /** The plugins whose migrations run first (default: what `target.requires`, found among the package's dependencies). */
  requires?: PluginDefinition[];
  /** Where `defineMigration` is imported from in the written files (default '@comptoir/kernel'). */
  importFrom?: string;
  /** PostgreSQL server to create the scratch database on (default COMPTOIR_TEST_PG or postgres://postgres@127.0.0.1:5432/postgres). */
  pgAdminUrl?: string;
  log?: (line: string) => void;
}

/** What was written: the migration's files (none when the schema already matched) and the index. */
export interface MigrationResult {
  name: string | null;
  files: string[];
  statements: Record<Dialect, string[]>;
}

const NAME_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function importDefault(file: string): Promise<PluginDefinition> {
  const mod = await import(pathToFileURL(file).href);
  if (!mod.default?.name) throw new Error(`${file} has no definePlugin(...) default export`);
  return mod.default as PluginDefinition;
}

/**
 * The plugins the package's dependencies provide (a dependency whose package.json has `comptoir.plugin`), as
 * installed next to the plugin: in a shop's folder or a third party's, from node_modules; in this repository,
 * the workspace's links.
 */
async function installedPlugins(dir: string): Promise<PluginDefinition[]> {
  const manifest = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const req = createRequire(manifest);
  const out: PluginDefinition[] = [];
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies }).sort()) {
    let meta: { comptoir?: { plugin?: unknown } };
    try {
      meta = JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8'));
    } catch {
      continue;
    }
    if (meta.comptoir?.plugin) out.push(await importDefault(req.resolve(name)));
  }
  return out;
}

/** The target's required plugins, dependencies first. */
function requiredChain(target: PluginDefinition, available: PluginDefinition[]): PluginDefinition[] {
  const chain: PluginDefinition[] = [];
  const visit = (p: PluginDefinition, from: string) => {
    if (chain.includes(p)) return;
    for (const dep of Object.keys(p.requires ?? {})) {
      const found = available.find((a) => a.name === dep);
      if (!found) throw new Error(`${from} requires the plugin '${dep}': add its package to the plugin's devDependencies and install it.`);
      visit(found, dep);
    }
    chain.push(p);
  };
  visit(target, target.name);
  return chain.filter((p) => p !== target);
}

function existing(dir: string, dialect: Dialect): string[] {
  const folder = join(dir, 'src', 'migrations', dialect);
  return existsSync(folder) ? readdirSync(folder).filter((f) => /^\d{4}-.*\.ts$/.test(f)).sort() : [];
}

/** What the entities still need after the committed migrations ran on a fresh database of the dialect. */
async function pendingSql(dialect: Dialect, chain: PluginDefinition[], url?: string): Promise<string[]> {
  const orm = await openOrm(dialect === 'sqlite' ? { dialect, file: ':memory:' } : { dialect, url: url! }, chain.flatMap((p) => p.entities ?? []));
  try {
    await runMigrations(orm, dialect, chain);
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: false });
    const statements = sql.split(/;\n/).map((s) => s.trim().replace(/;$/, '')).filter((s) => s && !s.startsWith('--') && !/^pragma /i.test(s));
    // Only what concerns the target plugin's own tables: what other plugins wrote by hand (full-text indexes,
    // partial unique indexes, triggers) is unknown to their entities and must not be dropped by this plugin.
    const target = chain[chain.length - 1]!;
    const own = new Set((target.entities ?? []).map((e) => orm.getMetadata().find((e as { meta: { className: string } }).meta.className)?.tableName).filter((t): t is string => !!t));
    const quoted = (t: string) => (dialect === 'sqlite' ? `\`${t}\`` : `"${t}"`);
    return statements.filter((st) => [...own].some((t) => st.includes(quoted(t))));
  } finally {
    await orm.close(true);
  }
}

/** Writes src/migrations/index.ts: every migration file, per dialect, in order. */
function writeIndex(dir: string): string {
  const imports: string[] = [];
  const lists: Record<Dialect, string[]> = { sqlite: [], postgresql: [] };
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    for (const f of existing(dir, dialect)) {
      const id = `${dialect === 'sqlite' ? 's' : 'p'}${f.slice(0, 4)}`;
      imports.push(`import ${id} from './${dialect}/${f.replace(/\.ts$/, '.js')}';`);
      lists[dialect].push(id);
    }
  }
  const file = join(dir, 'src', 'migrations', 'index.ts');
  mkdirSync(join(dir, 'src', 'migrations'), { recursive: true });
  writeFileSync(file,
    `// Generated by comptoir-dev migration: every migration of this package, per dialect, in order.\n${imports.join('\n')}\n\n` +
    `export const migrations = {\n  sqlite: [${lists.sqlite.join(', ')}],\n  postgresql: [${lists.postgresql.join(', ')}],\n};\n`);
  return file;
}

/**
 * Writes a plugin's next migration for both dialects: migrates a scratch database (SQLite in memory, and a
 * fresh PostgreSQL database, dropped afterwards) with the committed migrations of the kernel, the required
 * plugins and the plugin, then asks MikroORM's schema generator what the entities still need.
 */
export async function generateMigration(options: MigrationOptions): Promise<MigrationResult> {
  const dir = resolve(options.dir);
  const log = options.log ?? ((line: string) => console.log(line));
  if (!NAME_RE.test(options.name)) throw new Error(`'${options.name}' is not a migration name: use lower-case words joined by '-' (e.g. note-pinned).`);
  const target = options.target ?? (await importDefault(join(dir, 'src', 'index.ts')));
  const requires = options.requires ?? requiredChain(target, await installedPlugins(dir));
  const chain = target === kernelPluginDefinition ? [target] : [kernelPluginDefinition, ...requires, target];

  const next = String(Math.max(0, ...existing(dir, 'sqlite').map((f) => Number(f.slice(0, 4)))) + 1).padStart(4, '0');
  const name = `${next}-${options.name}`;
  const admin = options.pgAdminUrl ?? process.env.COMPTOIR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `cpt_migration_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${scratch}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${scratch}`;
    const statements: Record<Dialect, string[]> = { sqlite: await pendingSql('sqlite', chain), postgresql: await pendingSql('postgresql', chain, url.toString()) };
    const files: string[] = [];
    if (!statements.sqlite.length && !statements.postgresql.length) {
      log('The schema already matches the entities: no migration written.');
    } else {
      for (const dialect of ['sqlite', 'postgresql'] as const) {
        const folder = join(dir, 'src', 'migrations', dialect);
        mkdirSync(folder, { recursive: true });
        const file = join(folder, `${name}.ts`);
        const body = statements[dialect].map((s) => `  ${JSON.stringify(s)},`).join('\n');
        writeFileSync(file,
          `import { defineMigration } from '${options.importFrom ?? '@comptoir/kernel'}';\n\n` +
          `// Generated by comptoir-dev migration from the entities; edit only to add what the generator cannot know.\n` +
          `export default defineMigration('${name}', [\n${body}\n]);\n`);
        files.push(file);
        log(`wrote ${file} (${statements[dialect].length} statements)`);
      }
    }
    files.push(writeIndex(dir));
    return { name: files.length > 1 ? name : null, files, statements };
  } finally {
    await client.query(`drop database if exists ${scratch}`);
    await client.end();
  }
}
