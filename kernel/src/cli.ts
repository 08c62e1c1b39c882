#!/usr/bin/env node
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createKernel, KERNEL_VERSION, type Kernel } from './kernel.js';
import { discoverInstallation, findShellDir, pluginNameFor } from './plugin/discover.js';
import { listPlugins, setPluginEnabled } from './plugin/manager.js';
import { runSimulator } from './plugin/simulators.js';
import { openAdmin } from './admin.js';
import { generatePassword } from './auth/password.js';
import { DEMO_ACCOUNTS, seedDemo, wipeDatabase } from './demo.js';
import { databaseConfig, describeDatabase } from './db/orm.js';
import { User } from './entities/index.js';
import { DomainError, KernelError, localize } from './errors.js';

interface Common { data: string; database?: string; root: string }

const program = new Command('comptoir')
  .description('Comptoir — point of sale, invoicing and stock for small shops')
  .version(KERNEL_VERSION)
  .addOption(new Option('--data <dir>', 'data folder (SQLite file, local files)').env('COMPTOIR_DATA').default('data'))
  .addOption(new Option('--database <url>', 'PostgreSQL URL (postgres://user@host:5432/db); default: SQLite in the data folder').env('COMPTOIR_DATABASE_URL'))
  .addOption(new Option('--root <dir>', 'installation folder whose package.json lists the plugins').env('COMPTOIR_ROOT').default(process.cwd()));

const common = (): Common => program.opts<Common>();
const installation = async () => discoverInstallation(resolve(common().root), (process.env.COMPTOIR_PLUGINS ?? '').split(',').filter(Boolean));
const plugins = async () => (await installation()).plugins;
const serverOptions = (cmd: Command) => cmd
  .addOption(new Option('--port <port>', 'HTTP port').env('PORT').default('3000'))
  .addOption(new Option('--host <host>', 'address to listen on (0.0.0.0 to serve the shop’s tablets)').env('HOST').default('127.0.0.1'))
  .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'))
  .addOption(new Option('--trust-proxy <addresses>', 'reverse proxies whose X-Forwarded-For to believe (e.g. loopback)').env('COMPTOIR_TRUST_PROXY'))
  .addOption(new Option('--allowed-hosts <names>', 'names the server answers to besides addresses, localhost and this machine’s name (comma-separated; * for any)').env('COMPTOIR_ALLOWED_HOSTS'))
  .addOption(new Option('--idempotency-hours <hours>', 'how long an Idempotency-Key and its answer are kept').env('COMPTOIR_IDEMPOTENCY_HOURS').default('24').argParser(positive))
  .addOption(new Option('--session-cache-seconds <seconds>', 'how long a signed-in context is trusted from memory (0: read on every request; lower it when several servers share one database)')
    .env('COMPTOIR_SESSION_CACHE_SECONDS').default('30').argParser(positive));

/** A number of hours or seconds given on the command line. */
function positive(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new KernelError('OPTION_INVALID', `'${value}' is not a number of hours or seconds.`);
  return value;
}

interface ServerOptions { logLevel: string; trustProxy?: string; allowedHosts?: string; idempotencyHours: string; sessionCacheSeconds: string }

async function boot(dataDir: string, o: ServerOptions): Promise<Kernel> {
  const root = resolve(common().root);
  const { plugins, uiDirs } = await installation();
  return createKernel({
    plugins, uiDirs, dataDir, databaseUrl: common().database, shellDir: findShellDir(root), logLevel: o.logLevel as any, trustProxy: o.trustProxy,
    allowedHosts: o.allowedHosts?.split(',').map((n) => n.trim()).filter(Boolean),
    idempotencyHours: Number(o.idempotencyHours), sessionCacheSeconds: Number(o.sessionCacheSeconds),
  });
}

function announce(kernel: Kernel, address: string) {
  const url = address.replace('://0.0.0.0', '://localhost').replace('://127.0.0.1', '://localhost');
  console.log(`\nComptoir ${kernel.version} — ${kernel.describeDatabase()}`);
  console.log(`Plugins: ${kernel.enabled.map((p) => `${p.name} ${p.version}`).join(', ') || 'none'}`);
  console.log(`Open ${url} in a browser. API reference: ${url}/api/docs`);
}

function stopOnSignal(kernel: Kernel) {
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      console.log('\nStopping…');
      kernel.close().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
    });
  }
}

serverOptions(program.command('start').description('start the shop’s server (migrates the database first)'))
  .action(async (o) => {
    const kernel = await boot(common().data, o);
    const address = await kernel.listen(Number(o.port), o.host);
    announce(kernel, address);
    if (kernel.firstStart) {
      console.log(`\nFirst start: an administrator was created.\n  username: ${kernel.firstStart.username}\n  password: ${kernel.firstStart.password}\nSign in, then fill in the shop's identity. Change this password in Users.`);
    }
    stopOnSignal(kernel);
  });

serverOptions(program.command('demo').description('start a demo shop with fresh demo data (erases the demo data folder)'))
  .option('--no-listen', 'only create the demo data, then stop')
  .action(async (o) => {
    const dataDir = program.getOptionValueSource('data') === 'default' ? 'data/demo' : common().data;
    await wipeDatabase(databaseConfig({ dataDir: resolve(dataDir), databaseUrl: common().database }));
    const kernel = await boot(dataDir, o);
    const t0 = Date.now();
    await seedDemo(kernel);
    console.log(`Demo data created in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    if (!o.listen) {
      await kernel.close();
      return;
    }
    const address = await kernel.listen(Number(o.port), o.host);
    announce(kernel, address);
    console.log('\nDemo accounts (username / password, PIN at a station):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.label.padEnd(15)} ${a.username} / ${a.password}${a.pin ? `   PIN ${a.pin}` : ''}`);
    stopOnSignal(kernel);
  });

program.command('migrate').description('apply the pending migrations of the kernel and the enabled plugins')
  .action(async () => {
    const kernel = await createKernel({ plugins: await plugins(), dataDir: common().data, databaseUrl: common().database, logLevel: 'info', http: false });
    console.log(`Database ${kernel.describeDatabase()} is up to date (${kernel.enabled.length} plugins).`);
    await kernel.close();
  });

program.command('simulate <device> [args...]').description('run a device simulator of an installed driver (printer, display, scale, terminal)')
  .allowUnknownOption().helpOption(false)
  .action(async (device: string, args: string[]) => { process.exitCode = await runSimulator(resolve(common().root), await installation(), device, args); });

const pluginsCmd = program.command('plugins').description('list, enable or disable plugins (takes effect at the next start; data is kept)');
pluginsCmd.command('list').description('installed plugins and their state').action(async () => {
  const admin = await openAdmin({ dataDir: common().data, databaseUrl: common().database });
  try {
    const { plugins: available, packages } = await installation();
    const rows = await listPlugins(admin.em(), available);
    for (const p of rows) {
      const pkg = packages[p.name] ? `(${packages[p.name]}) ` : '';
      console.log(`${p.enabled ? 'enabled ' : 'disabled'}  ${p.name.padEnd(16)} ${p.version.padEnd(8)} ${pkg}${p.installed ? '' : '(NOT INSTALLED) '}${p.requires.length ? `requires ${p.requires.join(', ')}` : ''}`);
    }
  } finally {
    await admin.close();
  }
});
for (const action of ['enable', 'disable'] as const) {
  pluginsCmd.command(`${action} <name>`).description(`${action} a plugin (by its name, or its package's name)`).action(async (input: string) => {
    const admin = await openAdmin({ dataDir: common().data, databaseUrl: common().database });
    try {
      const { plugins: available, packages } = await installation();
      const name = pluginNameFor(input, packages);
      const res = await setPluginEnabled(admin.em(), available, KERNEL_VERSION, admin.journal, name, action === 'enable');
      console.log(res.changed ? `Plugin '${name}' ${action}d. Restart Comptoir for it to take effect.` : `Plugin '${name}' was already ${action}d.`);
    } finally {
      await admin.close();
    }
  });
}

program.command('journal').description('fiscal journal').command('verify').description('recompute every chain; exits 1 and names the first bad entry')
  .action(async () => {
    const admin = await openAdmin({ dataDir: common().data, databaseUrl: common().database });
    try {
      const res = await admin.journal.verify(admin.em());
      for (const c of res.chains) console.log(`ok   ${c.chain.padEnd(12)} ${c.entries} entries, last hash ${c.lastHash.slice(0, 16)}…`);
      if (!res.ok) {
        console.error(`BAD  ${res.firstBad!.chain}: ${res.firstBad!.reason}${res.firstBad!.id ? ` (row id ${res.firstBad!.id})` : ''}`);
        process.exitCode = 1;
      } else {
        console.log(`Journal intact: ${res.chains.length} chain(s) verified.`);
      }
    } finally {
      await admin.close();
    }
  });

const userCmd = program.command('user').description('manage users from the command line');
userCmd.command('add <username>').description('create a user (prints a generated password unless --password is given)')
  .option('--name <name>', 'display name')
  .option('--role <role...>', 'roles (admin, manager, cashier, …)', ['cashier'])
  .option('--password <password>', 'password (at least 8 characters)')
  .option('--pin <pin>', 'PIN for station sign-in (4 to 8 digits)')
  .option('--language <lang>', 'fr, nl or en', 'fr')
  .action(async (username: string, o) => {
    const admin = await openAdmin({ dataDir: common().data, databaseUrl: common().database });
    try {
      const password = o.password ?? generatePassword();
      await admin.auth.saveUser(admin.em(), { username, displayName: o.name ?? username, password, pin: o.pin, roles: o.role, language: o.language }, { knownRoles: await admin.roleNames() });
      console.log(`User '${username.toLowerCase()}' created with role(s) ${o.role.join(', ')}.${o.password ? '' : `\n  password: ${password}`}`);
    } finally {
      await admin.close();
    }
  });
userCmd.command('passwd <username>').description('set a new password (prints a generated one unless --password is given); also unlocks the PIN')
  .option('--password <password>', 'the new password')
  .action(async (username: string, o) => {
    const admin = await openAdmin({ dataDir: common().data, databaseUrl: common().database });
    try {
      const em = admin.em();
      const user = await em.findOne(User, { username: username.toLowerCase() });
      if (!user) throw new KernelError('USER_NOT_FOUND', `No user '${username}'. Users: ${(await em.find(User, {}, { orderBy: { username: 'asc' } })).map((u) => u.username).join(', ')}`);
      const password = o.password ?? generatePassword();
      await admin.auth.saveUser(em, { password, unlockPin: true }, { existing: user, knownRoles: await admin.roleNames() });
      console.log(`Password of '${user.username}' changed.${o.password ? '' : `\n  password: ${password}`}`);
    } finally {
      await admin.close();
    }
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof DomainError) {
    console.error(`Error: ${localize(e.text, 'en')}`);
    for (const f of e.errors ?? []) console.error(`  ${f.field}: ${localize(f.message, 'en')}`);
  } else if (e instanceof KernelError) {
    console.error(`Error: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});

export { describeDatabase };
