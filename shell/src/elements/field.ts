import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * <cpt-field> — label + control + hint/error message under it.
 *
 * Wrap one native control (input, select, textarea) or a shell control (cpt-numeric-field…):
 *   <cpt-field label="Nom" field="name" .error=${errors.name}>
 *     <input data-testid="article-name" …>
 *   </cpt-field>
 * The control stays in the caller's DOM (so its data-testid is directly on the native element).
 * Properties: label, field (the API field name; the error element gets data-testid="error-<field>"),
 * error (message shown under the control, sets aria-invalid on it), hint, required.
 */
@customElement('cpt-field')
export class CptField extends LitElement {
  @property() label = '';
  @property() field = '';
  @property() error: string | null | undefined = null;
  @property() hint = '';
  @property({ type: Boolean }) required = false;

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
      box-sizing: border-box;
    }
    /* Slotted controls inherit from the slot (flat tree): make them border-box. */
    slot {
      box-sizing: border-box;
    }
    ::slotted(input:not([type='checkbox']):not([type='radio'])),
    ::slotted(select),
    ::slotted(textarea) {
      box-sizing: border-box;
      width: 100%;
    }
    .label {
      display: block;
      font-size: 0.875rem;
      font-weight: 600;
      color: var(--cpt-text, #1b2430);
      margin-bottom: 6px;
      cursor: default;
    }
    .req {
      color: var(--cpt-danger, #b42318);
    }
    .hint {
      font-size: 0.8125rem;
      color: var(--cpt-muted, #5b6675);
      margin-top: 4px;
    }
    .error {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      font-size: 0.875rem;
      color: var(--cpt-danger, #b42318);
      margin-top: 6px;
      line-height: 1.35;
    }
    .error::before {
      content: '!';
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 16px;
      height: 16px;
      margin-top: 1px;
      border-radius: 50%;
      background: var(--cpt-danger, #b42318);
      color: #fff;
      font-size: 0.6875rem;
      font-weight: 700;
    }
  `;

  private controls(): HTMLElement[] {
    const slot = this.shadowRoot?.querySelector('slot');
    return (slot?.assignedElements({ flatten: true }) ?? []) as HTMLElement[];
  }

  override updated(): void {
    this.syncControls();
  }

  private syncControls = (): void => {
    for (const el of this.controls()) {
      if (this.error) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      if (this.label && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) el.setAttribute('aria-label', this.label);
      if ('invalid' in el) (el as unknown as { invalid: boolean }).invalid = !!this.error;
    }
  };

  private focusControl = (): void => {
    const el = this.controls()[0];
    el?.focus();
  };

  /** Focuses the control the field wraps (used to bring the person to a field in error). */
  override focus(): void {
    this.focusControl();
  }

  override render() {
    return html`
      ${this.label
        ? html`<span class="label" part="label" @click=${this.focusControl}
            >${this.label}${this.required ? html` <span class="req" aria-hidden="true">*</span>` : nothing}</span
          >`
        : nothing}
      <slot @slotchange=${this.syncControls}></slot>
      ${this.error
        ? html`<div class="error" role="alert" part="error" data-testid=${this.field ? `error-${this.field}` : 'error'}>${this.error}</div>`
        : this.hint
          ? html`<div class="hint" part="hint">${this.hint}</div>`
          : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-field': CptField;
  }
}
