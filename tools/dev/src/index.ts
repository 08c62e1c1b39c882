// Public API of @comptoir/dev: what the comptoir-dev command does, for scripts that want it without the CLI.
export { buildUi, type UiBuildOptions } from './ui.js';
export { generateMigration, type MigrationOptions, type MigrationResult } from './migration.js';
