// Application entry (referenced by index.html). Loads the public API first so that plugin
// modules importing '@comptoir/shell' share the already evaluated module, then the app frame.
import { i18n, inputService, shortcuts } from './index.js';
import './app/app.js';

/**
 * Small global handle for devtools, device integrations without a module, and end-to-end tests:
 *   window.comptoir.scan('5410000000017')  → handled exactly like a scan read from a keyboard-wedge scanner.
 */
declare global {
  interface Window {
    comptoir?: { scan(code: string): void; setLanguage(language: 'fr' | 'nl' | 'en'): void; shortcuts: typeof shortcuts };
  }
}
window.comptoir = {
  scan: (code: string) => inputService.injectScan(String(code)),
  setLanguage: (language) => i18n.setLanguage(language, { persist: true }),
  shortcuts,
};
