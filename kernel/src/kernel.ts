import { resolve } from 'node:path';
import { createContainer, asValue, asClass, InjectionMode, type AwilixContainer } from 'awilix';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import { AsyncSeriesHook } from 'tapable';
import { KernelError, localize, type LocalizedText } from './errors.js';
import { kernelEntities, Role, KnownPermission, Shop, User } from './entities/index.js';
import { databaseConfig, describeDatabase, openOrm, type DatabaseConfig } from './db/orm.js';
import { runMigrations } from './db/migrations.js';
import { migrations as kernelMigrations } from './migrations/index.js';
import { definePlugin, type PluginDefinition, type PluginContext } from './plugin/define.js';
import { resolvePlugins } from './plugin/resolve.js';
import { enabledPluginNames } from './plugin/manager.js';
import { Journal, TECHNICAL_CHAIN } from './journal/journal.js';
import { KERNEL_VERSION, SOFTWARE } from './journal/software.js';
import { DEFAULT_SIGNING_KEY_FILE, InstallationKey } from './journal/signing.js';
import { journalStart, saveJournalState } from './journal/technical.js';
import { JournalArchives } from './journal/archive.js';
import { journalFiscalRoutes } from './http/journal-fiscal-routes.js';
import { Sequences } from './sequences.js';
import { AuthService } from './auth/auth.service.js';
import { generatePassword } from './auth/password.js';
import { EventBus } from './events.js';
import { Settings } from './settings.js';
import { defineHooks } from './hooks.js';
import { logEffectErrors } from './db/after-commit.js';
import { SignedInContext } from './auth/signed-in.js';
import { IdempotencyStore, IDEMPOTENCY_HOURS } from './http/idempotency.js';
import { ContainerNames, pluginContainer } from './plugin/container.js';
import { createHttpServer } from './http/server.js';
import { mountRoute } from './http/mount.js';
import { RouteRegistrar } from './http/routes.js';
import { kernelRoutes } from './http/kernel-routes.js';
import { ShellUi, uiCatalogue, uiRoutes, type UiPlugin } from './http/shell-ui.js';
import * as money from './money/index.js';
import { PrintService } from './print/print.service.js';
import { printRoutes } from './print/routes.js';
import { receiptTemplate } from './print/templates/receipt.js';

/** This kernel's version (checked against each plugin's `kernel` range), and the software's name and version. */
export { KERNEL_VERSION, SOFTWARE };

/** Wall clock, replaceable in tests. */
export interface Clock {
  now(): Date;
}

/** How an installation runs. */
export interface KernelOptions {
  /** The installed plugins (whether enabled or not). */
  plugins: PluginDefinition[];
  /** Folder for the SQLite file and other local data (default `./data`). */
  dataDir?: string;
  /**
   * The installation's Ed25519 private key (PEM), created at the first start if missing; default
   * `<dataDir>/keys/comptoir-signing-key.pem`. Kept outside the database: back it up apart from it.
   */
  signingKeyFile?: string;
  /** PostgreSQL URL (`postgres://…`) or `sqlite:/path`; default SQLite in `dataDir`. */
  databaseUrl?: string;
  /** The built shell to serve at `/` (null: none). */
  shellDir?: string | null;
  /** Plugin name → folder of its built browser UI (package.json `comptoir.ui`; see discoverInstallation). */
  uiDirs?: Record<string, string>;
  logLevel?: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  clock?: Clock;
  /** Run the HTTP server (default true). */
  http?: boolean;
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto to believe: `true`, or addresses and subnets
   * (`'loopback'`, `'10.0.0.1,192.168.1.0/24'`). Default false: the client's own address counts.
   */
  trustProxy?: boolean | string;
  /**
   * Names the server answers to besides addresses, `localhost` and the machine's own name (for example
   * `caisse.boulangerie.be`); `['*']` accepts any. Other Host headers get 421 (DNS rebinding).
   */
  allowedHosts?: string[];
  /** How long an Idempotency-Key and its answer are kept (default 24 hours). */
  idempotencyHours?: number;
  /**
   * How long a signed-in context (session, user, rights, station, shop) is trusted from memory before it is
   * read again (default 30 s; 0 reads it on every request). Changes made through this server take effect at
   * once; the delay only bounds changes made by another process on the same database.
   */
  sessionCacheSeconds?: number;
}

/** The kernel's own container names: no plugin may register them. */
const KERNEL_SERVICES = ['kernel', 'orm', 'http', 'hooks', 'money', 'sequences', 'journal', 'archives', 'auth', 'events', 'settings', 'logger', 'clock', 'print'];
/** How often expired idempotency keys are purged while the server runs. */
const PURGE_EVERY_MS = 3600_000;

/** The kernel's own extension points. */
export const getKernelHooks = defineHooks(() => ({
  /** After every plugin has started, before the server listens. */
  started: new AsyncSeriesHook<[Kernel]>(['kernel']),
  /** Before the database closes. */
  stopping: new AsyncSeriesHook<[Kernel]>(['kernel']),
}));

const KERNEL_PERMISSIONS = {
  'kernel.shop': { label: { fr: 'Modifier la fiche du magasin', nl: 'Winkelgegevens wijzigen', en: 'Edit the shop' }, roles: ['admin', 'manager'] },
  'kernel.stations': { label: { fr: 'Gérer les postes (caisses)', nl: 'Posten (kassa’s) beheren', en: 'Manage stations' }, roles: ['admin', 'manager'] },
  'kernel.users': { label: { fr: 'Gérer les utilisateurs et les rôles', nl: 'Gebruikers en rollen beheren', en: 'Manage users and roles' }, roles: ['admin'] },
  'kernel.plugins': { label: { fr: 'Activer et désactiver les modules', nl: 'Modules in- en uitschakelen', en: 'Enable and disable plugins' }, roles: ['admin'] },
  'kernel.journal': { label: { fr: 'Consulter et vérifier le journal fiscal', nl: 'Fiscaal journaal raadplegen en controleren', en: 'Read and verify the fiscal journal' }, roles: ['admin', 'manager'] },
  'kernel.print': { label: { fr: 'Adapter les modèles d’impression', nl: 'Afdruksjablonen aanpassen', en: 'Adapt print templates' }, roles: ['admin', 'manager'] },
} as const;

/** The kernel seen as a plugin: its tables, migrations, permissions and routes. */
export const kernelPluginDefinition = definePlugin({
  name: 'kernel',
  version: KERNEL_VERSION,
  kernel: '*',
  entities: kernelEntities,
  migrations: kernelMigrations,
  permissions: KERNEL_PERMISSIONS as unknown as PluginDefinition['permissions'],
  templates: [receiptTemplate],
});

const BUILTIN_ROLES: Record<string, { base: string[] }> = {
  admin: { base: ['*'] },
  manager: { base: [] },
  cashier: { base: [] },
};

/** A running installation: database, container, hooks, plugins and HTTP server. */
export class Kernel {
  readonly version = KERNEL_VERSION;
  readonly container: AwilixContainer;
  readonly db: DatabaseConfig;
  readonly available: readonly PluginDefinition[];
  readonly hooks = getKernelHooks(this);
  readonly clock: Clock;
  orm!: MikroORM;
  http!: FastifyInstance;
  enabled: PluginDefinition[] = [];
  journal!: Journal;
  /** The journal's signed archives per month and year, kept in the data folder. */
  archives!: JournalArchives;
  sequences!: Sequences;
  auth!: AuthService;
  events!: EventBus;
  settings!: Settings;
  /** Print templates, the shop's overrides, and rendering to HTML and PDF. */
  print!: PrintService;
  /** The archiving of ended periods started at boot or by the hourly timer; `close` waits for it. */
  archiving: Promise<void> = Promise.resolve();
  /** The signed-in context of requests, kept between requests (see auth/signed-in.ts). */
  signedIn!: SignedInContext;
  /** Stored answers of idempotent requests. */
  idempotency!: IdempotencyStore;
  /** The enabled plugins' browser UIs (screens, zone widgets, module URLs), served by `GET /api/ui`. */
  ui: UiPlugin[] = [];
  /** The data folder (SQLite file, signing key, archives). */
  readonly dataDir: string;
  /** The installation's signing key (see `KernelOptions.signingKeyFile`). */
  signingKey!: InstallationKey;
  /** Set on the very first start: the administrator account created and its password. */
  firstStart: { username: string; password: string } | null = null;
  private readonly permissions = new Map<string, { plugin: string; label: LocalizedText; roles: string[] }>();
  private readonly containerNames = new ContainerNames();
  private readonly contexts = new Map<string, PluginContext>();
  private purgeTimer: NodeJS.Timeout | null = null;
  private failureTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(readonly options: KernelOptions) {
    this.dataDir = resolve(options.dataDir ?? 'data');
    this.db = databaseConfig({ databaseUrl: options.databaseUrl, dataDir: this.dataDir });
    this.available = options.plugins;
    this.clock = options.clock ?? { now: () => new Date() };
    this.container = createContainer({ injectionMode: InjectionMode.PROXY, strict: true });
  }

  get log(): FastifyInstance['log'] {
    return this.http.log;
  }

  /** A fresh entity manager for work outside a request (CLI, jobs). */
  em(): EntityManager {
    return this.orm.em.fork();
  }

  /** Every declared permission name (kernel and enabled plugins). */
  permissionNames(): string[] {
    return [...this.permissions.keys()];
  }

  /** What a plugin's `register`, `routes`, `start` and `demo` receive: its own view of the container. */
  pluginContext(plugin: string): PluginContext {
    let ctx = this.contexts.get(plugin);
    if (!ctx) {
      ctx = { kernel: this, container: pluginContainer(this.container, plugin, this.containerNames), log: this.http.log };
      this.contexts.set(plugin, ctx);
    }
    return ctx;
  }

  /** Declared permissions with their plugin and label in a language. */
  permissionList(lang: 'fr' | 'nl' | 'en') {
    return [...this.permissions.entries()].map(([name, p]) => ({ name, plugin: p.plugin, label: localize(p.label, lang) }));
  }

  /** Opens the database, migrates, resolves and registers plugins, mounts routes. */
  async boot(): Promise<this> {
    const http = this.options.http !== false;
    this.http = await createHttpServer(this, { logLevel: this.options.logLevel ?? 'info', trustProxy: this.options.trustProxy, allowedHosts: this.options.allowedHosts });
    const entities = [...kernelEntities, ...this.available.flatMap((p) => p.entities ?? [])];
    this.orm = await openOrm(this.db, entities);
    try {
      await runMigrations(this.orm, this.db.dialect, [kernelPluginDefinition]);
      const names = await enabledPluginNames(this.orm.em.fork(), this.available);
      this.enabled = resolvePlugins(this.available, names, this.version);
      const ran = await runMigrations(this.orm, this.db.dialect, this.enabled);
      if (ran.length) this.log.info({ migrations: ran }, 'migrations applied');

      this.journal = new Journal({ clock: this.clock, software: SOFTWARE });
      const keyFile = resolve(this.dataDir, this.options.signingKeyFile ?? DEFAULT_SIGNING_KEY_FILE);
      this.signingKey = InstallationKey.loadOrCreate(keyFile).key;
      if (InstallationKey.tooOpen(keyFile)) this.log.warn(`the signing key ${keyFile} can be read by others than its owner: chmod 600 it`);
      this.journal.useKey(this.signingKey);
      this.archives = new JournalArchives({ dataDir: this.dataDir, journal: this.journal, clock: this.clock });
      this.sequences = new Sequences();
      this.auth = new AuthService({ journal: this.journal, clock: this.clock, freshEm: () => this.em() });
      logEffectErrors(this.orm.config, (err) => this.log.error({ err }, 'an effect after a commit failed; the data was committed'));
      this.events = new EventBus({ log: (err) => this.log.error({ err }, 'an event listener failed') });
      this.settings = new Settings();
      this.print = new PrintService({ journal: this.journal, clock: this.clock });
      for (const p of [kernelPluginDefinition, ...this.enabled]) this.print.register(p.name, p.templates ?? []);
      this.signedIn = new SignedInContext(this.auth, this.clock, () => this.permissionNames(), (this.options.sessionCacheSeconds ?? 30) * 1000);
      this.idempotency = new IdempotencyStore((this.options.idempotencyHours ?? IDEMPOTENCY_HOURS) * 3600_000, this.clock);
      this.container.register({
        kernel: asValue(this),
        orm: asValue(this.orm),
        http: asValue(this.http),
        hooks: asValue(this.hooks),
        money: asValue(money),
        sequences: asValue(this.sequences),
        journal: asValue(this.journal),
        archives: asValue(this.archives),
        auth: asValue(this.auth),
        events: asValue(this.events),
        settings: asValue(this.settings),
        logger: asValue(this.http.log),
        clock: asValue(this.clock),
        print: asValue(this.print),
      });
      for (const name of KERNEL_SERVICES) this.containerNames.claim(name, 'kernel');

      for (const p of [kernelPluginDefinition, ...this.enabled]) {
        for (const [name, def] of Object.entries(p.permissions ?? {})) {
          this.permissions.set(name, { plugin: p.name, label: def.label, roles: def.roles ?? ['admin'] });
        }
      }
      await this.syncRolesAndShop();

      for (const p of this.enabled) await p.register?.(this.pluginContext(p.name));
      for (const p of this.enabled) if (p.journalAnchors) this.journal.addAnchorSource(p.name, p.journalAnchors);

      this.ui = uiCatalogue(this.enabled, this.options.uiDirs ?? {}, (m) => this.log.warn(m));
      if (http) {
        this.http.comptoirShell = new ShellUi({ shellDir: this.options.shellDir ?? null, catalogue: this.ui, uiDirs: this.options.uiDirs ?? {}, warn: (m) => this.log.warn(m) });
        this.http.comptoirShell.mount(this.http);
      }
      const kr = new RouteRegistrar('/api');
      kernelRoutes(kr, this);
      journalFiscalRoutes(kr, this);
      uiRoutes(kr, () => this.ui);
      printRoutes(kr, this.print);
      for (const r of kr.routes) mountRoute(this, this.http, '/api', 'kernel', r);
      for (const p of this.enabled) {
        if (!p.routes) continue;
        const reg = new RouteRegistrar(`/api/${p.name}`);
        p.routes(reg, this.pluginContext(p.name));
        for (const r of reg.routes) mountRoute(this, this.http, `/api/${p.name}`, p.name, r);
      }
      for (const p of this.enabled) await p.start?.(this.pluginContext(p.name));
      await this.purgeIdempotencyKeys();
      this.purgeTimer = setInterval(() => void this.purgeIdempotencyKeys().then(() => { this.archiving = this.archiving.then(() => this.produceDueArchives()); }), PURGE_EVERY_MS);
      this.purgeTimer.unref();
      // Failed sign-ins counted during a window are journaled as one entry once it is over.
      this.failureTimer = setInterval(() => void this.auth.flushFailedSignIns().catch((err) => this.log.error({ err }, 'journaling failed sign-ins failed')), 60_000);
      this.failureTimer.unref();
      await this.hooks.started.promise(this);
      const started = await journalStart(this.journal, this.em(), {
        software: SOFTWARE, version: this.version, database: this.db.dialect, plugins: this.enabled.map((p) => `${p.name}@${p.version}`),
      }, this.journalStateFile());
      // The technical chain's first start is anchored outside the journal, like the shop's creation.
      if (!(await this.journal.anchors(this.em())).some((a) => a.chain === TECHNICAL_CHAIN)) {
        await this.journal.anchor(this.em(), { chain: TECHNICAL_CHAIN, seq: started.seq, hash: started.hash, source: 'kernel.started' });
      }
      // In the background: the first start after an upgrade may have months to archive.
      this.archiving = this.produceDueArchives();
      await this.http.ready();
    } catch (e) {
      if (this.purgeTimer) clearInterval(this.purgeTimer);
      if (this.failureTimer) clearInterval(this.failureTimer);
      await this.orm.close(true).catch(() => undefined);
      await this.http.close().catch(() => undefined);
      throw e;
    }
    return this;
  }

  /** New permissions go to their default roles once; the shop row and built-in roles exist; first admin. */
  private async syncRolesAndShop(): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const roles = new Map((await em.find(Role, {})).map((r) => [r.name, r]));
      for (const [name, def] of Object.entries(BUILTIN_ROLES)) {
        if (!roles.has(name)) {
          const role = em.create(Role, { name, permissions: [...def.base], builtin: true });
          roles.set(name, role);
        }
      }
      const known = new Set((await em.find(KnownPermission, {})).map((k) => k.name));
      for (const [name, p] of this.permissions) {
        if (known.has(name)) continue;
        em.create(KnownPermission, { name, plugin: p.plugin });
        for (const roleName of p.roles) {
          const role = roles.get(roleName);
          if (role && !role.permissions.includes('*') && !role.permissions.includes(name)) role.permissions = [...role.permissions, name];
        }
      }
      const shopCreated = !(await em.findOne(Shop, { id: 1 }));
      if (shopCreated) em.create(Shop, new Shop());
      await em.flush();
      if (shopCreated) {
        // The shop's first journal entry is anchored outside the journal: `verify` then knows the events chain
        // must exist and reach it, even if every entry and head were deleted.
        const entry = await this.journal.append(em, { chain: 'events', type: 'shop.created', payload: { version: this.version, database: this.db.dialect } });
        await this.journal.anchor(em, { chain: 'events', seq: entry.seq, hash: entry.hash, source: 'shop.created' });
      }
      if ((await em.count(User, {})) === 0) {
        const password = generatePassword();
        await this.auth.saveUser(em, { username: 'admin', displayName: 'Administrateur', password, roles: ['admin'], language: 'fr' },
          { knownRoles: [...roles.keys()] });
        this.firstStart = { username: 'admin', password };
      }
    });
  }

  /** Archives every ended month and year that has none yet (at start, then every hour); a failure is logged, never fatal. */
  async produceDueArchives(): Promise<void> {
    try {
      for (const a of await this.archives.produceDue(this.em())) this.log.info({ archive: a.file, entries: a.entries }, 'journal archive produced');
    } catch (err) {
      this.log.error({ err }, 'producing the journal archives failed');
    }
  }

  /** Forgets expired idempotency keys (at start, then every hour); a failure is logged, never fatal. */
  async purgeIdempotencyKeys(): Promise<number> {
    try {
      const n = await this.idempotency.purge(this.em());
      if (n) this.log.info({ keys: n }, 'expired idempotency keys purged');
      return n;
    } catch (err) {
      this.log.error({ err }, 'purging expired idempotency keys failed');
      return 0;
    }
  }

  /** Starts listening; returns the address. */
  async listen(port = 3000, host = '127.0.0.1'): Promise<string> {
    return this.http.listen({ port, host });
  }

  /** Journals the stop and closes the server and the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    if (this.failureTimer) clearInterval(this.failureTimer);
    try {
      await this.hooks.stopping.promise(this);
      await this.archiving;
      this.events?.shutdown();
      await this.http.close();
      await this.auth.flushFailedSignIns(true);
      await this.journal.technical(this.em(), 'kernel.stopped', { software: SOFTWARE });
      await saveJournalState(this.em(), this.journalStateFile());
    } finally {
      await this.orm.close(true);
    }
  }

  /** Where the data folder remembers how far the technical chain went (to notice a restored database). */
  journalStateFile(): string {
    return resolve(this.dataDir, 'journal-state.json');
  }

  describeDatabase(): string {
    return describeDatabase(this.db);
  }
}

/** Creates and boots a kernel. */
export async function createKernel(options: KernelOptions): Promise<Kernel> {
  if (!Array.isArray(options.plugins)) throw new KernelError('KERNEL_OPTIONS', 'createKernel needs the list of installed plugins');
  return new Kernel(options).boot();
}

export { asClass };
