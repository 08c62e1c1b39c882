/**
 * UI of the catalogue plugin (@comptoir/catalog), discovered by the shell through
 * "comptoir": { "ui": "./src/ui/index.ts" } in the package.json. Screens load lazily.
 */
import type { PluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export const ui: PluginUi = {
  plugin: 'catalog',
  messages,
  screens: [
    {
      path: 'catalog/articles',
      tag: 'cpt-catalog-articles',
      title: 'catalog.articles.title',
      icon: 'box',
      permission: 'catalog.read',
      group: 'catalog.group',
      order: 200,
      load: () => import('./articles-screen.js'),
    },
    {
      path: 'catalog/families',
      tag: 'cpt-catalog-families',
      title: 'catalog.families.title',
      icon: 'tag',
      permission: 'catalog.read',
      group: 'catalog.group',
      order: 205,
      load: () => import('./families-screen.js'),
    },
    {
      path: 'catalog/customers',
      tag: 'cpt-catalog-customers',
      title: 'catalog.customers.title',
      icon: 'users',
      permission: 'catalog.read',
      group: 'catalog.group',
      order: 210,
      load: () => import('./customers-screen.js'),
    },
    {
      path: 'catalog/suppliers',
      tag: 'cpt-catalog-suppliers',
      title: 'catalog.suppliers.title',
      icon: 'truck',
      permission: 'catalog.read',
      group: 'catalog.group',
      order: 220,
      load: () => import('./suppliers-screen.js'),
    },
  ],
};

export default ui;
