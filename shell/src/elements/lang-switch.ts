import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocaleController, i18n, t } from '../i18n/i18n.js';
import { LANGUAGES, type Language } from '../api/types.js';

/**
 * <cpt-lang-switch> — the FR · NL · EN buttons shown in the header, on the sign-in screen and in the
 * first-run setup. Events: `language-change` { language } (bubbles, composed); the app applies it.
 * Each button has data-testid="lang-<code>".
 */
@customElement('cpt-lang-switch')
export class CptLangSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      flex: none;
      border: 1px solid var(--cpt-border-strong);
      border-radius: var(--cpt-radius-sm);
      overflow: hidden;
    }
    button {
      font: inherit;
      font-size: 0.8125rem;
      font-weight: 600;
      min-width: 44px;
      min-height: 44px;
      border: 0;
      background: var(--cpt-surface);
      color: var(--cpt-muted);
      cursor: pointer;
    }
    button + button {
      border-left: 1px solid var(--cpt-border);
    }
    button[aria-pressed='true'] {
      background: var(--cpt-primary);
      color: var(--cpt-on-primary);
    }
    button:focus-visible {
      outline: 3px solid var(--cpt-focus);
      outline-offset: -3px;
    }
  `;

  private i18n = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'group');
  }

  override render() {
    this.setAttribute('aria-label', t('header.language'));
    return LANGUAGES.map(
      (l: Language) => html`<button
        type="button"
        lang=${l}
        data-testid=${`lang-${l}`}
        title=${t(`language.${l}`)}
        aria-pressed=${i18n.language === l ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new CustomEvent('language-change', { detail: { language: l }, bubbles: true, composed: true }))}
      >
        ${l.toUpperCase()}
      </button>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-lang-switch': CptLangSwitch;
  }
}
