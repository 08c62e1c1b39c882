import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { icon } from '../icons.js';
import { LocaleController, formatAmount, formatNumber, i18n, t } from '../i18n/i18n.js';
import { parseDecimal, parseMoney } from '../i18n/format.js';
import './keypad.js';
import './dialog.js';
import type { CptDialog } from './dialog.js';

export type NumericMode = 'money' | 'decimal' | 'integer';

/** Detail of a numeric field's `change` event. */
export interface NumericChange {
  /** The number typed (cents in money mode), null when empty or unreadable. */
  value: number | null;
  /** False when the text is not a number or is out of range. */
  valid: boolean;
  /** What was typed. */
  text: string;
  /** Why the text is refused, in words, in the interface's language ('' when valid). */
  message: string;
}

/**
 * <cpt-numeric-field> — number input that accepts ',' or '.' and formats in the shop locale.
 *
 * Properties: value (number | null; in `money` mode an integer amount of CENTS), mode
 * ('money' | 'decimal' | 'integer', default 'money'), decimals (max decimals in 'decimal' mode,
 * default 3), min, max, placeholder, disabled, required, invalid (red border; set by cpt-field),
 * suffix (text after the input, defaults to the currency symbol in money mode), keypad (adds a
 * button that opens an on-screen keypad), testid (data-testid of the inner <input>;
 * the keypad button gets `<testid>-keypad`).
 * Read-only properties: valid (false when the typed text cannot be parsed or is out of range) and
 * validationMessage (why, in words: "« 4,9x » n'est pas un montant : …").
 * Events: `change` (CustomEvent<NumericChange>: value, valid, text, message; bubbles, composed) on every
 * edit. Enter commits and submits the enclosing form.
 */
@customElement('cpt-numeric-field')
export class CptNumericField extends LitElement {
  @property({ type: Number }) value: number | null = null;
  @property() mode: NumericMode = 'money';
  @property({ type: Number }) decimals = 3;
  @property({ type: Number }) min: number | undefined;
  @property({ type: Number }) max: number | undefined;
  @property() placeholder = '';
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean }) required = false;
  @property({ type: Boolean, reflect: true }) invalid = false;
  @property() suffix: string | undefined;
  @property({ type: Boolean }) keypad = false;
  @property() testid = '';
  /** Accessible name (the `aria-label` attribute, set by <cpt-field> from its label). */
  @property({ attribute: 'aria-label' }) accessibleName = '';

  @state() private text = '';
  @state() private focused = false;
  @state() private keypadValue = '';
  @state() private keypadFresh = true;
  @state() private parseError = false;
  @query('input') private input!: HTMLInputElement;
  @query('cpt-dialog') private dialog!: CptDialog;
  private i18n = new LocaleController(this);

  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
      box-sizing: border-box;
    }
    .wrap {
      box-sizing: border-box;
      display: flex;
      align-items: stretch;
      border: 1px solid var(--cpt-border-strong, #b8c0ca);
      border-radius: var(--cpt-radius-sm, 6px);
      background: var(--cpt-surface, #fff);
      min-height: var(--cpt-touch, 44px);
      overflow: hidden;
    }
    .wrap:focus-within {
      border-color: var(--cpt-focus, #2f7fd1);
      box-shadow: 0 0 0 3px var(--cpt-focus-ring, rgba(47, 127, 209, 0.3));
    }
    :host([invalid]) .wrap,
    .wrap.bad {
      border-color: var(--cpt-danger, #b42318);
    }
    :host([disabled]) .wrap {
      background: var(--cpt-bg, #f4f5f7);
    }
    input {
      flex: 1;
      min-width: 0;
      font: inherit;
      color: inherit;
      border: 0;
      outline: none;
      background: transparent;
      padding: 0 12px;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .suffix {
      display: grid;
      place-items: center;
      padding: 0 12px 0 0;
      color: var(--cpt-muted, #5b6675);
    }
    .kp {
      width: 44px;
      border: 0;
      border-left: 1px solid var(--cpt-border, #d5dae1);
      background: var(--cpt-bg, #f4f5f7);
      color: var(--cpt-muted, #5b6675);
      cursor: pointer;
      display: grid;
      place-items: center;
    }
    .kp:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: -3px;
    }
    cpt-keypad {
      margin: 0 auto;
    }
  `;

  /** False when the typed text is not a number or is out of range. */
  get valid(): boolean {
    return !this.parseError && !this.outOfRange(this.value);
  }

  /** Why the typed text is refused, in words ('' when it is fine). */
  get validationMessage(): string {
    return this.messageFor(this.text, this.parseError ? null : this.value, !this.parseError);
  }

  private messageFor(text: string, value: number | null, parsed: boolean): string {
    const shown = text.trim();
    if (!parsed) {
      // The example is written the way this shop's locale writes numbers (4,95 in Belgium and France).
      if (this.mode === 'money') return t('numeric.notAmount', { text: shown, example: formatAmount(495) });
      if (this.mode === 'integer') return t(parseDecimal(text) !== null ? 'numeric.notWhole' : 'numeric.notNumber', { text: shown, example: formatNumber(6) });
      return t('numeric.notNumber', { text: shown, example: formatNumber(1.5) });
    }
    if (value === null) return '';
    const show = (v: number) => (this.mode === 'money' ? formatAmount(v) : formatNumber(v, { maximumFractionDigits: this.decimals }));
    if (this.min !== undefined && value < this.min) return t('numeric.belowMin', { min: show(this.min) });
    if (this.max !== undefined && value > this.max) return t('numeric.aboveMax', { max: show(this.max) });
    return '';
  }

  override focus(): void {
    this.input?.focus();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('value') || changed.has('mode')) && !this.focused) {
      this.text = this.format(this.value, false);
      this.parseError = false;
    }
  }

  private format(value: number | null, editing: boolean): string {
    if (value === null || value === undefined || Number.isNaN(value)) return '';
    if (this.mode === 'money') return formatAmount(value);
    if (this.mode === 'integer') return editing ? String(Math.trunc(value)) : formatNumber(value, { maximumFractionDigits: 0 });
    return editing
      ? formatNumber(value, { maximumFractionDigits: this.decimals, useGrouping: false })
      : formatNumber(value, { maximumFractionDigits: this.decimals });
  }

  private parse(text: string): { value: number | null; ok: boolean } {
    if (text.trim() === '') return { value: null, ok: true };
    if (this.mode === 'money') {
      const v = parseMoney(text);
      return { value: v, ok: v !== null };
    }
    const v = parseDecimal(text);
    if (v === null) return { value: null, ok: false };
    if (this.mode === 'integer') return { value: v, ok: Number.isInteger(v) };
    const factor = 10 ** this.decimals;
    return { value: Math.round(v * factor) / factor, ok: true };
  }

  private outOfRange(v: number | null): boolean {
    if (v === null) return false;
    return (this.min !== undefined && v < this.min) || (this.max !== undefined && v > this.max);
  }

  private setText(text: string): void {
    this.text = text;
    const { value, ok } = this.parse(text);
    this.parseError = !ok;
    if (ok) this.value = value;
    const detail: NumericChange = { value: ok ? value : null, valid: ok && !this.outOfRange(value), text, message: this.messageFor(text, value, ok) };
    this.dispatchEvent(new CustomEvent<NumericChange>('change', { detail, bubbles: true, composed: true }));
  }

  private onFocus(): void {
    this.focused = true;
    if (!this.parseError) this.text = this.format(this.value, true);
  }

  private onBlur(): void {
    this.focused = false;
    if (!this.parseError) this.text = this.format(this.value, false);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.closest('form')?.requestSubmit();
    }
  }

  private openKeypad(): void {
    this.keypadValue = this.parseError ? '' : this.format(this.value, true).replace('.', ',');
    // Re-arm "fresh" even if the property value did not change since the last opening.
    this.keypadFresh = false;
    void this.updateComplete.then(() => {
      this.keypadFresh = true;
      this.dialog.show();
    });
  }

  private keypadSubmit(e: CustomEvent<{ value: string }>): void {
    e.stopPropagation();
    this.setText(e.detail.value);
    this.dialog.close('ok');
    this.input?.focus();
  }

  override render() {
    const suffix = this.suffix ?? (this.mode === 'money' ? currencySymbol() : '');
    return html`<div class="wrap ${this.parseError ? 'bad' : ''}">
        <input
          type="text"
          inputmode=${this.mode === 'integer' ? 'numeric' : 'decimal'}
          autocomplete="off"
          data-testid=${this.testid || nothing}
          .value=${this.text}
          placeholder=${this.placeholder || nothing}
          ?disabled=${this.disabled}
          ?required=${this.required}
          aria-invalid=${this.invalid || this.parseError ? 'true' : 'false'}
          aria-label=${this.accessibleName || nothing}
          @input=${(e: Event) => this.setText((e.target as HTMLInputElement).value)}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
          @keydown=${this.onKeydown}
        />
        ${suffix ? html`<span class="suffix" aria-hidden="true">${suffix}</span>` : nothing}
        ${this.keypad
          ? html`<button
              class="kp"
              type="button"
              data-testid=${this.testid ? `${this.testid}-keypad` : nothing}
              aria-label=${t('keypad.open')}
              title=${t('keypad.open')}
              ?disabled=${this.disabled}
              @click=${this.openKeypad}
            >
              ${icon('calculator', 20)}
            </button>`
          : nothing}
      </div>
      ${this.keypad
        ? html`<cpt-dialog size="small" heading=${this.accessibleName || t('keypad.label')}>
            <cpt-keypad
              .value=${this.keypadValue}
              .fresh=${this.keypadFresh}
              .decimals=${this.mode === 'money' ? 2 : this.mode === 'decimal' ? this.decimals : 0}
              ?decimal=${this.mode !== 'integer'}
              testid=${this.testid ? `${this.testid}-pad` : 'keypad'}
              @keypad-input=${(e: CustomEvent) => e.stopPropagation()}
              @keypad-submit=${this.keypadSubmit}
            ></cpt-keypad>
          </cpt-dialog>`
        : nothing}`;
  }
}

function currencySymbol(): string {
  try {
    const parts = new Intl.NumberFormat(i18n.locale, { style: 'currency', currency: i18n.currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? i18n.currency;
  } catch {
    return i18n.currency;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-numeric-field': CptNumericField;
  }
}
