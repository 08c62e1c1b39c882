/**
 * Entry of the device manager's browser UI (built to dist/ui/index.js): the shell imports it after sign-in for the
 * messages. The screen is declared in src/plugin.ts and loads when it opens.
 */
import { definePluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export default definePluginUi({ messages });
