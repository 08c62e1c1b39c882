/**
 * Entry of the till's browser UI (built to dist/ui/index.js): the shell imports it after sign-in for the
 * messages. The screens are declared in src/plugin.ts; each screen's module loads when the screen opens.
 */
import { definePluginUi, type Dictionaries, type Language } from '@comptoir/shell';
import { messages } from './messages.js';
import { statsMessages } from './stats/messages.js';

export default definePluginUi({
  messages: Object.fromEntries(Object.entries(messages).map(([lang, m]) => [lang, { ...m, ...statsMessages[lang as Language] }])) as Dictionaries,
});
