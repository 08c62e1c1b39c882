import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from '../icons.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { dismissToast, onToasts, type Toast } from '../notify.js';

/**
 * <cpt-toaster> — shows the toasts emitted with toast()/toastError() (one instance lives in <cpt-app>).
 * Each toast has data-testid="toast" and data-level="info|success|warning|error". Click dismisses.
 */
@customElement('cpt-toaster')
export class CptToaster extends LitElement {
  @state() private toasts: readonly Toast[] = [];
  private off: (() => void) | null = null;
  private i18n = new LocaleController(this);

  static override styles = css`
    :host {
      position: fixed;
      z-index: 1000;
      right: 16px;
      bottom: 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      width: min(420px, calc(100vw - 32px));
      pointer-events: none;
      font-family: var(--cpt-font);
    }
    .toast {
      pointer-events: auto;
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 8px 12px 14px;
      border-radius: var(--cpt-radius, 8px);
      background: var(--cpt-text, #1b2430);
      color: #fff;
      box-shadow: 0 10px 30px rgba(16, 24, 40, 0.25);
      border-left: 5px solid var(--cpt-primary, #1d5c8f);
      animation: in 0.16s ease-out;
      line-height: 1.4;
    }
    .toast[data-level='success'] {
      border-left-color: #3fb47a;
    }
    .toast[data-level='warning'] {
      border-left-color: #f0a43a;
    }
    .toast[data-level='error'] {
      border-left-color: #f06a5e;
    }
    .toast[data-level='info'] {
      border-left-color: #6aa8e0;
    }
    .ic {
      flex: none;
      margin-top: 1px;
    }
    .msg {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .detail {
      font-size: 0.875rem;
      opacity: 0.85;
      margin-top: 2px;
    }
    button {
      flex: none;
      width: 32px;
      height: 32px;
      margin: -4px 0;
      display: grid;
      place-items: center;
      border: 0;
      background: transparent;
      color: inherit;
      opacity: 0.8;
      border-radius: 6px;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid #fff;
    }
    @keyframes in {
      from {
        transform: translateY(10px);
        opacity: 0;
      }
    }
    @media (max-width: 767px) {
      :host {
        left: 16px;
        right: 16px;
        width: auto;
        bottom: 12px;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = onToasts((list) => (this.toasts = list));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
  }

  override render() {
    return html`<div role="status" aria-live="polite" style="display:contents">
      ${repeat(
        this.toasts,
        (x) => x.id,
        (x) => html`<div class="toast" data-testid="toast" data-level=${x.level} role=${x.level === 'error' ? 'alert' : nothing}>
          <span class="ic">${icon(x.level === 'success' ? 'check' : x.level === 'info' ? 'info' : 'alert', 20)}</span>
          <div class="msg">
            <div data-testid="toast-message">${x.message}</div>
            ${x.detail ? html`<div class="detail">${x.detail}</div>` : nothing}
          </div>
          <button type="button" aria-label=${t('shell.close')} @click=${() => dismissToast(x.id)}>${icon('close', 16)}</button>
        </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-toaster': CptToaster;
  }
}
