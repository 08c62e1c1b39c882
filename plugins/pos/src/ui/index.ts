/**
 * Entry of the till's browser UI (built to dist/ui/index.js): the shell imports it after sign-in for the
 * messages. The screens are declared in src/plugin.ts; each screen's module loads when the screen opens.
 */
import { definePluginUi } from '@comptoir/shell';
import { messages } from './messages.js';
import { saleMessages } from './sale-messages.js';

export default definePluginUi({
  messages: { fr: { ...messages.fr, ...saleMessages.fr }, nl: { ...messages.nl, ...saleMessages.nl }, en: { ...messages.en, ...saleMessages.en } },
});
