import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../icons.js';

/**
 * <cpt-button> — a 44 px (touch-friendly) button.
 *
 * Properties: variant ('primary' | 'secondary' | 'danger' | 'ghost'; default 'secondary'),
 * type ('button' | 'submit' | 'reset'; submit/reset act on the enclosing <form>, the element is
 * form-associated), disabled, busy (shows a spinner and disables), icon (icon name, see icons.ts),
 * label (accessible name for icon-only buttons), size ('normal' | 'large').
 * Content: default slot. Events: native `click`.
 * Put `data-testid` on the host element.
 */
@customElement('cpt-button')
export class CptButton extends LitElement {
  static formAssociated = true;

  @property({ reflect: true }) variant: 'primary' | 'secondary' | 'danger' | 'ghost' = 'secondary';
  @property() type: 'button' | 'submit' | 'reset' = 'button';
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean, reflect: true }) busy = false;
  @property() icon = '';
  @property() label = '';
  @property({ reflect: true }) size: 'normal' | 'large' = 'normal';

  private internals: ElementInternals | null = null;

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = null;
    }
  }

  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = css`
    :host {
      display: inline-flex;
      vertical-align: middle;
    }
    :host([hidden]) {
      display: none;
    }
    button {
      font: inherit;
      font-weight: 500;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      width: 100%;
      min-height: var(--cpt-touch, 44px);
      min-width: var(--cpt-touch, 44px);
      padding: 0 16px;
      border-radius: var(--cpt-radius-sm, 6px);
      border: 1px solid var(--cpt-border-strong, #b8c0ca);
      background: var(--cpt-surface, #fff);
      color: var(--cpt-text, #1b2430);
      cursor: pointer;
      white-space: nowrap;
      transition: background 0.12s, border-color 0.12s, box-shadow 0.12s;
      -webkit-tap-highlight-color: transparent;
    }
    :host([size='large']) button {
      min-height: 56px;
      font-size: 1.0625rem;
      padding: 0 24px;
    }
    button:hover:not(:disabled) {
      background: var(--cpt-hover, #eef1f4);
    }
    button:active:not(:disabled) {
      transform: translateY(1px);
    }
    button:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
      outline-offset: 2px;
    }
    :host([variant='primary']) button {
      background: var(--cpt-primary, #1d5c8f);
      border-color: var(--cpt-primary, #1d5c8f);
      color: var(--cpt-on-primary, #fff);
    }
    :host([variant='primary']) button:hover:not(:disabled) {
      background: var(--cpt-primary-strong, #164a74);
    }
    :host([variant='danger']) button {
      background: var(--cpt-surface, #fff);
      border-color: var(--cpt-danger, #b42318);
      color: var(--cpt-danger, #b42318);
    }
    :host([variant='danger']) button:hover:not(:disabled) {
      background: var(--cpt-danger-soft, #fdecea);
    }
    :host([variant='ghost']) button {
      background: transparent;
      border-color: transparent;
    }
    :host([variant='ghost']) button:hover:not(:disabled) {
      background: var(--cpt-hover, #eef1f4);
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .icon-only {
      padding: 0;
    }
    .spinner {
      width: 16px;
      height: 16px;
      border: 2px solid currentColor;
      border-right-color: transparent;
      border-radius: 50%;
      animation: spin 0.7s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
  `;

  override updated(): void {
    if (this.disabled || this.busy) this.setAttribute('aria-disabled', 'true');
    else this.removeAttribute('aria-disabled');
  }

  override render() {
    const hasText = this.textContent?.trim() !== '';
    return html`<button
      part="button"
      type="button"
      class=${hasText ? '' : 'icon-only'}
      ?disabled=${this.disabled || this.busy}
      aria-busy=${this.busy ? 'true' : 'false'}
      aria-label=${this.label || nothing}
      title=${!hasText && this.label ? this.label : nothing}
      @click=${this.onClick}
    >
      ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : this.icon ? icon(this.icon, 20) : nothing}
      <slot></slot>
    </button>`;
  }

  private onClick(e: Event): void {
    if (this.disabled || this.busy) {
      e.stopPropagation();
      return;
    }
    const form = this.internals?.form;
    if (!form) return;
    if (this.type === 'submit') form.requestSubmit();
    else if (this.type === 'reset') form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-button': CptButton;
  }
}
