/**
 * Entry of the till's browser UI (built to dist/ui/index.js): the shell imports it after sign-in for the
 * messages. The screens are declared in src/plugin.ts; each screen's module loads when the screen opens.
 */
import { LANGUAGES, definePluginUi, type Dictionaries } from '@comptoir/shell';
import { messages } from './messages.js';
import { backMessages } from './back-messages.js';
import { closureMessages } from './closure-messages.js';
import { statsMessages } from './stats/messages.js';
import { saleMessages } from './sale-messages.js';
import { approvalMessages } from './approval-messages.js';
import { invoiceMessages } from './invoice-messages.js';

const merged: Dictionaries = Object.fromEntries(LANGUAGES.map((lang) => [lang, { ...messages[lang], ...backMessages[lang], ...closureMessages[lang], ...statsMessages[lang], ...saleMessages[lang], ...approvalMessages[lang], ...invoiceMessages[lang] }]));

export default definePluginUi({ messages: merged });
