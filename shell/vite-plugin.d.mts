import type { InlineConfig, Plugin } from 'vite';

/** Module names a plugin UI imports from the shell at run time: '@comptoir/shell', 'lit' and lit's modules. */
export declare const SHARED_MODULES: string[];
/** The entry name of a shared module in the shell's build ('lit/directives/repeat.js' → 'shared-lit-directives-repeat'). */
export declare function sharedEntryName(specifier: string): string;
/** The shell's build: one entry per shared module, and dist/shared-modules.json. */
export declare function sharedModules(): Plugin;
/** The shell's dev server: an import map leading the shared names to modules it serves. */
export declare function devImportMap(): Plugin;
/** Writes .br and .gz next to each text file of 1 KB or more. */
export declare function precompress(): Plugin;
/** A plugin UI build: shared modules stay imports; a copy of Lit stops the build. */
export declare function externalShared(): Plugin;
/** The top-level modules of a plugin's src/ui, by output name. */
export declare function uiEntries(srcDir: string): Record<string, string>;
/** The Vite configuration of a plugin's UI build (src/ui/*.ts → dist/ui/*.js). */
export declare function pluginUiConfig(options: { root: string; srcDir?: string; outDir?: string; watch?: boolean }): InlineConfig;
