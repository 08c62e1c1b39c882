import type { JournalAnchorSource } from '../journal/journal.js';
import type { AwilixContainer } from 'awilix';
import type { EntitySchema, EntityManager } from '@mikro-orm/core';
import type { LocalizedText } from '../errors.js';
import type { RouteRegistrar } from '../http/routes.js';
import type { Kernel } from '../kernel.js';
import type { Migration, Dialect } from '../db/migrations.js';
import type { PrintTemplateDefinition } from '../print/model.js';
import { checkUiDeclarations, type ScreenDefinition, type WidgetDefinition } from './ui-contract.js';

/** A permission a plugin declares; `roles` lists the built-in roles that receive it on first start. */
export interface PermissionDefinition {
  label: LocalizedText;
  roles?: Array<'admin' | 'manager' | 'cashier'>;
}

export type { ScreenDefinition, WidgetDefinition } from './ui-contract.js';

/** What a plugin's `register`, `start` and `demo` functions receive. */
export interface PluginContext {
  kernel: Kernel;
  container: AwilixContainer;
  log: Kernel['log'];
}

/** What a plugin's demo seeder receives: a transactional entity manager. */
export interface DemoContext extends PluginContext {
  em: EntityManager;
  shopCountry: string;
}

/** The whole contract between a plugin package and the kernel. */
export interface PluginDefinition {
  /** Short, unique, lower-case name; prefixes tables, routes (`/api/<name>`) and permissions. */
  name: string;
  version: string;
  description?: LocalizedText;
  /** semver range of kernel versions this plugin works with. */
  kernel: string;
  /** Hard dependencies: plugin name → semver range. */
  requires?: Record<string, string>;
  /** Optional dependencies whose hooks this plugin taps when they are enabled. */
  enhances?: string[];
  /** Enabled on a fresh installation (default true). */
  defaultEnabled?: boolean;
  entities?: EntitySchema<any, any>[];
  migrations?: Partial<Record<Dialect, Migration[]>>;
  permissions?: Record<string, PermissionDefinition>;
  /** Registers the plugin's services in the root container and taps other plugins' hooks. */
  register?(ctx: PluginContext): void | Promise<void>;
  /** Declares the plugin's HTTP routes, mounted under `/api/<name>`. */
  routes?(r: RouteRegistrar, ctx: PluginContext): void;
  /** Screens the plugin adds to the shell; their modules live in the package's UI folder (package.json `comptoir.ui`). */
  screens?: ScreenDefinition[];
  /** Widgets the plugin puts in named zones of screens (its own or other plugins'). */
  widgets?: WidgetDefinition[];
  /**
   * Anchors of the fiscal journal this plugin keeps in its own tables (for example the chain heads each Z
   * closure recorded and printed): `journal verify` requires every anchored chain to reach them.
   */
  journalAnchors?: JournalAnchorSource;
  /** Print templates (receipt, A4 document, label), each with the id `<plugin>.<name>`; a shop may override their texts, logo and blocks. */
  templates?: PrintTemplateDefinition<any>[];
  /** Called once the kernel is fully started. */
  start?(ctx: PluginContext): void | Promise<void>;
  /** Fills a fresh demo installation with believable data. */
  demo?(ctx: DemoContext): Promise<void>;
}

const NAME_RE = /^[a-z][a-z0-9-]{1,39}$/;

/** Declares a plugin; checks the definition's shape so mistakes surface when the package loads. */
export function definePlugin<T extends PluginDefinition>(def: T): Readonly<T> {
  const where = `Plugin '${def?.name ?? '?'}'`;
  if (!def || typeof def !== 'object') throw new TypeError('definePlugin expects an object');
  if (!NAME_RE.test(def.name ?? '')) {
    throw new TypeError(`${where}: name must be 2-40 lower-case letters, digits or '-', starting with a letter`);
  }
  if (!def.version || !/^\d+\.\d+\.\d+/.test(def.version)) throw new TypeError(`${where}: version must be semver (e.g. 1.0.0)`);
  if (!def.kernel) throw new TypeError(`${where}: 'kernel' must give the supported kernel version range (e.g. ^0.1.0)`);
  for (const perm of Object.keys(def.permissions ?? {})) {
    if (!perm.startsWith(`${def.name}.`)) {
      throw new TypeError(`${where}: permission '${perm}' must start with '${def.name}.'`);
    }
  }
  checkUiDeclarations(where, def.screens, def.widgets);
  checkTemplates(where, def.templates);
  return Object.freeze(def);
}

const TEMPLATE_NAME_RE = /^[a-z][a-z0-9-]{0,39}$/;

/** Template names are unique within the plugin, kinds known, and `sample`/`render` functions. */
function checkTemplates(where: string, templates: readonly PrintTemplateDefinition[] = []): void {
  const seen = new Set<string>();
  for (const t of templates) {
    if (!TEMPLATE_NAME_RE.test(t?.name ?? '')) throw new TypeError(`${where}: template name '${t?.name}' must be lower-case letters, digits or '-'`);
    if (seen.has(t.name)) throw new TypeError(`${where}: template '${t.name}' is declared twice`);
    seen.add(t.name);
    if (!['receipt', 'document', 'label'].includes(t.kind)) throw new TypeError(`${where}: template '${t.name}' has kind '${t.kind}'; expected receipt, document or label`);
    if (typeof t.render !== 'function' || typeof t.sample !== 'function') throw new TypeError(`${where}: template '${t.name}' needs render and sample functions`);
    for (const [key, block] of Object.entries(t.blocks ?? {})) if (!block?.label) throw new TypeError(`${where}: template '${t.name}' block '${key}' needs a label`);
  }
}
