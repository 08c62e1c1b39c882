import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** This kernel's version. */
export const KERNEL_VERSION: string = require('../../package.json').version;
/** The software's name and version, stored with every journal entry and printed on every receipt. */
export const SOFTWARE = `Comptoir ${KERNEL_VERSION}`;
