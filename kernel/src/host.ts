// @comptoir/kernel/host: what only the host and the CLI need — booting a kernel, opening the database,
// running migrations, seeding and wiping the demo, switching plugins. Plugins import `@comptoir/kernel`.
export { createKernel, kernelPluginDefinition, type KernelOptions } from './kernel.js';
export { openAdmin, type AdminContext } from './admin.js';
export { openOrm, databaseConfig, describeDatabase, type DatabaseConfig } from './db/orm.js';
export { runMigrations } from './db/migrations.js';
export { resolvePlugins } from './plugin/resolve.js';
export { listPlugins, setPluginEnabled, enabledPluginNames, type PluginStatus } from './plugin/manager.js';
export { discoverPlugins, discoverInstallation, findShellDir, pluginNameFor, type Installation } from './plugin/discover.js';
export { seedDemo, wipeDatabase, DEMO_ACCOUNTS } from './demo.js';
export { Role, Session, JournalEntry, PluginState, IdempotencyRecord } from './entities/index.js';
export { verifyArchives, verifyArchive, type ArchivesReport, type ArchiveCheck } from './journal/archive-verify.js';
export { packTar, unpackTar, type TarMember } from './journal/tar.js';
