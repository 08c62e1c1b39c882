import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../icons.js';
import { LocaleController, t } from '../i18n/i18n.js';

/**
 * <cpt-keypad> — on-screen numeric keypad (PIN entry, quantities, amounts).
 *
 * Properties: value (string), maxLength (0 = unlimited), masked (display dots, for PINs),
 * decimal (adds a ',' key), decimals (max digits after ',', default unlimited), fresh (the next
 * digit replaces the value instead of appending, like a calculator; set when opening on an existing
 * value), display (show the value above the keys, default true),
 * keyboard (also accept digits/Backspace/Enter typed on the physical keyboard while no text
 * field has focus), okLabel, testid (prefix of the keys' data-testid: `<testid>-1`, `<testid>-back`,
 * `<testid>-clear`, `<testid>-ok`, `<testid>-display`; default 'keypad'), disabled.
 * Events (bubbles, composed): `keypad-input` { value } on every change, `keypad-submit` { value } on OK/Enter.
 */
@customElement('cpt-keypad')
export class CptKeypad extends LitElement {
  @property() value = '';
  @property({ type: Number }) maxLength = 0;
  @property({ type: Boolean }) masked = false;
  @property({ type: Boolean }) decimal = false;
  @property({ type: Number }) decimals = -1;
  @property({ type: Boolean }) fresh = false;
  @property({ type: Boolean }) display = true;
  @property({ type: Boolean }) keyboard = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property() okLabel = '';
  @property() testid = 'keypad';

  private i18n = new LocaleController(this);

  static override styles = css`
    :host {
      display: block;
      max-width: 320px;
      user-select: none;
    }
    .display {
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 56px;
      margin-bottom: 12px;
      border: 1px solid var(--cpt-border, #d5dae1);
      border-radius: var(--cpt-radius-sm, 6px);
      background: var(--cpt-surface, #fff);
      font-size: 1.75rem;
      font-variant-numeric: tabular-nums;
    }
    .display.masked {
      letter-spacing: 0.25em;
    }
    .placeholder {
      color: var(--cpt-border-strong, #b8c0ca);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
    }
    button {
      font: inherit;
      font-size: 1.5rem;
      font-weight: 500;
      min-height: 60px;
      border-radius: var(--cpt-radius, 8px);
      border: 1px solid var(--cpt-border, #d5dae1);
      background: var(--cpt-surface, #fff);
      color: var(--cpt-text, #1b2430);
      cursor: pointer;
      display: grid;
      place-items: center;
      -webkit-tap-highlight-color: transparent;
    }
    button:hover:not(:disabled) {
      background: var(--cpt-hover, #eef1f4);
    }
    button:active:not(:disabled) {
      background: var(--cpt-primary-soft, #e6eff7);
    }
    button:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: 2px;
    }
    button.fn {
      font-size: 1rem;
      color: var(--cpt-muted, #5b6675);
    }
    button.ok {
      grid-column: 1 / -1;
      background: var(--cpt-primary, #1d5c8f);
      border-color: var(--cpt-primary, #1d5c8f);
      color: var(--cpt-on-primary, #fff);
      font-size: 1.125rem;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onWindowKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onWindowKey);
  }

  /** Apply one key: '0'…'9', ',', 'back', 'clear', 'ok'. */
  press(key: string): void {
    if (this.disabled) return;
    let v = this.value;
    if (key === 'ok') {
      this.dispatchEvent(new CustomEvent('keypad-submit', { detail: { value: v }, bubbles: true, composed: true }));
      return;
    }
    if (this.fresh && (key === ',' || /^[0-9]$/.test(key))) v = '';
    this.fresh = false;
    if (key === 'back') v = v.slice(0, -1);
    else if (key === 'clear') v = '';
    else if (key === ',') {
      if (!this.decimal || v.includes(',')) return;
      v = (v || '0') + ',';
    } else if (/^[0-9]$/.test(key)) {
      if (this.maxLength && v.length >= this.maxLength) return;
      const comma = v.indexOf(',');
      if (comma >= 0 && this.decimals >= 0 && v.length - comma - 1 >= this.decimals) return;
      v += key;
    } else return;
    if (v === this.value) return;
    this.value = v;
    this.dispatchEvent(new CustomEvent('keypad-input', { detail: { value: v }, bubbles: true, composed: true }));
  }

  private onWindowKey = (e: KeyboardEvent): void => {
    if (!this.keyboard || this.disabled || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    // Don't steal keys while a modal dialog that doesn't contain this keypad is open.
    const key = e.key;
    if (/^[0-9]$/.test(key)) this.press(key);
    else if ((key === ',' || key === '.') && this.decimal) this.press(',');
    else if (key === 'Backspace') this.press('back');
    else if (key === 'Delete') this.press('clear');
    else if (key === 'Enter') {
      // Let Enter on a focused button (e.g. a keypad key itself) behave natively.
      if (target && target.tagName === 'BUTTON') return;
      this.press('ok');
    } else return;
    e.preventDefault();
  };

  private key(label: unknown, key: string, cls = '', aria?: string) {
    return html`<button
      type="button"
      class=${cls}
      data-testid=${`${this.testid}-${key === ',' ? 'comma' : key}`}
      aria-label=${aria ?? nothing}
      ?disabled=${this.disabled}
      @click=${() => this.press(key)}
    >
      ${label}
    </button>`;
  }

  override render() {
    const shown = this.masked ? '•'.repeat(this.value.length) : this.value;
    return html`
      ${this.display
        ? html`<div class="display ${this.masked ? 'masked' : ''}" data-testid=${`${this.testid}-display`} aria-live="polite" aria-label=${this.masked ? t('keypad.digits', { count: this.value.length }) : this.value}>
            ${shown || html`<span class="placeholder">${this.masked ? '····' : '0'}</span>`}
          </div>`
        : nothing}
      <div class="grid" role="group" aria-label=${t('keypad.label')}>
        ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => this.key(d, d))}
        ${this.decimal ? this.key(',', ',') : this.key('C', 'clear', 'fn', t('keypad.clear'))}
        ${this.key('0', '0')} ${this.key(icon('backspace', 24), 'back', 'fn', t('keypad.back'))}
        ${this.key(this.okLabel || t('keypad.ok'), 'ok', 'ok')}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-keypad': CptKeypad;
  }
}
