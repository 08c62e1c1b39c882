import type { ApiClient } from '../api/client.js';
import type { Session, UiPlugin } from '../api/types.js';
import { i18n } from '../i18n/i18n.js';
import type { PluginUi } from '../plugin-api.js';
import { fromCatalogue, type ModuleImporter, type RegisteredScreen, type RegisteredWidget } from './registry.js';

/** Imports a plugin module by its URL; the page's import map gives it the shell's Lit and API. */
export const importByUrl: ModuleImporter = (url) => import(/* @vite-ignore */ url);

/**
 * The plugins' UIs of this page: what `GET /api/ui` lists (the enabled plugins' entries, screens and zone
 * widgets), loaded once after sign-in, and the signed-in session that zones show widgets for.
 */
export class PluginUis {
  screens: RegisteredScreen[] = [];
  widgets: RegisteredWidget[] = [];
  api: ApiClient | null = null;
  session: Session | null = null;
  private loaded: Promise<string[]> | null = null;
  private listeners = new Set<() => void>();

  constructor(private readonly importer: ModuleImporter = importByUrl) {}

  /**
   * Reads the catalogue and imports each plugin's entry module (its messages) once; later calls wait for the
   * first. Resolves with the names of the plugins whose entry failed to load (their screens still route).
   */
  load(api: ApiClient): Promise<string[]> {
    this.loaded ??= this.read(api).catch((err) => {
      this.loaded = null;
      throw err;
    });
    return this.loaded;
  }

  private async read(api: ApiClient): Promise<string[]> {
    const { plugins } = await api.get<{ plugins: UiPlugin[] }>('/ui');
    const failed: string[] = [];
    await Promise.all(
      plugins.filter((p) => p.entry).map(async (p) => {
        try {
          const mod = (await this.importer(p.entry!)) as { default?: PluginUi } | undefined;
          i18n.addMessages(mod?.default?.messages);
        } catch (err) {
          console.error(`[comptoir] the UI entry of plugin ${p.name} (${p.entry}) did not load`, err);
          failed.push(p.name);
        }
      }),
    );
    Object.assign(this, fromCatalogue(plugins, this.importer));
    this.emit();
    return failed;
  }

  /** The API client and session zones give their widgets (null when signed out). */
  setSession(api: ApiClient | null, session: Session | null): void {
    this.api = api;
    this.session = session;
    this.emit();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The page's plugin UIs (one per page: the shell's frame fills it, zones read it). */
export const pluginUis = new PluginUis();
