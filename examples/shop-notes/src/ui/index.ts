/**
 * UI of the notes plugin, found by the shell through "comptoir": { "ui": "./src/ui/index.ts" } in package.json.
 * Screens load lazily; the shell shows them when the plugin is enabled and the user holds the permission.
 */
import type { PluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export const ui: PluginUi = {
  plugin: 'notes',
  messages,
  screens: [
    {
      path: 'notes/recent',
      tag: 'cpt-notes-recent',
      title: 'notes.title',
      icon: 'edit',
      permission: 'catalog.read',
      group: 'catalog.group',
      order: 290,
      load: () => import('./recent-notes-screen.js'),
    },
  ],
};

export default ui;
