import { ApiClient, LitElement, LocaleController, customElement, errorMessage, html, isApiError, nothing, property, sharedStyles, state, t } from '@comptoir/shell';

/** Answers the dialog keeps open for another try: a wrong PIN, a locked PIN, an approver without the right. */
const RETRY = new Set(['APPROVAL_PIN_INVALID', 'PIN_LOCKED', 'APPROVAL_DENIED', 'APPROVAL_INVALID', 'AUTH_RATE_LIMITED']);

/** The permission a 403 answer names, when a manager's PIN may approve it; null otherwise. */
export function approvalNeeded(err: unknown): string | null {
  if (!isApiError(err) || err.status !== 403 || RETRY.has(err.code)) return null;
  const permission = (err.problem as { permission?: unknown }).permission;
  return typeof permission === 'string' ? permission : null;
}

/**
 * Runs an API call; when the server answers 403 naming the permission the user lacks, asks a manager for their
 * PIN in a `<cpt-pos-approval>` dialog and runs the call again with the `X-Comptoir-Approval` header (the kernel
 * checks the PIN and the manager's right, and journals the approver). Cancelling throws the first answer back.
 *
 *     await withApproval(this.api, (headers) => this.api.post('/pos/cash/drawer', body, { headers }));
 *
 * Keep an `Idempotency-Key` outside `call`: the retry must send the same one.
 */
export async function withApproval<T>(api: ApiClient, call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  try {
    return await call({});
  } catch (err) {
    const permission = approvalNeeded(err);
    if (!permission) throw err;
    const dialog = document.createElement('cpt-pos-approval');
    dialog.api = api;
    dialog.reason = errorMessage(err);
    const done = new Promise<T>((resolve, reject) => {
      dialog.attempt = async (userId, pin) => resolve(await call({ 'X-Comptoir-Approval': `${userId}:${pin}:${permission}` }));
      dialog.cancelled = () => reject(err);
      dialog.failed = reject;
    });
    document.body.append(dialog);
    try {
      return await done;
    } finally {
      dialog.remove();
    }
  }
}

/**
 * <cpt-pos-approval> — a manager's PIN typed on the cashier's screen to approve one action. Opened by
 * `withApproval`; the names are those who may sign in with a PIN at this station (GET /api/auth/station-users).
 * A wrong PIN, a locked one or a manager without the right stays in the dialog with the server's message.
 *
 * Test ids: pos-approval, pos-approval-reason, pos-approval-user, pos-approval-pin, pos-approval-ok,
 * pos-approval-cancel, pos-approval-error.
 */
@customElement('cpt-pos-approval')
export class PosApprovalDialog extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  /** Why approval is asked (the server's 403 message). */
  @property() reason = '';
  attempt: (userId: number, pin: string) => Promise<void> = async () => undefined;
  cancelled: () => void = () => undefined;
  failed: (err: unknown) => void = () => undefined;

  @state() private users: Array<{ id: number; displayName: string }> = [];
  @state() private userId = 0;
  @state() private pin = '';
  @state() private error = '';
  @state() private busy = false;
  private settled = false;
  private i18n = new LocaleController(this);

  static override styles = [sharedStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    // The one asking lacks the right: someone else is offered first.
    void Promise.all([
      this.api.get<Array<{ id: number; displayName: string }>>('/auth/station-users'),
      this.api.get<{ user?: { id: number } }>('/session').catch(() => ({ user: undefined })),
    ]).then(([u, session]) => {
      this.users = u;
      this.userId ||= (u.find((x) => x.id !== session.user?.id) ?? u[0])?.id ?? 0;
    }, (err) => (this.error = errorMessage(err)));
  }

  private async approve(): Promise<void> {
    if (this.busy || !this.userId || !/^\d{4,8}$/.test(this.pin)) return;
    this.busy = true;
    this.error = '';
    try {
      await this.attempt(this.userId, this.pin);
      this.settled = true;
    } catch (err) {
      if (isApiError(err) && RETRY.has(err.code)) {
        this.error = err.detail ?? errorMessage(err);
        this.pin = '';
      } else {
        this.settled = true;
        this.failed(err);
      }
    } finally {
      this.busy = false;
    }
  }

  private closed(): void {
    if (this.settled) return;
    this.settled = true;
    this.cancelled();
  }

  override render() {
    return html`<cpt-dialog open size="small" heading=${t('pos.approval.title')} testid="pos-approval" @close=${() => this.closed()}>
      <p class="muted" data-testid="pos-approval-reason">${this.reason}</p>
      <p>${t('pos.approval.help')}</p>
      <label>${t('pos.approval.user')}
        <select style="width:100%;min-height:44px" data-testid="pos-approval-user" .value=${String(this.userId)}
          @change=${(e: Event) => (this.userId = Number((e.target as HTMLSelectElement).value))}>
          ${this.users.map((u) => html`<option value=${u.id} ?selected=${u.id === this.userId}>${u.displayName}</option>`)}
        </select></label>
      <label>${t('pos.approval.pin')}
        <input type="password" inputmode="numeric" autocomplete="off" maxlength="8" autofocus style="width:100%;min-height:44px" data-testid="pos-approval-pin"
          .value=${this.pin} @input=${(e: Event) => (this.pin = (e.target as HTMLInputElement).value.replace(/\D/g, ''))}
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') void this.approve(); }} /></label>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-approval-error">${this.error}</div>` : nothing}
      <div slot="footer">
        <cpt-button data-testid="pos-approval-cancel" @click=${() => this.closed()}>${t('pos.approval.cancel')}</cpt-button>
        <cpt-button variant="primary" icon="key" data-testid="pos-approval-ok" ?busy=${this.busy} ?disabled=${!this.userId || this.pin.length < 4}
          @click=${() => void this.approve()}>${t('pos.approval.ok')}</cpt-button>
      </div>
    </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-approval': PosApprovalDialog;
  }
}
