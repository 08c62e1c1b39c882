/** Generated at build time by shell/vite-plugin.mjs from the workspace packages' `comptoir.ui` fields. */
declare module 'virtual:comptoir-plugins' {
  import type { PluginUi } from './plugin-api.js';
  /** The UI of every workspace package declaring `comptoir.ui`, in package folder order. */
  export const uis: PluginUi[];
  /** Name and version of those packages (same order as `uis`). */
  export const packages: { name: string; version: string }[];
}
