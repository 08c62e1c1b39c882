import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController, i18n, t } from '../i18n/i18n.js';
import { dayPattern, formatDayIn, parseDayIn } from '../i18n/format.js';
import { icon } from '../icons.js';

/**
 * <cpt-date-field> — a day, shown and typed in the shop's locale (31/12/2026 in Belgium), not the browser's as
 * a native date input does; a button opens the browser's calendar to pick one.
 *
 * Properties: value (the API's '2026-12-31', or ''), testid (data-testid of the text input), label (accessible
 * name), disabled, invalid (set by a form that has an error for it).
 * Events: `change` (bubbles, composed) when a readable day has been typed or picked, or the field emptied; read
 * `value`. A text that is not a day is explained under the field and changes nothing.
 */
@customElement('cpt-date-field')
export class CptDateField extends LitElement {
  @property() value = '';
  @property() testid = '';
  @property() label = '';
  @property({ type: Boolean }) disabled = false;
  @property({ type: Boolean }) invalid = false;

  @state() private text: string | null = null;
  @state() private unreadable = false;
  @query('input.native') private native?: HTMLInputElement;
  @query('input.text') private input?: HTMLInputElement;
  private i18n = new LocaleController(this);

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .wrap {
      position: relative;
      display: flex;
    }
    input.text {
      box-sizing: border-box;
      width: 100%;
      min-width: 0;
      min-height: 44px;
      padding: 8px 48px 8px 12px;
      font: inherit;
      font-variant-numeric: tabular-nums;
      color: var(--cpt-text, #1b2430);
      background: var(--cpt-surface, #fff);
      border: 1px solid var(--cpt-border-strong, #b8c0ca);
      border-radius: var(--cpt-radius-sm, 6px);
    }
    input.text:focus-visible {
      outline: none;
      border-color: var(--cpt-focus, #2f7fd1);
      box-shadow: 0 0 0 3px var(--cpt-focus-ring, rgba(47, 127, 209, 0.3));
    }
    input.text[aria-invalid='true'] {
      border-color: var(--cpt-danger, #b42318);
    }
    input.text:disabled {
      background: var(--cpt-bg, #f4f5f7);
      color: var(--cpt-muted, #5b6675);
    }
    button {
      position: absolute;
      right: 2px;
      top: 2px;
      bottom: 2px;
      width: 42px;
      display: grid;
      place-items: center;
      border: 0;
      background: transparent;
      color: var(--cpt-muted, #5b6675);
      border-radius: var(--cpt-radius-sm, 6px);
      cursor: pointer;
    }
    button:hover {
      background: var(--cpt-hover, #eef1f4);
    }
    button:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
    }
    input.native {
      position: absolute;
      right: 0;
      bottom: 0;
      width: 1px;
      height: 1px;
      opacity: 0;
      pointer-events: none;
      border: 0;
      padding: 0;
    }
    .error {
      font-size: 0.8125rem;
      color: var(--cpt-danger, #b42318);
      margin-top: 4px;
    }
  `;

  override focus(): void {
    this.input?.focus();
  }

  /** "jj/mm/aaaa" in French, "dd/mm/jjjj" in Dutch, "dd/mm/yyyy" in English, in the locale's order. */
  private placeholder(): string {
    const { order, separator } = dayPattern(i18n.locale);
    return order.map((k) => t(`date.${k}Letters`)).join(separator);
  }

  private commit(value: string): void {
    this.value = value;
    this.text = null;
    this.unreadable = false;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onTextChange(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    if (text.trim() === '') return this.commit('');
    const day = parseDayIn(i18n.locale, text);
    if (day) return this.commit(day);
    this.text = text;
    this.unreadable = true;
  }

  private openCalendar(): void {
    const native = this.native;
    if (!native) return;
    native.value = this.value;
    try {
      native.showPicker();
    } catch {
      native.focus();
    }
  }

  override render() {
    const shown = this.text ?? formatDayIn(i18n.locale, this.value);
    const example = formatDayIn(i18n.locale, '2026-12-31');
    return html`<div class="wrap">
        <input
          class="text"
          inputmode="numeric"
          autocomplete="off"
          data-testid=${this.testid || nothing}
          aria-label=${this.label || nothing}
          aria-invalid=${this.invalid || this.unreadable ? 'true' : 'false'}
          placeholder=${this.placeholder()}
          .value=${shown}
          ?disabled=${this.disabled}
          @change=${this.onTextChange}
        />
        <button type="button" tabindex="-1" aria-label=${t('date.pick')} title=${t('date.pick')} ?disabled=${this.disabled} @click=${this.openCalendar}>
          ${icon('calendar', 18)}
        </button>
        <input class="native" type="date" tabindex="-1" aria-hidden="true" @change=${(e: Event) => this.commit((e.target as HTMLInputElement).value)} />
      </div>
      ${this.unreadable ? html`<div class="error" role="alert" data-testid=${this.testid ? `${this.testid}-unreadable` : nothing}>${t('date.unreadable', { example })}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-date-field': CptDateField;
  }
}
