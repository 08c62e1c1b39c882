/**
 * Entry of the notes plugin's browser UI, built to dist/ui/index.js: the shell imports it after sign-in, for the
 * messages. The screens and widgets are declared in src/plugin.ts; their modules load when they are shown.
 */
import { definePluginUi } from '@comptoir/shell';
import { messages } from './messages.js';

export default definePluginUi({ messages });
