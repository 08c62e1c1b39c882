import { LitElement, css, html, nothing, render } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { icon } from '../icons.js';
import './button.js';
import { LocaleController, t } from '../i18n/i18n.js';

/** The open modal dialogs, oldest first: the last one is the topmost layer. */
const openDialogs: CptDialog[] = [];

/** What became of a scan offered to the open dialogs. */
export type ScanOffer = 'none' | 'taken' | 'refused';

/**
 * Offers a scanned code to the topmost open dialog before the screen behind it sees it. The dialog takes it
 * when a listener of its `barcode` event (cancelable, detail `{ code }`) calls preventDefault(). A dialog that
 * does not take scans is closed (returnValue 'scan', as a cancel) and the code goes to the next layer, so a
 * scan never acts on a screen hidden under a question; one that cannot be dismissed keeps the scan from
 * going further ('refused'). 'none' means no dialog was in the way.
 */
export function offerScanToDialogs(code: string): ScanOffer {
  while (openDialogs.length > 0) {
    const top = openDialogs[openDialogs.length - 1]!;
    const event = new CustomEvent('barcode', { detail: { code }, cancelable: true });
    if (!top.dispatchEvent(event)) return 'taken';
    if (!top.dismissible) return 'refused';
    top.close('scan');
  }
  return 'none';
}

/** True while a modal dialog is open (the screen behind it is inert). */
export function dialogIsOpen(): boolean {
  return openDialogs.length > 0;
}

function forget(dialog: CptDialog): void {
  const i = openDialogs.indexOf(dialog);
  if (i >= 0) openDialogs.splice(i, 1);
}

/**
 * <cpt-dialog> — modal dialog built on the native <dialog> (focus trap, Escape closes, top layer).
 *
 * Properties: open (boolean, reflected), heading, testid (data-testid of the inner <dialog>),
 * size ('small' | 'medium' | 'large'), dismissible (Escape, ✕ and backdrop click close it; default true).
 * Slots: default (body), `footer` (action buttons). A slotted element with the `autofocus`
 * attribute receives the focus when the dialog opens.
 * Events: `close` (CustomEvent<{ returnValue: string }>) when it closes for any reason; `barcode`
 * (cancelable, `{ code }`) when a scan arrives while it is the topmost layer — call preventDefault() to take
 * it, else the dialog closes as cancelled ('scan') and the scan goes to what is behind.
 * Methods: show(), close(returnValue?).
 */
@customElement('cpt-dialog')
export class CptDialog extends LitElement {
  @property({ type: Boolean, reflect: true }) open = false;
  @property() heading = '';
  @property() testid = '';
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';
  @property({ type: Boolean }) dismissible = true;

  @query('dialog') private dialog!: HTMLDialogElement;
  private returnValue = '';
  private i18n = new LocaleController(this);

  static override styles = css`
    dialog {
      font-family: var(--cpt-font);
      color: var(--cpt-text, #1b2430);
      border: 0;
      padding: 0;
      border-radius: var(--cpt-radius, 8px);
      box-shadow: 0 20px 50px rgba(16, 24, 40, 0.25);
      width: min(560px, calc(100vw - 24px));
      max-height: calc(100dvh - 48px);
      background: var(--cpt-surface, #fff);
      overflow: hidden;
    }
    :host([size='small']) dialog {
      width: min(420px, calc(100vw - 24px));
    }
    :host([size='large']) dialog {
      width: min(880px, calc(100vw - 24px));
    }
    dialog[open] {
      display: flex;
      flex-direction: column;
      animation: pop 0.14s ease-out;
    }
    dialog::backdrop {
      background: rgba(16, 24, 40, 0.45);
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 12px 12px 20px;
      border-bottom: 1px solid var(--cpt-border, #d5dae1);
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.125rem;
      font-weight: 600;
    }
    .x {
      width: 44px;
      height: 44px;
      display: grid;
      place-items: center;
      border: 0;
      background: transparent;
      border-radius: var(--cpt-radius-sm, 6px);
      color: var(--cpt-muted, #5b6675);
      cursor: pointer;
    }
    .x:hover {
      background: var(--cpt-hover, #eef1f4);
    }
    .x:focus-visible {
      outline: 3px solid var(--cpt-focus, #2f7fd1);
    }
    .body {
      padding: 20px;
      overflow: auto;
      line-height: 1.45;
    }
    footer {
      display: flex;
      justify-content: flex-end;
      gap: 12px;
      flex-wrap: wrap;
      padding: 12px 20px;
      border-top: 1px solid var(--cpt-border, #d5dae1);
      background: var(--cpt-bg, #f4f5f7);
    }
    footer.empty {
      display: none;
    }
    @keyframes pop {
      from {
        transform: translateY(8px);
        opacity: 0;
      }
    }
  `;

  show(): void {
    this.open = true;
  }

  close(returnValue = ''): void {
    this.returnValue = returnValue;
    this.open = false;
    forget(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    forget(this);
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open') || !this.dialog) return;
    if (this.open && !this.dialog.open) {
      this.returnValue = '';
      this.dialog.showModal();
      forget(this);
      openDialogs.push(this);
      // Slotted content marked `autofocus` gets the focus (instead of the ✕ button).
      const auto = this.querySelector<HTMLElement>('[autofocus]');
      if (auto) requestAnimationFrame(() => auto.focus());
    } else if (!this.open && this.dialog.open) {
      this.dialog.close(this.returnValue);
    }
  }

  private onNativeClose(): void {
    forget(this);
    if (this.open) this.open = false;
    this.dispatchEvent(new CustomEvent('close', { detail: { returnValue: this.returnValue } }));
  }

  private onCancel(e: Event): void {
    // Escape
    if (!this.dismissible) e.preventDefault();
    else this.returnValue = 'cancel';
  }

  private onClick(e: MouseEvent): void {
    if (!this.dismissible || e.target !== this.dialog) return;
    // Click on the backdrop (outside the dialog box).
    const r = this.dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) this.close('cancel');
  }

  private footerChanged(e: Event): void {
    const slot = e.target as HTMLSlotElement;
    slot.parentElement?.classList.toggle('empty', slot.assignedNodes({ flatten: true }).length === 0);
  }

  override render() {
    return html`<dialog
      data-testid=${this.testid || nothing}
      aria-label=${this.heading || nothing}
      @close=${this.onNativeClose}
      @cancel=${this.onCancel}
      @click=${this.onClick}
    >
      ${this.heading || this.dismissible
        ? html`<header>
            <h2>${this.heading}</h2>
            ${this.dismissible
              ? html`<button class="x" type="button" aria-label=${t('shell.close')} title=${t('shell.close')} @click=${() => this.close('cancel')}>
                  ${icon('close', 20)}
                </button>`
              : nothing}
          </header>`
        : nothing}
      <div class="body"><slot></slot></div>
      <footer class="empty"><slot name="footer" @slotchange=${this.footerChanged}></slot></footer>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-dialog': CptDialog;
  }
}

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  /** data-testid of the dialog; buttons get `<testid>-confirm` and `<testid>-cancel`. Default 'confirm'. */
  testid?: string;
  /** The button focused first (Enter presses it): 'confirm' (default) or 'cancel' for a risky confirmation. */
  focus?: 'confirm' | 'cancel';
}

/** Ask a yes/no question in a modal dialog. Resolves true when confirmed. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const testid = options.testid ?? 'confirm';
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    let result = false;
    const done = (value: boolean) => {
      result = value;
      (host.querySelector('cpt-dialog') as CptDialog | null)?.close(value ? 'confirm' : 'cancel');
    };
    render(
      html`<cpt-dialog
        open
        size="small"
        heading=${options.title}
        testid=${testid}
        @close=${() => {
          host.remove();
          resolve(result);
        }}
      >
        <p style="margin:0">${options.message}</p>
        <cpt-button slot="footer" ?autofocus=${options.focus === 'cancel'} data-testid=${`${testid}-cancel`} @click=${() => done(false)}>${options.cancelLabel ?? t('shell.cancel')}</cpt-button>
        <cpt-button slot="footer" ?autofocus=${options.focus !== 'cancel'} variant=${options.danger ? 'danger' : 'primary'} data-testid=${`${testid}-confirm`} @click=${() => done(true)}
          >${options.confirmLabel ?? t('shell.confirm')}</cpt-button
        >
      </cpt-dialog>`,
      host,
    );
  });
}
