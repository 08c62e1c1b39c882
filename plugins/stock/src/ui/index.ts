/**
 * Entry of the stock's browser UI (built to dist/ui/index.js): the shell imports it after sign-in for the messages.
 * The screens are declared in src/plugin.ts; each screen's module loads when the screen opens.
 */
import { definePluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export default definePluginUi({ messages });
