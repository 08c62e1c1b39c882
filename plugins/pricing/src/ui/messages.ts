/** Messages of the pricing screens, merged into the shell's dictionaries. French first, then Dutch and English. */
import type { Dictionaries } from '@comptoir/shell';
import { fr } from './messages-fr.js';
import { nl } from './messages-nl.js';
import { en } from './messages-en.js';

export const messages: Dictionaries = { fr, nl, en };
