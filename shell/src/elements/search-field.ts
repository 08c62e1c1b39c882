import { LitElement, css, html, nothing } from 'lit';
import { focusWhenShown } from '../util.js';
import { customElement, property, query } from 'lit/decorators.js';
import { icon } from '../icons.js';
import { LocaleController, t } from '../i18n/i18n.js';

/**
 * <cpt-search-field> — search input with debounce.
 *
 * Properties: value, placeholder, label (accessible name), delay (ms, default 300),
 * testid (set as data-testid on the inner <input>), autofocus (the field takes the focus when it appears).
 * Events: `search` (CustomEvent<{ value: string; submitted: boolean }>, bubbles, composed) — after `delay` ms
 * without typing, immediately on Enter (`submitted` true: a screen may then open the only hit), and when
 * cleared (✕ button or Escape).
 * Methods: focus(), select(), clear().
 */
@customElement('cpt-search-field')
export class CptSearchField extends LitElement {
  @property() value = '';
  @property() placeholder = '';
  @property() label = '';
  @property({ type: Number }) delay = 300;
  @property() testid = '';
  @property({ type: Boolean }) override autofocus = false;

  @query('input') private input!: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastEmitted: string | null = null;
  private i18n = new LocaleController(this);

  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-width: 0;
    }
    .wrap {
      --lead-left: 12px;
      --lead-size: 20px;
      position: relative;
      display: flex;
      align-items: center;
    }
    /* The magnifier sits inside the field's left padding. Its own class: the <svg> of icon() is also class="icon",
       and styling both would push the glyph 12px further right, onto the text. */
    .lead {
      position: absolute;
      left: var(--lead-left);
      top: 50%;
      transform: translateY(-50%);
      display: flex;
      color: var(--cpt-muted, #5b6675);
      pointer-events: none;
    }
    .lead svg {
      display: block;
      width: var(--lead-size);
      height: var(--lead-size);
    }
    input {
      box-sizing: border-box;
      font: inherit;
      color: inherit;
      width: 100%;
      min-height: var(--cpt-touch, 44px);
      /* Left: the magnifier and a 10px gap before the text; right: the 44px clear button. */
      padding: 0 44px 0 calc(var(--lead-left) + var(--lead-size) + 10px);
      border: 1px solid var(--cpt-border-strong, #b8c0ca);
      border-radius: var(--cpt-radius-sm, 6px);
      background: var(--cpt-surface, #fff);
      -webkit-appearance: none;
      appearance: none;
    }
    input::-webkit-search-cancel-button {
      display: none;
    }
    input:focus-visible {
      outline: none;
      border-color: var(--cpt-focus, #2f7fd1);
      box-shadow: 0 0 0 3px var(--cpt-focus-ring, rgba(47, 127, 209, 0.3));
    }
    .clear {
      position: absolute;
      right: 0;
      width: 44px;
      height: 44px;
      display: grid;
      place-items: center;
      border: 0;
      background: transparent;
      color: var(--cpt-muted, #5b6675);
      cursor: pointer;
      border-radius: var(--cpt-radius-sm, 6px);
    }
    .clear:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: -3px;
    }
  `;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
  }

  override firstUpdated(): void {
    if (this.autofocus) focusWhenShown(() => this.input);
  }

  override focus(): void {
    this.input?.focus();
  }

  select(): void {
    this.input?.select();
  }

  clear(): void {
    this.value = '';
    if (this.input) this.input.value = '';
    this.emit(true);
  }

  private onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit(), this.delay);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.emit(true, true);
    } else if (e.key === 'Escape' && this.value) {
      e.stopPropagation();
      e.preventDefault();
      this.clear();
    }
  }

  private emit(force = false, submitted = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!force && this.value === this.lastEmitted) return;
    this.lastEmitted = this.value;
    this.dispatchEvent(new CustomEvent('search', { detail: { value: this.value.trim(), submitted }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<div class="wrap">
      <span class="lead">${icon('search', 20)}</span>
      <input
        type="search"
        enterkeyhint="search"
        autocomplete="off"
        spellcheck="false"
        data-testid=${this.testid || nothing}
        .value=${this.value}
        placeholder=${this.placeholder || t('shell.search')}
        aria-label=${this.label || this.placeholder || t('shell.search')}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
      />
      ${this.value
        ? html`<button class="clear" type="button" aria-label=${t('shell.clear')} title=${t('shell.clear')} @click=${() => this.clear()}>
            ${icon('close', 18)}
          </button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-search-field': CptSearchField;
  }
}
