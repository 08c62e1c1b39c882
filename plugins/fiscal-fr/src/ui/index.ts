/**
 * Entry of the fiscal-fr plugin's browser UI, built to dist/ui/index.js: the shell imports it after sign-in, for the
 * messages. The screens are declared in src/plugin.ts; their modules load when they are shown.
 */
import { definePluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export default definePluginUi({ messages });
